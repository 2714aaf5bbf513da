import { describe, expect, it } from "vitest";
import { countParagraphs, lineShape, paragraphsByLinePattern } from "./paragraphs";
import { parsePlainText } from "./text";

const perLine = [
  "The harbour board voted on Tuesday to close the north pier to ferries from June, after engineers found corrosion in its supports.",
  "Harbourmaster Leon Abara said the closure would last at least 18 months.",
  "Ferries will use the south pier in the meantime, the board said.",
  "Islanders gathered at the pier in the rain.",
].join("\n");

const wrapped = [
  "The harbour board voted on Tuesday to close the north pier to ferries",
  "from June, after engineers found corrosion in its supports. The repair",
  "will cost about $4 million, the board said.",
  "  Harbourmaster Leon Abara said the closure would last at least 18",
  "months and that ferries would use the south pier in the meantime.",
  "  Islanders gathered at the pier in the rain.",
  "  Several held handmade signs asking the board to reconsider its plan",
  "before the summer season, when the island's population triples.",
].join("\n");

describe("paragraphs by the document's own line pattern", () => {
  it("keeps one paragraph per line, as copy pasted from a CMS", () => {
    const { shape, paragraphs } = paragraphsByLinePattern(perLine);
    expect(shape).toBe("line-per-paragraph");
    expect(paragraphs).toHaveLength(4);
  });

  it("keeps one paragraph per line when a stray blank line is the only one (the imported wall of text)", () => {
    const [first, ...rest] = perLine.split("\n");
    const { shape, paragraphs } = paragraphsByLinePattern(`${first}\n\n${rest.join("\n")}`);
    expect(shape).toBe("line-per-paragraph");
    expect(paragraphs).toHaveLength(4);
  });

  it("splits blank-line separated paragraphs", () => {
    const { shape, paragraphs } = paragraphsByLinePattern(perLine.split("\n").join("\n\n"));
    expect(shape).toBe("blank-line-separated");
    expect(paragraphs).toHaveLength(4);
  });

  it("re-flows hard-wrapped text, ending paragraphs at indents and at short lines that end a sentence", () => {
    const { shape, paragraphs } = paragraphsByLinePattern(wrapped);
    expect(shape).toBe("hard-wrapped");
    expect(paragraphs).toEqual([
      "The harbour board voted on Tuesday to close the north pier to ferries from June, after engineers found corrosion in its supports. The repair will cost about $4 million, the board said.",
      "Harbourmaster Leon Abara said the closure would last at least 18 months and that ferries would use the south pier in the meantime.",
      "Islanders gathered at the pier in the rain.",
      "Several held handmade signs asking the board to reconsider its plan before the summer season, when the island's population triples.",
    ]);
  });

  it("ends a wrapped paragraph at a short line that ends a sentence", () => {
    const text = [
      "The council approved the budget on Monday after a debate that ran",
      "past midnight, with two members abstaining.",
      "Residents who spoke at the meeting said the cuts to bus services",
      "would leave the villages without a daily connection.",
    ].join("\n");
    expect(paragraphsByLinePattern(text).paragraphs).toHaveLength(2);
  });

  it("re-flows hard-wrapped paragraphs separated by blank lines", () => {
    const text =
      "Line one of a paragraph that is wrapped at a\nfixed width by the sender.\n\nA second paragraph that is also wrapped\nat the same width.";
    expect(paragraphsByLinePattern(text).paragraphs).toEqual([
      "Line one of a paragraph that is wrapped at a fixed width by the sender.",
      "A second paragraph that is also wrapped at the same width.",
    ]);
  });

  it("treats a single line as one paragraph", () => {
    expect(lineShape("Just one line.")).toBe("single");
  });

  it("imports each shape with its paragraphs, and a wrapped first line is not taken for a headline", () => {
    expect(countParagraphs(parsePlainText(perLine, null).text)).toBe(4);
    const parsed = parsePlainText(wrapped, null);
    expect(countParagraphs(parsed.text)).toBe(4);
    expect(parsed.text.startsWith("The harbour board voted on Tuesday")).toBe(true);
    const titled = parsePlainText(`Harbour board closes north pier\n\n${wrapped}`, null);
    expect(titled.title).toBe("Harbour board closes north pier");
    expect(countParagraphs(titled.text)).toBe(4);
  });
});
