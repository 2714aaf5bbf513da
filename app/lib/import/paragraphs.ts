// Paragraphs of a plain-text article, decided by the document's own line pattern:
//  - one paragraph per line (copy pasted from a CMS), with or without blank lines between;
//  - blank-line separated paragraphs;
//  - hard-wrapped text (lines broken at a fixed width, as in e-mail and wire feeds), which
//    is re-flowed: lines join into their paragraph, and a paragraph ends at a blank line,
//    an indented line, or a short line that ends a sentence.

export type LineShape = "single" | "line-per-paragraph" | "blank-line-separated" | "hard-wrapped";

/** Hard-wrapped text breaks lines at a width no wider than this. */
const MAX_WRAP_WIDTH = 100;
/** A line shorter than this share of the wrap width, ending a sentence, ends its paragraph. */
const SHORT_LINE = 0.8;
const ENDS_SENTENCE = /[.!?…:]["”’)\]]*$/;

function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

/**
 * The shape of the text's lines. Hard-wrapped when the lines stay within a fixed width
 * and most line ends inside a paragraph fall mid-sentence; otherwise each line is a
 * paragraph (a blank line between paragraphs changes nothing).
 */
export function lineShape(text: string): LineShape {
  const lines = text.split("\n").map((line) => line.trimEnd());
  const filled = lines.filter((line) => line.trim() !== "");
  if (filled.length <= 1) return "single";
  const hasBlank = lines.some((line, i) => line.trim() === "" && i > 0 && i < lines.length - 1);
  // Line ends followed by another line of the same block: where a wrapped text breaks mid-sentence.
  const inner: Array<{ line: string; next: string }> = [];
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    if (line.trim() !== "" && next !== undefined && next.trim() !== "") inner.push({ line, next });
  });
  const width = percentile(
    filled.map((line) => line.length),
    0.9,
  );
  if (inner.length > 0 && width <= MAX_WRAP_WIDTH) {
    const midSentence = inner.filter(({ line, next }) => !ENDS_SENTENCE.test(line.trim()) || /^\s*[a-z(,;]/.test(next)).length;
    if (midSentence / inner.length >= 0.4) return "hard-wrapped";
  }
  return hasBlank && inner.length === 0 ? "blank-line-separated" : "line-per-paragraph";
}

/** Joins the lines of hard-wrapped text into paragraphs. */
function reflow(lines: string[]): string[] {
  const filled = lines.filter((line) => line.trim() !== "");
  const width = percentile(
    filled.map((line) => line.trimEnd().length),
    0.9,
  );
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push(current.join(" "));
    current = [];
  };
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line.trim() === "") return flush();
    // An indented line opens a paragraph (but not the first line of the text).
    if (/^(?:\s{2,}|\t)\S/.test(line) && current.length > 0) flush();
    current.push(line.trim());
    const next = lines[i + 1];
    const short = line.length < SHORT_LINE * width;
    if (short && ENDS_SENTENCE.test(line) && next !== undefined && next.trim() !== "" && /^\s*["“‘(]?\p{Lu}/u.test(next)) flush();
  });
  flush();
  return paragraphs;
}

/** The paragraphs of plain text (newlines unified to "\n"), by its line pattern; empty ones dropped. */
export function paragraphsByLinePattern(text: string): { shape: LineShape; paragraphs: string[] } {
  const shape = lineShape(text);
  const lines = text.split("\n");
  if (shape === "hard-wrapped") return { shape, paragraphs: reflow(lines) };
  return { shape, paragraphs: lines.map((line) => line.trim()).filter((line) => line !== "") };
}

/** How many paragraphs a stored document text holds (they are separated by a blank line). */
export function countParagraphs(storedText: string): number {
  return storedText.split("\n\n").filter((p) => p.trim() !== "").length;
}
