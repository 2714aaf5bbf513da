import { describe, expect, it } from "vitest";
import { growthRatio, linearBound } from "../../../tests/support/growth";
import { joinParagraphs, normalizeParagraph } from "./normalize";

describe("normalizing paragraphs", () => {
  it("turns every run of whitespace, line breaks included, into one space", () => {
    expect(normalizeParagraph("  Ferry \t fares\n\n  rise\u00a0\u2003by 4% \u200b\r\n")).toBe("Ferry fares rise by 4%");
    expect(joinParagraphs(["One\nline", "   ", "Two  \n  lines"])).toBe("One line\n\nTwo lines");
  });

  it.each([
    ["spaces", (n: number) => `a${" ".repeat(n)}b`],
    ["spaces and line breaks", (n: number) => `a${" \n\t".repeat(n / 3)}b`],
    ["spaces before a line break", (n: number) => `a${" ".repeat(n)}\nb${" ".repeat(n)}`],
  ])("takes time linear in the length of long runs of %s", (_, make) => {
    const small = 5_000;
    const large = 20_000;
    const texts = new Map([small, large].map((n) => [n, make(n)]));
    expect(growthRatio((n) => normalizeParagraph(texts.get(n)!), small, large)).toBeLessThan(linearBound(small, large));
    expect(normalizeParagraph(make(100_000))).toMatch(/^a b/);
  });
});
