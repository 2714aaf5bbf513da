// Facts across outlets: the claims of a project's articles that state the same thing,
// grouped as articles arrive. A new article's claims join the facts of the articles that
// tell the same story or start facts of their own; two claims of one article about one
// quantity with different values (a claim and a counter-claim, a figure and its
// correction) are one fact too. Decisions come from a same-fact probability for two
// claims (a logistic model over wording, details and story alignment, fact-model.ts) and
// from reading each article once against the others: a fact takes at most one claim of
// an article, the likeliest, unless the article disputes its own figure.
import { type Detail, compareDetails, ratio } from "./details";
import { FACT_MODEL } from "./fact-model";
import type { IndexedPassage } from "./sentence-index";
import { alignWithArticle } from "./story-alignment";
import { terms } from "./terms";

/** What grouping reads from the project's sentence index (`buildSentenceIndex(...).corpus`). */
export interface GroupingCorpus {
  idf: (term: string) => number;
  isCommonName: (value: string) => boolean;
  isCommonTerm: (term: string) => boolean;
  detailsOf: (passage: IndexedPassage) => Detail[];
  passagesOf: (documentId: number) => IndexedPassage[];
  termsOf: (passageId: string) => Set<string> | undefined;
  alikeArticles: (documentId: number) => Array<[number, number]>;
}

/** A claim as grouping sees it: where it stands and what it says. */
export interface ClaimUnit {
  claimId: number;
  documentId: number;
  start: number;
  text: string;
}

/** A claim already in a fact; a pinned one was put there by hand and is never moved by grouping. */
export interface GroupedClaim extends ClaimUnit {
  factId: number;
  pinned: boolean;
}

/** Where a new claim goes: an existing fact, or a new one shared by the claims with the same key. */
export type Placement = { claimId: number; factId: number } | { claimId: number; newFact: number };

export const FACT_FEATURES = [
  "wording",
  "sharedWords",
  "strongAgreements",
  "agreements",
  "names",
  "differences",
  "topicalDifferences",
  "alignedAgreements",
  "alignedDifferences",
  "articleSimilarity",
  "positionApart",
  "bothFigures",
] as const;
export type FactFeature = (typeof FACT_FEATURES)[number];

/** A claim joins a fact when its probability of stating that fact is at least this. */
export const JOIN_PROBABILITY = 0.4;
/** How many of the most alike articles a new article is read against. */
const CANDIDATE_ARTICLES = 40;
/** Articles less alike than this (TF-IDF cosine of their words) tell another story. */
const MIN_ARTICLE_SIMILARITY = 0.05;
/** Counter-claims stand next to the claim they dispute: at most this many sentences apart. */
const COUNTER_CLAIM_DISTANCE = 2;

interface Reading {
  unit: ClaimUnit;
  terms: Set<string>;
  weight: number;
  details: Detail[];
  /** Place in its article, from 0 (first sentence) to 1 (last). */
  position: number;
  /** Index of its sentence in the article. */
  sentence: number;
  passageId: string | null;
}

const FIGURE_KINDS = new Set(["money", "percentage", "number", "duration", "time", "date"]);
const hasFigure = (details: Detail[]) => details.some((d) => FIGURE_KINDS.has(d.kind));

/**
 * The same-fact probability of two claims of different articles, with the readings and
 * story alignments it needs cached: one scorer serves one grouping run.
 */
export interface FactModel {
  intercept: number;
  weights: Record<FactFeature, number>;
}

