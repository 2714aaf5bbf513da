import { describe, expect, it } from "vitest";
import { hasUnsafeNameChars, stripUnsafeNameChars, terminalSafe } from "./text-safety";

describe("unsafe characters in names", () => {
  it.each([
    "nul\u0000",
    "bell\u0007",
    "esc\u001b[31m",
    "cod\u202eexe.doc",
    "iso\u2066x\u2069",
    "line\nbreak",
    "tab\there",
    "c1\u0085",
    "del\u007f",
  ])("finds them in %j", (name) => expect(hasUnsafeNameChars(name)).toBe(true));

  it.each(["Lucía Rivera", "محمد علي", "李小龙", "O'Brien-Smith (desk)", "Zoë 🚢"])("accepts %j", (name) => {
    expect(hasUnsafeNameChars(name)).toBe(false);
  });

  it("strips them from imported titles, keeping the words apart", () => {
    expect(stripUnsafeNameChars("\u001b]0;pwned\u0007Ferry\u001b[2Jfares \u202erise\u202c")).toBe("]0;pwned Ferry [2Jfares rise");
    expect(stripUnsafeNameChars("Ferry\n\nfares")).toBe("Ferry fares");
  });

  it("keeps line breaks and tabs in terminal output but drops escapes, carriage returns and overrides", () => {
    expect(terminalSafe("imported\t\u001b[31mred\u001b[0m\r\n\u202edone\n")).toBe("imported\t[31mred[0m\ndone\n");
  });
});
