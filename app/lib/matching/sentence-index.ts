import MiniSearch from "minisearch";
import { MONTHS } from "../extraction/calendar";
import { segmentSentences } from "../extraction/sentences";
import type { TimeBudget } from "./time-budget";
import {
  type Comparison,
  type Detail,
  type Difference,
  type Relation,
  MATCH_LIMITS,
  TIME_UNITS,
  classifyRelation,
  compareDetails,
  extractDetails,
} from "./details";
import { createArticleVectors } from "./article-vectors";
import { type StoryPassage, alignWithArticle } from "./story-alignment";
import { WORD_NUMBERS, terms } from "./terms";

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
  /** The details that differ: all of them on passages that state the same fact differently, a person's title or given name on corroborating ones. */
  differences: Difference[];
}

/** A sentence as indexed, with its search terms. */
type Passage = IndexedPassage & { terms: Set<string> };

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
/** Articles whose words are this alike (TF-IDF cosine) tell the same story: their figures are read side by side. */
const SAME_STORY_MIN_SIMILARITY = 0.12;
/** Articles less alike than this tell another story, which states no fact of this one differently. */
const OTHER_STORY_MAX_SIMILARITY = 0.08;
/** Articles this alike or more are listed for fact grouping, which weighs their similarity itself. */
const ALIKE_MIN_SIMILARITY = 0.05;
/** How many of the most alike articles are read side by side with the claim's. */
const STORY_ARTICLES = 10;
/** A passage whose figure lines up with the claim's ranks at least as high as a passage on the same subject. */
const ALIGNED_MIN_SCORE = 0.3;
/** Sentences that may hold a figure: digits, written numbers, clock words, a unit of time ("for an hour") or a month. */
const MAY_HOLD_FIGURE = new RegExp(
  `\\d|\\b(?:noon|midnight|(?:a|an) (?:${TIME_UNITS})|${[...Object.keys(WORD_NUMBERS), ...MONTHS].join("|")})\\b`,
  "i",
);

/**
 * A passage whose figures line up with the claim's: a differing figure makes it
 * contradict (with every difference shown), an equal one corroborate unless the words
 * already found a contradiction. It ranks at least as high as a passage on the same subject.
 */
function withAlignment(
  found: RankedPassage | undefined,
  passage: IndexedPassage,
  alignment: { agreements: number; differences: Difference[] },
  wording: number,
): RankedPassage | undefined {
  const { agreements, differences } = alignment;
  const score = Math.max(
    found?.score ?? 0,
    ALIGNED_MIN_SCORE + wording / 2,
    wording + AGREEMENT_BONUS * agreements + (differences.length > 0 ? CONFLICT_BONUS : 0),
  );
  if (differences.length > 0) {
    const known = new Set((found?.differences ?? []).map((d) => `${d.kind}|${d.here}|${d.there}`));
    const all = [...(found?.differences ?? []), ...differences.filter((d) => !known.has(`${d.kind}|${d.here}|${d.there}`))];
    return { ...passage, score, relation: "contradicts", differences: all };
  }
  return found?.relation === "contradicts"
    ? undefined
    : { ...passage, score, relation: "corroborates", differences: found?.differences ?? [] };
}

/**
 * The differences a reviewer sees: every one on a contradicting passage; on a corroborating
 * one, a person named differently (the fact agrees, the title or given name does not);
 * none on a passage about something else.
 */
function shownDifferences(relation: Relation, comparison: Comparison): Difference[] {
  if (relation === "contradicts") return [...comparison.differences, ...comparison.nameDifferences];
  return relation === "corroborates" ? comparison.nameDifferences : [];
}

/**
 * A sentence index over a set of articles: BM25 (MiniSearch) finds candidates, which
 * are re-ranked by the share of rare words they have in common with the claim and by
 * the details (amounts, times, dates, counts) both state, then marked corroborates,
 * contradicts or related.
 */
/** An article as the index reads it; `sentenceSpans`, when given, are its sentences already found (PassageReader). */
export interface IndexableDocument {
  id: number;
  title: string;
  text: string;
  sentenceSpans?: Array<{ start: number; end: number }>;
}