export function createPairScorer(corpus: GroupingCorpus, model: FactModel = FACT_MODEL) {
  const readings = new Map<string, Reading>();
  const read = (unit: ClaimUnit): Reading => {
    const key = `${unit.documentId}:${unit.start}:${unit.text.length}`;
    let found = readings.get(key);
    if (found) return found;
    const passages = corpus.passagesOf(unit.documentId);
    const at = passages.findIndex((p) => p.start === unit.start && p.text === unit.text);
    const passage = at === -1 ? undefined : passages[at];
    const unitTerms = (passage && corpus.termsOf(passage.id)) ?? new Set(terms(unit.text));
    const details = passage
      ? corpus.detailsOf(passage)
      : corpus.detailsOf({
          id: `claim:${unit.claimId}`,
          documentId: unit.documentId,
          documentTitle: "",
          start: unit.start,
          end: unit.start,
          text: unit.text,
        });
    // A claim that is not one sentence of the article (a reviewer's selection) stands where it starts.
    const sentence =
      at !== -1
        ? at
        : Math.max(
            0,
            passages.findLastIndex((p) => p.start <= unit.start),
          );
    found = {
      unit,
      terms: unitTerms,
      weight: [...unitTerms].reduce((sum, term) => sum + corpus.idf(term), 0),
      details,
      position: passages.length > 1 ? sentence / (passages.length - 1) : 0,
      sentence,
      passageId: passage?.id ?? null,
    };
    readings.set(key, found);
    return found;
  };

  // Story alignment of a claim against a whole article: which of its sentences carry the claim's figures.
  const alignments = new Map<string, Map<string, { agreements: number; differences: number }>>();
  const alignmentOf = (claim: Reading, documentId: number) => {
    const key = `${claim.unit.documentId}:${claim.unit.start}>${documentId}`;
    let found = alignments.get(key);
    if (found) return found;
    found = new Map();
    if (hasFigure(claim.details)) {
      const article = corpus.passagesOf(documentId).map((passage) => ({ passage, details: corpus.detailsOf(passage) }));
      const statedElsewhere = corpus
        .passagesOf(claim.unit.documentId)
        .filter((passage) => passage.id !== claim.passageId)
        .flatMap((passage) => corpus.detailsOf(passage));
      const sharesWords = (passage: IndexedPassage) =>
        [...(corpus.termsOf(passage.id) ?? [])].some((term) => claim.terms.has(term) && !/^\d/.test(term) && !corpus.isCommonTerm(term));
      for (const alignment of alignWithArticle(claim.details, article, { sharesWords, statedElsewhere }))
        found.set(alignment.passage.id, { agreements: alignment.agreements, differences: alignment.differences.length });
    }
    alignments.set(key, found);
    return found;
  };

  const features = (x: ClaimUnit, y: ClaimUnit, articleSimilarity: number): Record<FactFeature, number> => {
    const a = read(x);
    const b = read(y);
    let shared = 0;
    let sharedWords = 0;
    for (const term of a.terms) {
      if (!b.terms.has(term)) continue;
      shared += corpus.idf(term);
      if (!/^\d/.test(term) && !corpus.isCommonTerm(term)) sharedWords += 1;
    }
    const wording = shared / Math.sqrt(a.weight * b.weight || 1);
    const comparison = compareDetails(a.details, b.details, {
      wording,
      isCommonName: corpus.isCommonName,
      isCommonTerm: corpus.isCommonTerm,
    });
    const there = b.passageId ? alignmentOf(a, y.documentId).get(b.passageId) : undefined;
    const back = a.passageId ? alignmentOf(b, x.documentId).get(a.passageId) : undefined;
    return {
      wording,
      sharedWords: Math.min(sharedWords, 5) / 5,
      strongAgreements: Math.min(comparison.strongAgreements, 3),
      agreements: Math.min(comparison.factAgreements, 3),
      names: Math.min(comparison.nameAgreements, 3),
      differences: Math.min(comparison.differences.length, 2),
      topicalDifferences: Math.min(comparison.topicalDifferences, 2),
      alignedAgreements: Math.min((there?.agreements ?? 0) + (back?.agreements ?? 0), 2),
      alignedDifferences: Math.min((there?.differences ?? 0) + (back?.differences ?? 0), 2),
      articleSimilarity,
      positionApart: Math.abs(a.position - b.position),
      bothFigures: hasFigure(a.details) && hasFigure(b.details) ? 1 : 0,
    };
  };

  const probability = (x: ClaimUnit, y: ClaimUnit, articleSimilarity: number): number => {
    const values = features(x, y, articleSimilarity);
    let logit = model.intercept;
    for (const name of FACT_FEATURES) logit += model.weights[name] * values[name];
    return 1 / (1 + Math.exp(-logit));
  };

  return { read, features, probability };
}
export type PairScorer = ReturnType<typeof createPairScorer>;

// "A department spokesperson disputed that account, putting the number at 11": the words with
// which an article sets a second figure against the first. "That compares with" sets two facts side by side.
const COUNTER_CUES =
  /\b(disput\w*|put(?:s|ting)? (?:the|that|its) (?:number|figure|total|cost|count|tally) (?:at|closer)|put it at|closer to|at least|however|correction|corrected|revised|instead|true (?:number|figure|cost|total)|in fact|contrary|rather than|insists?|claims?|estimates?|says? around|but)\b/i;
const COMPARISON_CUES = /\b(compares? with|compared with|a year earlier|last year|the previous|previously|up from|down from|than in)\b/i;

/**
 * Two claims of one article about one quantity with different values: next to each other,
 * a figure of one kind in each, not equal, close enough to measure one thing, and the
 * second worded as a reply to the first ("put the number at", "correction", "closer to").
 */
export function isCounterClaim(
  first: { details: Detail[]; sentence: number; unit: { text: string } },
  second: { details: Detail[]; sentence: number; unit: { text: string } },
): boolean {
  if (first.sentence === second.sentence || Math.abs(first.sentence - second.sentence) > COUNTER_CLAIM_DISTANCE) return false;
  const [earlier, later] = first.sentence < second.sentence ? [first, second] : [second, first];
  if (!COUNTER_CUES.test(later.unit.text) || COMPARISON_CUES.test(later.unit.text)) return false;
  return earlier.details.some((mine) =>
    later.details.some(
      (theirs) =>
        FIGURE_KINDS.has(mine.kind) &&
        mine.kind === theirs.kind &&
        mine.value !== theirs.value &&
        (mine.kind === "date" ? mine.unit === theirs.unit : ratio(mine, theirs) <= 4),
    ),
  );
}

