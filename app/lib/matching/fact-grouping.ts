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
import { type ArticleFigures, alignWithArticle, articleFigures } from "./story-alignment";
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
const CANDIDATE_ARTICLES = 12;
/** A fact is read through its members in the most alike of those articles, at most this many. */
const MEMBERS_READ = 6;
/** Articles less alike than this (TF-IDF cosine of their words) tell another story. */
const MIN_ARTICLE_SIMILARITY = 0.08;
/** Counter-claims stand next to the claim they dispute: at most this many sentences apart. */
const COUNTER_CLAIM_DISTANCE = 2;

interface Reading {
  unit: ClaimUnit;
  terms: Set<string>;
  /** The terms with their weights (inverse sentence frequency in the project), as a list for quick loops. */
  termList: string[];
  termWeights: number[];
  /** Per term: a word (not a figure) that is not common in the project, so sharing it ties two claims. */
  termTies: boolean[];
  weight: number;
  details: Detail[];
  /** The kinds of figure it states ("money", "time"...). */
  figureKinds: Set<string>;
  /** Its figures as "kind:value", to count values two claims state alike. */
  figureValues: Set<string>;
  /** Place in its article, from 0 (first sentence) to 1 (last). */
  position: number;
  /** Index of its sentence in the article. */
  sentence: number;
  passageId: string | null;
}

const FIGURE_KINDS = new Set(["money", "percentage", "number", "duration", "time", "date"]);

export interface FactModel {
  intercept: number;
  weights: Record<FactFeature, number>;
}

/**
 * The same-fact probability of two claims of different articles, with the readings and
 * story alignments it needs cached. The project's word statistics change with every
 * article: one scorer serves one grouping run.
 */
