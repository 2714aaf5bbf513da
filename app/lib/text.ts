// Small text helpers for what people read (reports, history). Client-safe.

const OPENING = /^["“„‘‚'«‹「『]/;

/**
 * The text in curly quotes, unless it already carries its own: a quote that starts
 * with a quotation mark is not given a second one ("““Anthropic…").
 */
export function quoted(value: string): string {
  const text = value.trim();
  if (OPENING.test(text)) return text;
  return `“${text}”`;
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
