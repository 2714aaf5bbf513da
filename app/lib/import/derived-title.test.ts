import { describe, expect, it } from "vitest";
import { parseImportFile as parseItems, parsePastedText } from "./parse-file";
import type { ParsedArticle } from "./types";

function parseImportFile(fileName: string, bytes: Uint8Array, maxBytes: number): ParsedArticle[] {
  return parseItems(fileName, bytes, maxBytes).map((item) => {
    if (!item.ok) throw new Error(item.error);
    return item.article;
  });
}

const encode = (text: string) => new TextEncoder().encode(text);
const LEAD =
  "As the harbour authority's budget talks stalled on Tuesday, officials in Port Alder said the ferry timetable would be cut by a third from March. Fares stay the same.";

describe("titles made from the text are marked as derived", () => {
  it("gives a headline-less plain-text file its first sentence, cut at a word boundary, as a derived title", () => {
    const [article] = parseImportFile("000_8ac80d81abd7ce2c.txt", encode(LEAD), 1_000_000);
    expect(article!.titleDerived).toBe(true);
    expect(article!.title).toBe("As the harbour authority's budget talks stalled on Tuesday, officials in Port Alder said…");
    expect(LEAD.startsWith(article!.title.replace(/…$/, ""))).toBe(true);
  });

  it("does not mark a headline, a Markdown heading, an HTML headline or a pasted title as derived", () => {
    expect(parseImportFile("a.txt", encode(`Ferry timetable cut by a third\n\n${LEAD}`), 1_000_000)[0]!).toMatchObject({
      title: "Ferry timetable cut by a third",
      titleDerived: false,
    });
    expect(parseImportFile("a.md", encode(`# Ferry cuts\n\n${LEAD}`), 1_000_000)[0]!.titleDerived).toBe(false);
    expect(parseImportFile("a.html", encode(`<article><h1>Ferry cuts</h1><p>${LEAD}</p></article>`), 1_000_000)[0]!.titleDerived).toBe(
      false,
    );
    expect(parsePastedText(LEAD, "Given title")).toMatchObject({ title: "Given title", titleDerived: false });
  });

  it("marks the file-name title of a headline-less article and a pasted text without a title as derived", () => {
    expect(parseImportFile("ferry-cuts.txt", encode(LEAD), 1_000_000)[0]!).toMatchObject({ title: "Ferry cuts", titleDerived: true });
    expect(parsePastedText(LEAD, undefined).titleDerived).toBe(true);
    expect(parseImportFile("a.html", encode(`<article><p>${LEAD}</p></article>`), 1_000_000)[0]!.titleDerived).toBe(true);
  });
});