export function createPairScorer(corpus: GroupingCorpus, model: FactModel = FACT_MODEL) {
  const readings = new Map<number, Map<number, Reading>>();
  const read = (unit: ClaimUnit): Reading => {
    let ofArticle = readings.get(unit.documentId);
    if (!ofArticle) readings.set(unit.documentId, (ofArticle = new Map()));
    let found = ofArticle.get(unit.claimId);
    if (found) return found;
    const passages = corpus.passagesOf(unit.documentId);
    // Passages are in the article's order: a search by position, not a scan (a 3 MB article has 37,000).
    const from = firstStartingAtOrAfter(passages, unit.start);
    const at = from < passages.length && passages[from]!.start === unit.start && passages[from]!.text === unit.text ? from : -1;
    const passage = at === -1 ? undefined : passages[at];
    const unitTerms = (passage && corpus.termsOf(passage.id)) ?? new Set(terms(unit.text));
    const details = corpus.detailsOf(
      passage ?? {
        id: `claim:${unit.claimId}`,
        documentId: unit.documentId,
        documentTitle: "",
        start: unit.start,
        end: unit.start,
        text: unit.text,
      },
    );
    // A claim that is not one sentence of the article (a reviewer's selection) stands where it starts.
    const sentence = at !== -1 ? at : Math.max(0, firstStartingAtOrAfter(passages, unit.start + 1) - 1);
    const termList = [...unitTerms];
    const termWeights = termList.map((term) => corpus.idf(term));
    found = {
      unit,
      terms: unitTerms,
      termList,
      termWeights,
      termTies: termList.map((term) => !/^\d/.test(term) && !corpus.isCommonTerm(term)),
      weight: termWeights.reduce((sum, w) => sum + w, 0),
      details,
      figureKinds: new Set(details.filter((d) => FIGURE_KINDS.has(d.kind)).map((d) => d.kind)),
      figureValues: new Set(details.filter((d) => FIGURE_KINDS.has(d.kind)).map((d) => `${d.kind}:${d.value}`)),
      position: passages.length > 1 ? sentence / (passages.length - 1) : 0,
      sentence,
      passageId: passage?.id ?? null,
    };
    ofArticle.set(unit.claimId, found);
    return found;
  };

  /** The figures an article states outside one of its sentences, read in place: a copy per claim made big articles' grouping quadratic. */
  const statedElsewhere = (claim: Reading): Pick<Detail[], "some"> => ({
    some: (test) => articleOf(claim.unit.documentId).some(({ passage, details }) => passage.id !== claim.passageId && details.some(test)),
  });
  const articleCache = new Map<number, Array<{ passage: IndexedPassage; details: Detail[] }>>();
  const articleOf = (documentId: number) => {
    let found = articleCache.get(documentId);
    if (!found) {
      found = corpus.passagesOf(documentId).map((passage) => ({ passage, details: corpus.detailsOf(passage) }));
      articleCache.set(documentId, found);
    }
    return found;
  };
  const figureCache = new Map<number, ArticleFigures<IndexedPassage>>();
  const figuresOf = (documentId: number) => {
    let found = figureCache.get(documentId);
    if (!found) figureCache.set(documentId, (found = articleFigures(articleOf(documentId))));
    return found;
  };
  // Story alignment of a claim against a whole article: which of its sentences carry the claim's figures.
  const alignments = new Map<Reading, Map<number, Map<string, { agreements: number; differences: number }>>>();
  const alignmentOf = (claim: Reading, documentId: number) => {
    let ofClaim = alignments.get(claim);
    if (!ofClaim) alignments.set(claim, (ofClaim = new Map()));
    let found = ofClaim.get(documentId);
    if (found) return found;
    found = new Map();
    if (claim.figureKinds.size > 0) {
      const sharesWords = (passage: IndexedPassage) => {
        for (const term of corpus.termsOf(passage.id) ?? [])
          if (claim.terms.has(term) && !/^\d/.test(term) && !corpus.isCommonTerm(term)) return true;
        return false;
      };
      for (const alignment of alignWithArticle(claim.details, figuresOf(documentId), {
        sharesWords,
        statedElsewhere: statedElsewhere(claim),
      }))
        found.set(alignment.passage.id, { agreements: alignment.agreements, differences: alignment.differences.length });
    }
    ofClaim.set(documentId, found);
    return found;
  };

  // Feature values in FACT_FEATURES order, written into one array: grouping computes thousands of pairs per article.
  const at = Object.fromEntries(FACT_FEATURES.map((name, i) => [name, i])) as Record<FactFeature, number>;
  const values = new Float64Array(FACT_FEATURES.length);
  /** What two claims' words have in common: the weighted share (wording) and the uncommon words shared. */
  const words = (a: Reading, b: Reading) => {
    let shared = 0;
    let sharedWords = 0;
    for (let i = 0; i < a.termList.length; i += 1) {
      if (!b.terms.has(a.termList[i]!)) continue;
      shared += a.termWeights[i]!;
      if (a.termTies[i]) sharedWords += 1;
    }
    return { shared, wording: shared / Math.sqrt(a.weight * b.weight || 1), sharedWords };
  };
  const fill = (x: ClaimUnit, y: ClaimUnit, articleSimilarity: number): Float64Array => {
    const a = read(x);
    const b = read(y);
    const { shared, wording, sharedWords } = words(a, b);
    values.fill(0);
    values[at.wording] = wording;
    values[at.sharedWords] = Math.min(sharedWords, 5) / 5;
    values[at.articleSimilarity] = articleSimilarity;
    values[at.positionApart] = Math.abs(a.position - b.position);
    values[at.bothFigures] = a.figureKinds.size > 0 && b.figureKinds.size > 0 ? 1 : 0;
    let figureInCommon = false;
    for (const kind of a.figureKinds) if (b.figureKinds.has(kind)) figureInCommon = true;
    // Without a word or a kind of figure in common, no detail can agree, differ or line up.
    if (shared === 0 && !figureInCommon) return values;
    const comparison = compareDetails(a.details, b.details, {
      wording,
      isCommonName: corpus.isCommonName,
      isCommonTerm: corpus.isCommonTerm,
    });
    values[at.strongAgreements] = Math.min(comparison.strongAgreements, 3);
    values[at.agreements] = Math.min(comparison.factAgreements, 3);
    values[at.names] = Math.min(comparison.nameAgreements, 3);
    values[at.differences] = Math.min(comparison.differences.length, 2);
    values[at.topicalDifferences] = Math.min(comparison.topicalDifferences, 2);
    if (figureInCommon) {
      const there = b.passageId ? alignmentOf(a, y.documentId).get(b.passageId) : undefined;
      const back = a.passageId ? alignmentOf(b, x.documentId).get(a.passageId) : undefined;
      values[at.alignedAgreements] = Math.min((there?.agreements ?? 0) + (back?.agreements ?? 0), 2);
      values[at.alignedDifferences] = Math.min((there?.differences ?? 0) + (back?.differences ?? 0), 2);
    }
    return values;
  };
  const weights = Float64Array.from(FACT_FEATURES.map((name) => model.weights[name]));

  /** The features of a pair, by name (for fitting the model). */
  const features = (x: ClaimUnit, y: ClaimUnit, articleSimilarity: number): Record<FactFeature, number> => {
    const filled = fill(x, y, articleSimilarity);
    return Object.fromEntries(FACT_FEATURES.map((name, i) => [name, filled[i]!])) as Record<FactFeature, number>;
  };

  /** Figures of one kind close enough to be one quantity stated differently (the only way details can differ or line up). */
  const nearFigures = (a: Reading, b: Reading) =>
    a.details.some(
      (mine) =>
        FIGURE_KINDS.has(mine.kind) &&
        b.details.some((theirs) => theirs.kind === mine.kind && (mine.kind === "time" || mine.kind === "date" || ratio(mine, theirs) <= 4)),
    );
  const positive = (name: FactFeature) => Math.max(0, model.weights[name]);
  /**
   * An upper bound of the probability from what is quick to read (words, positions, figures
   * in common): a fact whose members all stay below the join probability by it is not read further.
   */
  const bound = (x: ClaimUnit, y: ClaimUnit, articleSimilarity: number): number => {
    const a = read(x);
    const b = read(y);
    const { shared, wording, sharedWords } = words(a, b);
    let logit =
      model.intercept +
      model.weights.wording * wording +
      model.weights.sharedWords * (Math.min(sharedWords, 5) / 5) +
      model.weights.articleSimilarity * articleSimilarity +
      model.weights.positionApart * Math.abs(a.position - b.position) +
      model.weights.bothFigures * (a.figureKinds.size > 0 && b.figureKinds.size > 0 ? 1 : 0);
    if (shared > 0) logit += positive("names") * 3;
    let sameValues = 0;
    for (const value of a.figureValues) if (b.figureValues.has(value)) sameValues += 1;
    if (sameValues > 0)
      logit += (positive("agreements") + positive("strongAgreements")) * Math.min(sameValues, 3) + positive("alignedAgreements") * 2;
    if (nearFigures(a, b)) logit += (positive("differences") + positive("topicalDifferences") + positive("alignedDifferences")) * 2;
    return 1 / (1 + Math.exp(-logit));
  };

  const probability = (x: ClaimUnit, y: ClaimUnit, articleSimilarity: number): number => {
    const filled = fill(x, y, articleSimilarity);
    let logit = model.intercept;
    for (let i = 0; i < weights.length; i += 1) logit += weights[i]! * filled[i]!;
    return 1 / (1 + Math.exp(-logit));
  };

  return { read, features, probability, bound };
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

/** The articles a new article's claims are read against: the most alike of the same story, with their similarity. */
export function articlesToRead(corpus: Pick<GroupingCorpus, "alikeArticles">, documentId: number): Array<[number, number]> {
  return corpus
    .alikeArticles(documentId)
    .filter(([, similarity]) => similarity >= MIN_ARTICLE_SIMILARITY)
    .slice(0, CANDIDATE_ARTICLES);
}

/** The index of the first passage (in position order) that starts at or after `start`. */
function firstStartingAtOrAfter(passages: ReadonlyArray<{ start: number }>, start: number): number {
  let low = 0;
  let high = passages.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (passages[middle]!.start < start) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The first claim of the article, in position order, that the claim disputes or that disputes it.
 * Counter-claims stand within COUNTER_CLAIM_DISTANCE sentences, and sentences follow positions,
 * so only the claims around it are read: comparing with every claim of the article made a 3 MB
 * article's grouping quadratic (37,000 claims).
 */
function nearbyCounterClaimed<T extends ClaimUnit>(
  ofArticle: T[],
  options: { claim: ClaimUnit; mine: Reading; read: (unit: ClaimUnit) => Reading },
): T | undefined {
  const { claim, mine, read } = options;
  let first = firstStartingAtOrAfter(ofArticle, claim.start);
  while (first > 0 && read(ofArticle[first - 1]!).sentence >= mine.sentence - COUNTER_CLAIM_DISTANCE) first -= 1;
  for (let i = first; i < ofArticle.length; i += 1) {
    const other = ofArticle[i]!;
    const theirs = read(other);
    if (theirs.sentence > mine.sentence + COUNTER_CLAIM_DISTANCE) break;
    if (other.claimId !== claim.claimId && isCounterClaim(theirs, mine)) return other;
  }
  return undefined;
}

export interface GroupingInput {
  corpus: GroupingCorpus;
  /** Claims without a fact, of one or several articles (already in the index). */
  claims: ClaimUnit[];
  /** The claims already in facts in these articles (the ones most alike to a new claim's). */
  groupedIn: (documentIds: number[]) => GroupedClaim[];
  model?: FactModel;
  /**
   * The scorer of the grouping run, when its claims are placed in several calls (slices): its
   * readings and story alignments are kept from one call to the next instead of being read again.
   */
  scorer?: PairScorer;
}

/**
 * Places claims that have no fact yet: each article's claims, read against the facts of the
 * articles most alike to it, join the fact they most likely state (one claim per article
 * and fact, likeliest first) or start a new fact; a counter-claim joins the fact of the
 * claim it disputes. Pure: the caller stores the placements.
 */
export function groupClaims(input: GroupingInput): Placement[] {
  const steps = groupingSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link groupClaims} a claim at a time: it yields after reading each new claim against the facts,
 * so a server can give other requests a turn between steps (a slice of a big article read at once
 * held the event loop for hundreds of milliseconds); the placements are the same.
 */
export function* groupingSteps({
  corpus,
  claims,
  groupedIn,
  model,
  scorer = createPairScorer(corpus, model),
}: GroupingInput): Generator<void, Placement[]> {
  const placements: Placement[] = [];
  // Claims placed in this run count as grouped for the articles that come after them.
  const placedNow: GroupedClaim[] = [];
  let nextNewFact = 0;
  const byArticle = new Map<number, ClaimUnit[]>();
  for (const claim of claims) {
    const list = byArticle.get(claim.documentId);
    if (list) list.push(claim);
    else byArticle.set(claim.documentId, [claim]);
  }
  for (const [documentId, articleClaims] of byArticle) {
    const alike = articlesToRead(corpus, documentId);
    const similarityOf = new Map(alike.map(([id, similarity]) => [id, similarity]));
    const candidateIds = [...similarityOf.keys()];
    const wanted = new Set([...candidateIds, documentId]);
    const grouped = [...groupedIn([...wanted]), ...placedNow.filter((c) => wanted.has(c.documentId))];
    const members = new Map<number, GroupedClaim[]>();
    for (const claim of grouped) {
      const list = members.get(claim.factId);
      if (list) list.push(claim);
      else members.set(claim.factId, [claim]);
    }

    // Each new claim against each fact with members in the alike articles.
    const options: Array<{ claim: ClaimUnit; factId: number; score: number }> = [];
    const candidates = [...members]
      .map(([factId, factMembers]) => ({
        factId,
        elsewhere: factMembers
          .filter((m) => m.documentId !== documentId && similarityOf.has(m.documentId))
          .sort((a, b) => similarityOf.get(b.documentId)! - similarityOf.get(a.documentId)! || a.claimId - b.claimId)
          .slice(0, MEMBERS_READ),
      }))
      .filter(({ elsewhere }) => elsewhere.length > 0);
    for (const claim of articleClaims) {
      for (const { factId, elsewhere } of candidates) {
        // The score below is at most its best member's probability: a fact no member can bring to the join probability is passed over.
        if (!elsewhere.some((m) => scorer.bound(claim, m, similarityOf.get(m.documentId)!) >= JOIN_PROBABILITY)) continue;
        const probabilities = elsewhere.map((m) => scorer.probability(claim, m, similarityOf.get(m.documentId)!));
        const best = Math.max(...probabilities);
        const mean = probabilities.reduce((sum, p) => sum + p, 0) / probabilities.length;
        const score = (best + mean) / 2;
        if (score >= JOIN_PROBABILITY) options.push({ claim, factId, score });
      }
      yield;
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
      const disputed = nearbyCounterClaimed(ofArticle, { claim, mine, read: scorer.read });
      yield;
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
