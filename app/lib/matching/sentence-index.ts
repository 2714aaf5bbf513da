import MiniSearch from "minisearch";
import { segmentSentences } from "../extraction/sentences";

export interface IndexedPassage {
  id: string;
  documentId: number;
  documentTitle: string;
  start: number;
  end: number;
  text: string;
}

const STOP_WORDS = new Set(["the", "a", "an", "of", "to", "in", "on", "and", "or", "for", "at", "by", "with", "that", "this", "is", "was", "were", "be", "been", "it", "its", "as", "from", "has", "had", "have", "said", "says", "would", "will"]);

const NUMBER_WORDS: Record<string, string> = {
  one: "1", two: "2", three: "3", four: "4", five: "5", six: "6", seven: "7", eight: "8", nine: "9", ten: "10", eleven: "11", twelve: "12",
};

/** Light English stemming so that "contracts" finds "contract", "awarded" finds "award" and "voted" finds "votes". */
export function stem(word: string): string {
  if (NUMBER_WORDS[word]) return NUMBER_WORDS[word]!;
  if (word.length <= 3 || /\d/.test(word)) return word;
  return word
    .replace(/(ies)$/, "y")
    .replace(/(sses)$/, "ss")
    .replace(/([^s])s$/, "$1")
    .replace(/(eed|ed|ing)$/, (suffix, _m, offset: number) => (offset > 2 ? "" : suffix))
    .replace(/(ly)$/, "")
    .replace(/([^aeiou])e$/, "$1");
}

/** Words and numbers as search terms: thousands separators and currency signs dropped, stems kept. */
export function terms(text: string): string[] {
  return (text.toLowerCase().replace(/(\d),(\d{3})/g, "$1$2").match(/[\p{L}]+|\d+(?:\.\d+)?/gu) ?? []).filter((t) => !STOP_WORDS.has(t)).map(stem);
}

/** A BM25 index (MiniSearch) over the sentences of a set of articles. */
export function buildSentenceIndex(documents: Array<{ id: number; title: string; text: string }>) {
  const index = new MiniSearch<IndexedPassage>({
    fields: ["text"],
    storeFields: ["documentId", "documentTitle", "start", "end", "text"],
    tokenize: (text) => terms(text),
    processTerm: (term) => term,
    searchOptions: { tokenize: (text) => terms(text), processTerm: (term) => term, combineWith: "OR" },
  });
  const passages: IndexedPassage[] = [];
  for (const document of documents) {
    for (const sentence of segmentSentences(document.text)) {
      passages.push({ id: `${document.id}:${sentence.start}`, documentId: document.id, documentTitle: document.title, start: sentence.start, end: sentence.end, text: sentence.text });
    }
  }
  index.addAll(passages);
  return {
    size: passages.length,
    search(query: string, exclude: (passage: IndexedPassage) => boolean, limit: number): Array<IndexedPassage & { score: number }> {
      const results = index.search(query);
      const found: Array<IndexedPassage & { score: number }> = [];
      const top = results[0]?.score ?? 1;
      for (const result of results) {
        const passage = result as unknown as IndexedPassage & { score: number };
        if (exclude(passage)) continue;
        found.push({ id: result.id as string, documentId: passage.documentId, documentTitle: passage.documentTitle, start: passage.start, end: passage.end, text: passage.text, score: Math.round((result.score / top) * 1000) / 1000 });
        if (found.length >= limit) break;
      }
      return found;
    },
  };
}
