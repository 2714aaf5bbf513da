/** A claim in its article: the paragraph before, its own paragraph cut around it, the paragraph after. */
export interface ArticleContext {
  before: string | null;
  paragraph: { lead: string; claim: string; tail: string };
  after: string | null;
}

const PARAGRAPH_BREAK = "\n\n";
/** Neighbouring paragraphs are cut to about this many characters, on the side away from the claim. */
export const CONTEXT_LIMIT = 400;

function cutEnd(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const space = text.lastIndexOf(" ", limit);
  return `${text.slice(0, space > limit / 2 ? space : limit).trimEnd()}…`;
}

function cutStart(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const from = text.length - limit;
  const space = text.indexOf(" ", from);
  return `…${text.slice(space !== -1 && space < from + limit / 2 ? space + 1 : from).trimStart()}`;
}

/**
 * The context of the range `[start, end)` of an article's text (paragraphs are separated by a
 * blank line, as the reader shows them). Null when the range is not where the claim says it is
 * (`expected`): a claim that lost its place in a new version of the article has no context.
 */
export function articleContext(text: string, range: { start: number; end: number; expected: string }): ArticleContext | null {
  const { start, end, expected } = range;
  if (start < 0 || end > text.length || start >= end || text.slice(start, end) !== expected) return null;
  const breakBefore = text.lastIndexOf(PARAGRAPH_BREAK, start);
  const paragraphStart = breakBefore === -1 ? 0 : breakBefore + PARAGRAPH_BREAK.length;
  const breakAfter = text.indexOf(PARAGRAPH_BREAK, end);
  const paragraphEnd = breakAfter === -1 ? text.length : breakAfter;

  const previousBreak = breakBefore <= 0 ? -1 : text.lastIndexOf(PARAGRAPH_BREAK, breakBefore - 1);
  const before =
    breakBefore === -1 ? "" : text.slice(previousBreak === -1 ? 0 : previousBreak + PARAGRAPH_BREAK.length, breakBefore).trim();
  const nextBreak = breakAfter === -1 ? -1 : text.indexOf(PARAGRAPH_BREAK, breakAfter + PARAGRAPH_BREAK.length);
  const after = breakAfter === -1 ? "" : text.slice(breakAfter + PARAGRAPH_BREAK.length, nextBreak === -1 ? text.length : nextBreak).trim();

  return {
    before: before ? cutStart(before, CONTEXT_LIMIT) : null,
    paragraph: {
      lead: cutStart(text.slice(paragraphStart, start).trimStart(), CONTEXT_LIMIT),
      claim: expected,
      tail: cutEnd(text.slice(end, paragraphEnd).trimEnd(), CONTEXT_LIMIT),
    },
    after: after ? cutEnd(after, CONTEXT_LIMIT) : null,
  };
}
