// What a reviewer types in a search box, read once into terms that both databases' full-text
// search can run (SQLite FTS5, PostgreSQL tsquery), so the two agree on what matches:
//   contract          claims with a word stemmed like "contract" (contracts, contracted)
//   "temporary housing"   that phrase, words in order (stemmed)
//   hous*             a word starting with "hous"
//   bridge OR ferry   either word
//   -bridge           without the word
// Terms are combined with AND. Anything else (punctuation, operators of either engine) is
// read as plain words, so no input can make a query the engines reject.

export type SearchTerm =
  | { kind: "words"; words: string[] } // one word, or a phrase when several (in order)
  | { kind: "prefix"; word: string };

export interface SearchQuery {
  /** Every group must match; within a group, any term (OR). */
  all: SearchTerm[][];
  /** No term may match. */
  none: SearchTerm[];
}

/** Letters and digits in any script: the same split into words as the engines' tokenizers. */
const WORD = /[\p{L}\p{N}]+/gu;
const words = (text: string) => (text.normalize("NFKC").toLowerCase().match(WORD) ?? []).slice(0, 32);

const MAX_TERMS = 16;

/** Reads a search box's text; null when it holds no word to search for. */
export function parseSearchQuery(input: string): SearchQuery | null {
  const all: SearchTerm[][] = [];
  const none: SearchTerm[] = [];
  let pendingOr = false;
  // A token: optional "-", then a quoted phrase (closing quote optional) or a run of non-space.
  for (const match of input.matchAll(/(-?)(?:"([^"]*)"?|(\S+))/g)) {
    const negated = match[1] === "-";
    const quoted = match[2];
    const bare = match[3];
    if (bare === "OR" && !negated) {
      pendingOr = all.length > 0;
      continue;
    }
    let term: SearchTerm | null = null;
    if (quoted !== undefined) {
      const phrase = words(quoted);
      if (phrase.length > 0) term = { kind: "words", words: phrase };
    } else if (bare !== undefined) {
      const parts = words(bare);
      if (parts.length === 1 && bare.endsWith("*")) term = { kind: "prefix", word: parts[0]! };
      // "covid-19" is read as the phrase "covid 19", as the tokenizers split it.
      else if (parts.length > 0) term = { kind: "words", words: parts };
    }
    if (!term) continue;
    if (negated) none.push(term);
    else if (pendingOr) all[all.length - 1]!.push(term);
    else all.push([term]);
    pendingOr = false;
    if (all.length + none.length >= MAX_TERMS) break;
  }
  return all.length + none.length > 0 ? { all, none } : null;
}

const quoteFts5 = (text: string) => `"${text.replace(/"/g, '""')}"`;

function fts5Term(term: SearchTerm): string {
  return term.kind === "prefix" ? `${quoteFts5(term.word)}*` : quoteFts5(term.words.join(" "));
}

/**
 * The query as FTS5 MATCH expressions: what must match, and what must not (FTS5's NOT
 * needs a left side, so exclusions are matched on their own and subtracted).
 */
export function toFts5(query: SearchQuery): { include: string | null; exclude: string | null } {
  const include =
    query.all.length > 0
      ? query.all.map((group) => (group.length === 1 ? fts5Term(group[0]!) : `(${group.map(fts5Term).join(" OR ")})`)).join(" AND ")
      : null;
  const exclude = query.none.length > 0 ? query.none.map(fts5Term).join(" OR ") : null;
  return { include, exclude };
}