export function buildSentenceIndex(initialDocuments: IndexableDocument[]) {
  // Terms are computed once per sentence (below) and handed to MiniSearch as they are; the
  // query is given as terms too, so neither side is tokenized or stemmed a second time.
  const index = new MiniSearch<Passage>({
    fields: ["terms"],
    extractField: (passage, field) => (field === "terms" ? [...passage.terms].join(" ") : String(passage[field as keyof IndexedPassage])),
    tokenize: (joined) => joined.split(" "),
    processTerm: (term) => term,
    searchOptions: { tokenize: (joined) => joined.split(" "), processTerm: (term) => term, combineWith: "OR" },
  });
  const passages = new Map<string, Passage>();
  const documentFrequency = new Map<string, number>();
  const passagesOf = new Map<number, Array<Passage>>();
  const articleVectors = createArticleVectors();
  /** Articles being added by a caller that yields as it goes: a second caller leaves them to it. */
  const adding = new Set<number>();
  /**
   * Adds articles, a sentence per step: their sentences to the search, their words to the
   * statistics. An article counts as added (`hasDocument`) once all its sentences are in.
   */
  function* addSteps(documents: IndexableDocument[]): Generator<void> {
    for (const document of documents) {
      if (passagesOf.has(document.id) || adding.has(document.id)) continue;
      adding.add(document.id);
      try {
        const articlePassages: Array<Passage> = [];
        const termCounts = new Map<string, number>();
        for (const sentence of document.sentenceSpans ?? segmentSentences(document.text)) {
          const sentenceText = document.text.slice(sentence.start, sentence.end);
          const sentenceTerms = terms(sentenceText);
          // Words only: a figure ("11" the hour, "11" the count) says little about which story an article tells.
          for (const term of sentenceTerms) if (!/^\d/.test(term)) termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
          const passageTerms = new Set(sentenceTerms);
          const passage = {
            id: `${document.id}:${sentence.start}`,
            documentId: document.id,
            documentTitle: document.title,
            start: sentence.start,
            end: sentence.end,
            text: sentenceText,
            terms: passageTerms,
          };
          passages.set(passage.id, passage);
          index.add(passage);
          articlePassages.push(passage);
          for (const term of passageTerms) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
          yield;
        }
        passagesOf.set(document.id, articlePassages);
        articleVectors.add(document.id, termCounts);
      } finally {
        adding.delete(document.id);
      }
      // Which articles tell one story changes with every article.
      storyCache.clear();
    }
  }
  const addDocuments = (documents: IndexableDocument[]) => {
    for (const step of addSteps(documents)) void step;
  };
  const total = () => passages.size;
  const idf = (term: string) => {
    const df = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (total() - df + 0.5) / (df + 0.5));
  };
  const isCommonName = (value: string) => (documentFrequency.get(value) ?? 0) > Math.max(3, total() * COMMON_NAME_SHARE);
  const isCommonTerm = (term: string) => (documentFrequency.get(term) ?? 0) > Math.max(3, total() * COMMON_TERM_SHARE);
  // Details need the NLP pipeline: computed for a passage when it is first a candidate.
  const detailCache = new Map<string, Detail[]>();
  // Map iterators also visit passages added after they were made, so one cursor serves every call until it reaches the end.
  let detailCursor: Iterator<IndexedPassage> | null = null;
  const detailsOf = (passage: IndexedPassage) => {
    let details = detailCache.get(passage.id);
    if (!details) {
      details = extractDetails(passage.text);
      detailCache.set(passage.id, details);
    }
    return details;
  };

  // Articles as TF-IDF vectors over articles (article-vectors.ts), to find those telling the same story.
  interface Story {
    /** The articles not of another story. */
    articles: Set<number>;
    /** The articles read side by side with this one, most alike first. */
    readAlongside: number[];
    /** Every article not of another story with its similarity, most alike first. */
    alike: Array<[number, number]>;
  }
  const storyCache = new Map<number, Story>();
  /** The articles that tell the same story as this one. */
  const storyOf = (documentId: number): Story => {
    let found = storyCache.get(documentId);
    if (found) return found;
    const scored = articleVectors.alike(documentId, ALIKE_MIN_SIMILARITY);
    found = {
      articles: new Set(scored.filter(([, similarity]) => similarity >= OTHER_STORY_MAX_SIMILARITY).map(([id]) => id)),
      readAlongside: scored
        .filter(([, similarity]) => similarity >= SAME_STORY_MIN_SIMILARITY)
        .slice(0, STORY_ARTICLES)
        .map(([id]) => id),
      alike: scored,
    };
    if (storyCache.size > 10_000) storyCache.clear();
    storyCache.set(documentId, found);
    return found;
  };
  addDocuments(initialDocuments);

  interface Claim {
    text: string;
    terms: Set<string>;
    details: Detail[];
    /** Similarity of a passage's words to the claim's, in [0, 1]: the share of rare words in common. */
    wordingOf: (passageTerms: Set<string>) => number;
  }

  const readClaim = (fullText: string): Claim | null => {
    // A claim added by hand can be any selection: matching reads a sentence's worth of it.
    const text = fullText.slice(0, MATCH_LIMITS.maxTextChars);
    const claimTerms = new Set(terms(text));
    if (claimTerms.size === 0) return null;
    const claimWeight = [...claimTerms].reduce((sum, term) => sum + idf(term), 0);
    const wordingOf = (passageTerms: Set<string>) => {
      let shared = 0;
      let passageWeight = 0;
      for (const term of passageTerms) {
        const weight = idf(term);
        passageWeight += weight;
        if (claimTerms.has(term)) shared += weight;
      }
      return shared / Math.sqrt(claimWeight * passageWeight || 1);
    };
    return { text, terms: claimTerms, details: extractDetails(text), wordingOf };
  };

  /** BM25 candidates re-ranked by shared rare words and details, each with its relation; a step per candidate. */
  function* rankByWords(
    ranked: Map<string, RankedPassage>,
    claim: Claim,
    exclude: (passage: IndexedPassage) => boolean,
    story: Set<number> | undefined,
  ): Generator<void> {
    for (const hit of index.search([...claim.terms].join(" "))) {
      const { terms: passageTerms, ...passage } = passages.get(hit.id as string)!;
      if (exclude(passage)) continue;
      const wording = claim.wordingOf(passageTerms);
      const comparison = compareDetails(claim.details, detailsOf(passage), { wording, isCommonName, isCommonTerm });
      const score =
        wording + AGREEMENT_BONUS * Math.min(comparison.factAgreements, 2) + (comparison.differences.length > 0 ? CONFLICT_BONUS : 0);
      let relation = classifyRelation(comparison, wording);
      // Articles that tell other stories do not state this fact differently, unless a name or a specific detail ties the two sentences.
      if (
        relation === "contradicts" &&
        story &&
        !story.has(passage.documentId) &&
        comparison.nameAgreements + comparison.strongAgreements === 0
      )
        relation = "related";
      ranked.set(passage.id, { ...passage, score, relation, differences: shownDifferences(relation, comparison) });
      if (ranked.size >= CANDIDATES) break;
      yield;
    }
  }

  /**
   * Lines up the claim's figures with those of the articles telling the same story (story-alignment.ts), adding or
   * re-marking passages; a step per passage read (reading a passage's details is the costly part).
   */
  function* addFiguresOfTheStory(
    ranked: Map<string, RankedPassage>,
    claim: Claim,
    exclude: (passage: IndexedPassage) => boolean,
    fromDocumentId: number,
    storyArticles: number[],
  ): Generator<void> {
    const figuresOf = (passage: Passage) => (MAY_HOLD_FIGURE.test(passage.text) ? detailsOf(passage) : []);
    const sharesUncommonWord = (passage: Passage) =>
      [...passage.terms].some((term) => claim.terms.has(term) && !/^\d/.test(term) && !isCommonTerm(term));
    // A figure the claim's own article states elsewhere is that other fact wherever it appears.
    const statedElsewhere: Detail[] = [];
    for (const passage of passagesOf.get(fromDocumentId) ?? []) {
      if (passage.text === claim.text) continue;
      statedElsewhere.push(...figuresOf(passage));
      yield;
    }
    for (const documentId of storyArticles) {
      const article: Array<StoryPassage<Passage>> = [];
      for (const passage of passagesOf.get(documentId) ?? []) {
        article.push({ passage, details: figuresOf(passage) });
        yield;
      }
      for (const alignment of alignWithArticle(claim.details, article, { sharesWords: sharesUncommonWord, statedElsewhere })) {
        const { terms: passageTerms, ...passage } = alignment.passage;
        if (exclude(passage)) continue;
        const merged = withAlignment(ranked.get(passage.id), passage, alignment, claim.wordingOf(passageTerms));
        if (merged) ranked.set(passage.id, merged);
      }
    }
  }

  function* searchSteps(
    ranked: Map<string, RankedPassage>,
    query: string,
    exclude: (passage: IndexedPassage) => boolean,
    fromDocumentId: number | undefined,
  ): Generator<void> {
    const claim = readClaim(query);
    if (!claim) return;
    const story = fromDocumentId === undefined ? undefined : storyOf(fromDocumentId);
    yield* rankByWords(ranked, claim, exclude, story?.articles);
    if (fromDocumentId !== undefined && story && claim.details.length > 0)
      yield* addFiguresOfTheStory(ranked, claim, exclude, fromDocumentId, story.readAlongside);
  }

  const best = (ranked: Map<string, RankedPassage>, limit: number): RankedPassage[] =>
    [...ranked.values()]
      .map((passage) => ({ ...passage, score: Math.round(Math.min(1, passage.score) * 1000) / 1000 }))
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);

  return {
    get size() {
      return total();
    },
    /** Adds articles without rebuilding what is there (an import into a project whose index is built). */
    add: addDocuments,
    /**
     * The same, giving the event loop a turn as it goes (a 3 MB article is 40,000 sentences: seconds
     * of work). The articles are all added; the budget only paces the turns.
     */
    async addYielding(documents: IndexableDocument[], budget: TimeBudget): Promise<void> {
      for (const step of addSteps(documents)) {
        void step;
        await budget.breathe();
      }
    },
    /**
     * Reads the details of passages not read yet, until the budget runs out (warming the index off
     * the request path, so a first search only compares). True once every passage's are read.
     */
    readDetails(budget: TimeBudget): boolean {
      // Where the last call stopped: starting over each time skipped the read passages again, and
      // a 3 MB article read in 20 ms steps spent a third of its time skipping.
      detailCursor ??= passages.values();
      for (let next = detailCursor.next(); !next.done; next = detailCursor.next()) {
        const passage = next.value;
        if (detailCache.has(passage.id)) continue;
        detailsOf(passage);
        if (budget.exhausted) return false;
      }
      detailCursor = null;
      return true;
    },
    /** What fact grouping reads from the project (fact-grouping.ts). */
    corpus: {
      idf,
      isCommonName,
      isCommonTerm,
      detailsOf,
      passagesOf: (documentId: number): IndexedPassage[] => passagesOf.get(documentId) ?? [],
      termsOf: (passageId: string): Set<string> | undefined => passages.get(passageId)?.terms,
      /** The articles at least a little alike to this one (cosine 0.05), with the similarity of their words, most alike first. */
      alikeArticles: (documentId: number): Array<[number, number]> => storyOf(documentId).alike,
      hasDocument: (documentId: number) => passagesOf.has(documentId),
    },
    /**
     * The passages that best state the claim's fact. Given the claim's own article, the
     * articles telling the same story are also read side by side with the claim, so a
     * figure stated in other words is found and compared (story-alignment.ts).
     */
    search(query: string, exclude: (passage: IndexedPassage) => boolean, limit: number, fromDocumentId?: number): RankedPassage[] {
      const ranked = new Map<string, RankedPassage>();
      for (const step of searchSteps(ranked, query, exclude, fromDocumentId)) void step;
      return best(ranked, limit);
    },

    /**
     * The same search within a request's budget, giving the event loop a turn as it goes; when the
     * budget runs out it answers with the passages ranked so far (`complete: false`).
     */
    async searchWithin(
      query: string,
      exclude: (passage: IndexedPassage) => boolean,
      options: { limit: number; fromDocumentId?: number; budget: TimeBudget },
    ): Promise<{ passages: RankedPassage[]; complete: boolean }> {
      const ranked = new Map<string, RankedPassage>();
      let complete = true;
      for (const step of searchSteps(ranked, query, exclude, options.fromDocumentId)) {
        void step;
        if (options.budget.exhausted) {
          complete = false;
          break;
        }
        await options.budget.breathe();
      }
      return { passages: best(ranked, options.limit), complete };
    },
  };
}
