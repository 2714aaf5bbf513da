import { paragraphsByLinePattern } from "./paragraphs";

// Zero-width characters, and control characters that mean nothing in prose (NUL cannot even be stored in PostgreSQL text).
const PROSELESS_CONTROLS = "\\u0000-\\u0008\\u000e-\\u001f\\u007f-\\u0084\\u0086-\\u009f";
const INVISIBLE = new RegExp(`[\\u200b-\\u200d\\u2060\\ufeff\\u00ad${PROSELESS_CONTROLS}]`, "g");

// Any run of whitespace, line breaks included. Matched greedily from where it starts, so the
// time is linear; /\s*\n\s*/ backtracked over every long run (100,000 spaces took 10 s).
const ANY_SPACE = /[\s\u0085]+/g;

export function normalizeParagraph(paragraph: string): string {
  return paragraph.replace(INVISIBLE, "").replace(ANY_SPACE, " ").trim();
}

/** Joins paragraphs with one blank line, dropping empty ones; curly quotes and dashes are kept as written. */
export function joinParagraphs(paragraphs: Iterable<string>): string {
  const kept: string[] = [];
  for (const paragraph of paragraphs) {
    const normalized = normalizeParagraph(paragraph);
    if (normalized !== "") kept.push(normalized);
  }
  return kept.join("\n\n");
}

export function paragraphsOfPlainText(text: string): string[] {
  // Decided by the document's own line pattern: one paragraph per line, blank-line separated, or hard-wrapped and re-flowed.
  return paragraphsByLinePattern(text.replace(/\r\n?/g, "\n")).paragraphs;
}

const LEAD_TITLE_LENGTH = 90;

/** The article's opening sentence as a title, cut at a word near 90 characters. */
export function titleFromLead(text: string): string {
  const first = (text.split("\n\n")[0] ?? "").split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?\p{Lu})/u)[0]!.trim();
  if (first.length <= LEAD_TITLE_LENGTH) return first.replace(/[.]$/, "") || "Untitled";
  const cut = first.slice(0, LEAD_TITLE_LENGTH + 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > 40 ? cut.slice(0, space) : cut.slice(0, LEAD_TITLE_LENGTH)).replace(/[,;:]$/, "")}…`;
}
