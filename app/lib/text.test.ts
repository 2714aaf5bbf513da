import { describe, expect, it } from "vitest";
import { quoted, shortUrl, shortenAtWord } from "./text";

describe("quoted", () => {
  it("adds curly quotes once, and turns the text's own double quotes into single ones", () => {
    expect(quoted("Spending was lower")).toBe("“Spending was lower”");
    expect(quoted("“Anthropic must comply,” he said.")).toBe("“‘Anthropic must comply,’ he said.”");
    expect(quoted('"Plain quotes"')).toBe("“Plain quotes”");
    expect(quoted('The military has "made some very good concessions."')).toBe("“The military has ‘made some very good concessions.’”");
    expect(quoted('He called it "fine" (or "good")')).toBe("“He called it ‘fine’ (or ‘good’)”");
    expect(quoted("It's the company's view")).toBe("“It's the company's view”");
    expect(quoted("„Das stimmt“, sagte er.")).toBe("„Das stimmt“, sagte er.");
    expect(quoted("  padded  ")).toBe("“padded”");
  });
});

describe("shortUrl", () => {
  it("drops the scheme and www, and cuts long paths", () => {
    expect(shortUrl("https://www.example.org/")).toBe("example.org");
    expect(shortUrl("https://example.org/news/2026/12/01/pentagon-gives-anthropic-deadline")).toBe(
      "example.org/news/2026/12/01/pentagon-gi…",
    );
    expect(shortUrl("https://example.org/news/2026/12/01/pentagon-gives-anthropic-deadline")).toHaveLength(40);
  });
});

describe("shortenAtWord", () => {
  it("cuts at a word boundary with an ellipsis, and leaves short text alone", () => {
    expect(shortenAtWord("As the U.S. military's budget talks stalled on Tuesday, officials said", 40)).toBe(
      "As the U.S. military's budget talks…",
    );
    expect(shortenAtWord("Short title", 40)).toBe("Short title");
    expect(shortenAtWord("Supercalifragilisticexpialidociousword and more", 10)).toBe("Supercalif…");
  });
});
