import { segmentSentences } from "./extraction/sentences";

// Web Annotation style anchors: a position selector (start, end in the normalized
// text) and a quote selector (exact text plus ~32 characters either side).
export const CONTEXT_LENGTH = 32;

export interface Anchor {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
}

export function quoteSelector(text: string, start: number, end: number): { prefix: string; suffix: string } {
  return { prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start), suffix: text.slice(end, end + CONTEXT_LENGTH) };
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

function occurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  if (exact === "") return found;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

/** Picks among exact occurrences the one whose context matches best, then the one nearest the old position. */
function bestOccurrence(text: string, anchor: Anchor, positions: number[]): number {
  let best = positions[0]!;
  let bestScore = -Infinity;
  for (const position of positions) {
    const before = text.slice(Math.max(0, position - CONTEXT_LENGTH), position);
    const after = text.slice(position + anchor.exact.length, position + anchor.exact.length + CONTEXT_LENGTH);
    const score =
      commonSuffixLength(before, anchor.prefix) + commonPrefixLength(after, anchor.suffix) - Math.abs(position - anchor.start) / 10_000;
    if (score > bestScore) {
      bestScore = score;
      best = position;
    }
  }
  return best;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu) ?? [];
}

/** Dice coefficient over word multisets: 1 for the same words, 0 for none in common. */
export function wordSimilarity(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of left) counts.set(word, (counts.get(word) ?? 0) + 1);
  let shared = 0;
  for (const word of right) {
    const count = counts.get(word) ?? 0;
    if (count > 0) {
      shared += 1;
      counts.set(word, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

export const FUZZY_ANCHOR_MIN_SIMILARITY = 0.7;

export type Reanchored = { start: number; end: number; exact: string; method: "exact" | "fuzzy"; similarity: number };

/**
 * Places an anchor in a new version of the text: the exact quote where it still
 * appears (disambiguated by context), else the sentence, or pair of sentences, most
 * like it when at least FUZZY_ANCHOR_MIN_SIMILARITY of its words survive. Null
 * means it cannot be placed and a person must decide.
 */
export function reanchor(newText: string, anchor: Anchor): Reanchored | null {
  const positions = occurrences(newText, anchor.exact);
  if (positions.length > 0) {
    const start = bestOccurrence(newText, anchor, positions);
    return { start, end: start + anchor.exact.length, exact: anchor.exact, method: "exact", similarity: 1 };
  }
  const sentences = segmentSentences(newText);
  let best: Reanchored | null = null;
  const consider = (start: number, end: number) => {
    const candidate = newText.slice(start, end);
    const similarity = wordSimilarity(anchor.exact, candidate);
    const nearer = best && similarity === best.similarity && Math.abs(start - anchor.start) < Math.abs(best.start - anchor.start);
    if (!best || similarity > best.similarity || nearer) best = { start, end, exact: candidate, method: "fuzzy", similarity };
  };
  sentences.forEach((sentence, index) => {
    consider(sentence.start, sentence.end);
    const next = sentences[index + 1];
    if (next && next.paragraph === sentence.paragraph) consider(sentence.start, next.end);
  });
  const found = best as Reanchored | null;
  return found && found.similarity >= FUZZY_ANCHOR_MIN_SIMILARITY ? found : null;
}

/** Where a quoted passage stands in the text, for claims added by quoting: null when absent, "ambiguous" when it appears more than once. */
export function locateQuote(text: string, exact: string): { start: number; end: number } | null | "ambiguous" {
  const positions = occurrences(text, exact);
  if (positions.length === 0) return null;
  if (positions.length > 1) return "ambiguous";
  return { start: positions[0]!, end: positions[0]! + exact.length };
}