export interface GroupingInput {
  corpus: GroupingCorpus;
  /** Claims without a fact, of one or several articles (already in the index). */
  claims: ClaimUnit[];
  /** The claims already in facts in these articles (the ones most alike to a new claim's). */
  groupedIn: (documentIds: number[]) => GroupedClaim[];
  scorer?: PairScorer;
}

/**
 * Places claims that have no fact yet: each article's claims, read against the facts of the
 * articles most alike to it, join the fact they most likely state (one claim per article
 * and fact, likeliest first) or start a new fact; a counter-claim joins the fact of the
 * claim it disputes. Pure: the caller stores the placements.
 */
export function groupClaims({ corpus, claims, groupedIn, scorer = createPairScorer(corpus) }: GroupingInput): Placement[] {
  const placements: Placement[] = [];
  // Claims placed in this run count as grouped for the articles that come after them.
  const placedNow: GroupedClaim[] = [];
  let nextNewFact = 0;
  const byArticle = new Map<number, ClaimUnit[]>();
  for (const claim of claims) byArticle.set(claim.documentId, [...(byArticle.get(claim.documentId) ?? []), claim]);
  for (const [documentId, articleClaims] of byArticle) {
    const alike = corpus
      .alikeArticles(documentId)
      .filter(([, similarity]) => similarity >= MIN_ARTICLE_SIMILARITY)
      .slice(0, CANDIDATE_ARTICLES);
    const similarityOf = new Map(alike.map(([id, similarity]) => [id, similarity]));
    const candidateIds = [...similarityOf.keys()];
    const wanted = new Set([...candidateIds, documentId]);
    const grouped = [...groupedIn([...wanted]), ...placedNow.filter((c) => wanted.has(c.documentId))];
    const members = new Map<number, GroupedClaim[]>();
    for (const claim of grouped) members.set(claim.factId, [...(members.get(claim.factId) ?? []), claim]);

    // Each new claim against each fact with members in the alike articles.
    const options: Array<{ claim: ClaimUnit; factId: number; score: number }> = [];
    for (const claim of articleClaims) {
      for (const [factId, factMembers] of members) {
        const elsewhere = factMembers.filter((m) => m.documentId !== documentId && similarityOf.has(m.documentId));
        if (elsewhere.length === 0) continue;
        const probabilities = elsewhere.map((m) => scorer.probability(claim, m, similarityOf.get(m.documentId)!));
        const best = Math.max(...probabilities);
        const mean = probabilities.reduce((sum, p) => sum + p, 0) / probabilities.length;
        const score = (best + mean) / 2;
        if (score >= JOIN_PROBABILITY) options.push({ claim, factId, score });
      }
    }
    options.sort((a, b) => b.score - a.score || a.claim.start - b.claim.start || a.factId - b.factId);
    const factOfClaim = new Map<number, number | { newFact: number }>();
    // A fact that already holds a claim of this article takes no other, except a counter-claim (below).
    const taken = new Set(grouped.filter((c) => c.documentId === documentId).map((c) => c.factId));
    for (const { claim, factId } of options) {
      if (factOfClaim.has(claim.claimId) || taken.has(factId)) continue;
      factOfClaim.set(claim.claimId, factId);
      taken.add(factId);
    }

    // Counter-claims: a claim left alone next to one it disputes joins that one's fact.
    const ofArticle = [...grouped.filter((c) => c.documentId === documentId), ...articleClaims].sort((a, b) => a.start - b.start);
    for (const claim of articleClaims) {
      if (factOfClaim.has(claim.claimId)) continue;
      const mine = scorer.read(claim);
      const disputed = ofArticle.find((other) => other.claimId !== claim.claimId && isCounterClaim(scorer.read(other), mine));
      if (!disputed) continue;
      const target = "factId" in disputed ? (disputed as GroupedClaim).factId : factOfClaim.get(disputed.claimId);
      if (target !== undefined) factOfClaim.set(claim.claimId, target);
      else {
        const fresh = { newFact: nextNewFact++ };
        factOfClaim.set(disputed.claimId, fresh);
        factOfClaim.set(claim.claimId, fresh);
      }
    }

    for (const claim of articleClaims) {
      let target = factOfClaim.get(claim.claimId);
      if (target === undefined) {
        target = { newFact: nextNewFact++ };
        factOfClaim.set(claim.claimId, target);
      }
      // A fact started earlier in this run has a provisional negative id.
      const newFact = typeof target === "number" ? (target < 0 ? -1 - target : null) : target.newFact;
      const placement: Placement =
        newFact === null ? { claimId: claim.claimId, factId: target as number } : { claimId: claim.claimId, newFact };
      placements.push(placement);
      // Later articles of this run see it as grouped; new facts get a provisional negative id.
      placedNow.push({ ...claim, factId: newFact === null ? (target as number) : -1 - newFact, pinned: false });
    }
  }
  return placements;
}
