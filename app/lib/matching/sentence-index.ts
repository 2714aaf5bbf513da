import MiniSearch from "minisearch";
import { segmentSentences } from "../extraction/sentences";
import { type Detail, type Difference, type Relation, classifyRelation, compareDetails, extractDetails } from "./details";
import { terms } from "./terms";

export interface IndexedPassage {
  id: string;
  documentId: number;
  documentTitle: string;
  start: number;
  end: number;
  text: string;
}

export interface RankedPassage extends IndexedPassage {
  /** Similarity to the claim in [0, 1]: shared rare words, plus details stated in both. */
  score: number;
  relation: Relation;
  /** The details that differ, on passages that state the same fact differently. */
  differences: Difference[];
}

/** How many BM25 hits are re-ranked by words and details: enough to reach a paraphrase. */
const CANDIDATES = 60;
/** A name in more than this share of all sentences is what the story is about, not an anchor. */
const COMMON_NAME_SHARE = 0.15;
/** A word in more than this share of all sentences is the story's vocabulary ("pilot" in a pilots' strike). */
const COMMON_TERM_SHARE = 0.05;
/** Each detail both sides state alike (an amount, a time, a date) weighs like a rare shared word or two. */
const AGREEMENT_BONUS = 0.12;
/** A detail stated differently marks the same fact too: it ranks the passage up, less than agreement. */
const CONFLICT_BONUS = 0.08;

/**
 * A sentence index over a set of articles: BM25 (MiniSearch) finds candidates, which
 * are re-ranked by the share of rare words they have in common with the claim and by
 * the details (amounts, times, dates, counts) both state, then marked corroborates,
 * contradicts or related.
 */
export function buildSentenceIndex(documents: Array<{ id: number; title: string; text: string }>) {
  // Terms are computed once per sentence (below) and handed to MiniSearch as they are; the
  // query is given as terms too, so neither side is tokenized or stemmed a second time.
  const index = new MiniSearch<IndexedPassage & { terms: Set<string> }>({
    fields: ["terms"],
    extractField: (passage, field) => (field === "terms" ? [...passage.terms].join(" ") : String(passage[field as keyof IndexedPassage])),
    tokenize: (joined) => joined.split(" "),
    processTerm: (term) => term,
    searchOptions: { tokenize: (joined) => joined.split(" "), processTerm: (term) => term, combineWith: "OR" },
  });
  const passages = new Map<string, IndexedPassage & { terms: Set<string> }>();
  const documentFrequency = new Map<string, number>();
  for (const document of documents) {
    for (const sentence of segmentSentences(document.text)) {
      const passageTerms = new Set(terms(sentence.text));
      const passage = { id: `${document.id}:${sentence.start}`, documentId: document.id, documentTitle: document.title, start: sentence.start, end: sentence.end, text: sentence.text, terms: passageTerms };
      passages.set(passage.id, passage);
      for (const term of passageTerms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  index.addAll([...passages.values()]);
  const total = passages.size;
  const idf = (term: string) => {
    const df = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (total - df + 0.5) / (df + 0.5));
  };
  const isCommonName = (value: string) => (documentFrequency.get(value) ?? 0) > Math.max(3, total * COMMON_NAME_SHARE);
  const isCommonTerm = (term: string) => (documentFrequency.get(term) ?? 0) > Math.max(3, total * COMMON_TERM_SHARE);
  // Details need the NLP pipeline: computed for a passage when it is first a candidate.
  const detailCache = new Map<string, Detail[]>();
  const detailsOf = (passage: IndexedPassage) => {
    let details = detailCache.get(passage.id);
    if (!details) {
      details = extractDetails(passage.text);
      detailCache.set(passage.id, details);
    }
    return details;
  };

  return {
    size: total,
    search(query: string, exclude: (passage: IndexedPassage) => boolean, limit: number): RankedPassage[] {
      const queryTerms = new Set(terms(query));
      if (queryTerms.size === 0) return [];
      const queryWeight = [...queryTerms].reduce((sum, term) => sum + idf(term), 0);
      const queryDetails = extractDetails(query);
      const ranked: RankedPassage[] = [];
      for (const hit of index.search([...queryTerms].join(" "))) {
        const { terms: passageTerms, ...passage } = passages.get(hit.id as string)!;
        if (exclude(passage)) continue;
        let shared = 0;
        let passageWeight = 0;
        for (const term of passageTerms) {
          const weight = idf(term);
          passageWeight += weight;
          if (queryTerms.has(term)) shared += weight;
        }
        const wording = shared / Math.sqrt(queryWeight * passageWeight || 1);
        const comparison = compareDetails(queryDetails, detailsOf(passage), { wording, isCommonName, isCommonTerm });
        const score = Math.min(1, wording + AGREEMENT_BONUS * Math.min(comparison.factAgreements, 2) + (comparison.differences.length > 0 ? CONFLICT_BONUS : 0));
        const relation = classifyRelation(comparison, wording);
        ranked.push({ ...passage, score: Math.round(score * 1000) / 1000, relation, differences: relation === "contradicts" ? comparison.differences : [] });
        if (ranked.length >= CANDIDATES) break;
      }
      return ranked.sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}
