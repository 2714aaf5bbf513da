// Small text helpers for what people read (reports, history). Client-safe.

// Quotation conventions other than English double quotes are left as the text has them.
const FOREIGN_OPENING = /^[„‚«‹「『]/;
const ENCLOSED = /^["“]([^"“”]*)["”]$/;

/**
 * The text in curly double quotes, with the double quotes it carries itself turned into
 * single ones (“He said ‘no’.”), so that a quote never opens or closes twice
 * (“The military “made concessions.”” reads as a misprint). Words are not changed.
 */
export function quoted(value: string): string {
  const text = value.trim();
  if (FOREIGN_OPENING.test(text)) return text;
  const inner = ENCLOSED.exec(text)?.[1] ?? text;
  const nested = inner
    .replace(/“/g, "‘")
    .replace(/”/g, "’")
    // A straight quote opens after a space, an opening bracket or dash, or at the start; else it closes.
    .replace(/(^|[\s([{\u2014\u2013-])"/g, "$1‘")
    .replace(/"/g, "’");
  return `“${nested}”`;
}

/** An address as a person reads it: no scheme or "www.", the path cut to fit ("example.org/news/…"). */
export function shortUrl(url: string, max = 40): string {
  const display = url
    .replace(/^https?:\/\//i, "")
    .replace(/^www\./i, "")
    .replace(/\/$/, "");
  return display.length <= max ? display : `${display.slice(0, max - 1)}…`;
}

/** The text cut at a word boundary near `max` characters, with an ellipsis when cut. */
export function shortenAtWord(value: string, max: number): string {
  const text = value.trim().replace(/\s+/g, " ");
  if (text.length <= max) return text;
  const cut = text.slice(0, max + 1);
  const space = cut.lastIndexOf(" ");
  const kept = space > max * 0.5 ? cut.slice(0, space) : text.slice(0, max);
  return `${kept.replace(/[\s,;:.–—-]+$/, "")}…`;
}
