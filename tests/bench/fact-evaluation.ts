// Scores fact grouping on labelled fact stories (tests/fixtures/matching/facts-*.ts) as the app
// groups: the articles of a set form one project and are imported one by one, each sentence a
// claim; after each import the new article's claims are grouped into the facts so far. Pair
// recall and precision count the pairs of claims put in one fact against the labelled facts
// (sentences in no labelled fact count as facts of their own); B-cubed averages per claim.
import { sameValue } from "../../app/lib/matching/details";
import { factDifferences } from "../../app/lib/matching/fact-differences";
import { type ClaimUnit, type FactModel, type GroupedClaim, createPairScorer, groupClaims } from "../../app/lib/matching/fact-grouping";
import { buildSentenceIndex } from "../../app/lib/matching/sentence-index";
import type { FactStory } from "../fixtures/matching/fact-set";
import type { MatchingGroup } from "../fixtures/matching/labelled-set";

export interface LabelledClaim extends ClaimUnit {
  ref: string;
  /** The labelled fact, or null for a sentence that states no shared fact. */
  fact: string | null;
}

export interface FactProject {
  documents: Array<{ id: number; title: string; text: string }>;
  claims: LabelledClaim[];
  contradictions: Array<{ a: LabelledClaim; b: LabelledClaim; kind: string }>;
}

/** One project of the set's stories: article "a2" of story 3 is document id 3xx, each sentence a claim. */
export function factProject(stories: FactStory[]): FactProject {
  const documents: FactProject["documents"] = [];
  const claims: LabelledClaim[] = [];
  const contradictions: FactProject["contradictions"] = [];
  stories.forEach((story, s) => {
    const factOf = new Map<string, string>();
    story.facts.forEach((fact, f) => fact.forEach((ref) => factOf.set(ref, `${s}/${f}`)));
    const byRef = new Map<string, LabelledClaim>();
    for (const [key, article] of Object.entries(story.articles)) {
      const id = documents.length + 1;
      let text = "";
      article.sentences.forEach((sentence, i) => {
        if (text) text += " ";
        const claim = {
          claimId: claims.length + 1,
          documentId: id,
          start: text.length,
          text: sentence,
          ref: `${s}/${key}:${i}`,
          fact: factOf.get(`${key}:${i}`) ?? null,
        };
        claims.push(claim);
        byRef.set(`${key}:${i}`, claim);
        text += sentence;
      });
      documents.push({ id, title: `${article.outlet} (${key})`, text });
    }
    for (const c of story.contradictions) {
      const a = byRef.get(c.a);
      const b = byRef.get(c.b);
      if (!a || !b) throw new Error(`no sentence ${c.a} or ${c.b} in story ${s}`);
      contradictions.push({ a, b, kind: c.kind });
    }
  });
  return { documents, claims, contradictions };
}

export interface GroupingEvaluation {
  claims: number;
  labelledFacts: number;
  pairs: { labelled: number; predicted: number; correct: number };
  bcubed: { precision: number; recall: number };
  /** Labelled differences inside one fact shown as a difference of that kind between the two claims' values. */
  contradictions: { labelled: number; shown: number; differingPairs: number; wrongPairs: number };
  /** Milliseconds spent grouping each article (after the index took it in). */
  groupingMs: number[];
  misses: string[];
}

/** Imports the set's articles in order into one project and groups each article's claims as it arrives. */
export function evaluateGrouping(stories: FactStory[], model?: FactModel): GroupingEvaluation {
  const project = factProject(stories);
  const index = buildSentenceIndex([]);
  const factOf = new Map<number, number>();
  const grouped: GroupedClaim[] = [];
  let nextFact = 1;
  const groupingMs: number[] = [];
  for (const document of project.documents) {
    index.add([document]);
    const claims = project.claims.filter((c) => c.documentId === document.id);
    const started = performance.now();
    const placements = groupClaims({
      corpus: index.corpus,
      claims,
      model,
      groupedIn: (ids) => grouped.filter((c) => ids.includes(c.documentId)),
    });
    groupingMs.push(performance.now() - started);
    const newFacts = new Map<number, number>();
    for (const placement of placements) {
      const factId =
        "factId" in placement
          ? placement.factId
          : (newFacts.get(placement.newFact) ?? newFacts.set(placement.newFact, nextFact++).get(placement.newFact)!);
      factOf.set(placement.claimId, factId);
      grouped.push({ ...claims.find((c) => c.claimId === placement.claimId)!, factId, pinned: false });
    }
  }
  return scoreGrouping(project, factOf, createPairScorer(index.corpus, model), groupingMs);
}

function scoreGrouping(
  project: FactProject,
  factOf: Map<number, number>,
  scorer: ReturnType<typeof createPairScorer>,
  groupingMs: number[],
): GroupingEvaluation {
  const { claims } = project;
  const labelledKey = (c: LabelledClaim) => c.fact ?? `alone:${c.claimId}`;
  const misses: string[] = [];
  let labelled = 0;
  let predicted = 0;
  let correct = 0;
  for (let i = 0; i < claims.length; i += 1) {
    for (let j = i + 1; j < claims.length; j += 1) {
      const a = claims[i]!;
      const b = claims[j]!;
      const same = a.fact !== null && a.fact === b.fact;
      const together = factOf.get(a.claimId) === factOf.get(b.claimId);
      if (same) labelled += 1;
      if (together) predicted += 1;
      if (same && together) correct += 1;
      else if (same) misses.push(`apart: ${a.ref} | ${b.ref}`);
      else if (together) misses.push(`together: ${a.ref} | ${b.ref}`);
    }
  }
  // B-cubed: for each claim, the share of its predicted fact that is its labelled fact, and the reverse.
  const members = (key: (c: LabelledClaim) => string | number) => {
    const groups = new Map<string | number, LabelledClaim[]>();
    for (const c of claims) groups.set(key(c), [...(groups.get(key(c)) ?? []), c]);
    return groups;
  };
  const predictedGroups = members((c) => factOf.get(c.claimId)!);
  const labelledGroups = members(labelledKey);
  let bPrecision = 0;
  let bRecall = 0;
  for (const c of claims) {
    const mine = predictedGroups.get(factOf.get(c.claimId)!)!;
    const truth = labelledGroups.get(labelledKey(c))!;
    const overlap = mine.filter((m) => labelledKey(m) === labelledKey(c)).length;
    bPrecision += overlap / mine.length;
    bRecall += overlap / truth.length;
  }

  // Differences inside predicted facts against the labelled contradictions.
  const labelledPairs = new Set(project.contradictions.flatMap(({ a, b }) => [`${a.claimId}>${b.claimId}`, `${b.claimId}>${a.claimId}`]));
  const differencesOf = new Map<number, ReturnType<typeof factDifferences>>();
  for (const [factId, group] of predictedGroups) {
    differencesOf.set(factId as number, factDifferences(group.map((c) => ({ claimId: c.claimId, details: scorer.read(c).details }))));
  }
  const differing = (a: LabelledClaim, b: LabelledClaim, kind?: string) => {
    if (factOf.get(a.claimId) !== factOf.get(b.claimId)) return false;
    return differencesOf.get(factOf.get(a.claimId)!)!.some((difference) => {
      if (kind !== undefined && difference.kind !== kind) return false;
      const x = difference.values.find((v) => v.claimId === a.claimId);
      const y = difference.values.find((v) => v.claimId === b.claimId);
      if (!x || !y) return false;
      const dx = scorer.read(a).details.find((d) => d.raw === x.value);
      const dy = scorer.read(b).details.find((d) => d.raw === y.value);
      return !(dx && dy && sameValue(dx, dy)) && x.value !== y.value;
    });
  };
  let shown = 0;
  for (const { a, b, kind } of project.contradictions) {
    if (differing(a, b, kind)) shown += 1;
    else misses.push(`${kind} difference not shown: ${a.ref} | ${b.ref}`);
  }
  let differingPairs = 0;
  let wrongPairs = 0;
  for (const group of predictedGroups.values()) {
    for (let i = 0; i < group.length; i += 1) {
      for (let j = i + 1; j < group.length; j += 1) {
        if (!differing(group[i]!, group[j]!)) continue;
        differingPairs += 1;
        if (!labelledPairs.has(`${group[i]!.claimId}>${group[j]!.claimId}`)) {
          wrongPairs += 1;
          misses.push(`difference shown but not labelled: ${group[i]!.ref} | ${group[j]!.ref}`);
        }
      }
    }
  }
  return {
    claims: claims.length,
    labelledFacts: new Set(claims.map((c) => c.fact).filter(Boolean)).size,
    pairs: { labelled, predicted, correct },
    bcubed: { precision: bPrecision / claims.length, recall: bRecall / claims.length },
    contradictions: { labelled: project.contradictions.length, shown, differingPairs, wrongPairs },
    groupingMs,
    misses,
  };
}

/**
 * The same stories as pairs for the suggestion benchmark (match-evaluation.ts): every two
 * sentences of one fact in different articles, and the labelled differences between articles.
 * Pairs inside one article are left out: suggestions come from other articles.
 */
export function factStoriesAsPairs(stories: FactStory[]): MatchingGroup[] {
  return stories.map((story, s) => {
    const ref = (r: string) => `s${s}${r}`;
    const article = (r: string) => r.split(":")[0];
    const sameFact: Array<[string, string]> = [];
    for (const fact of story.facts)
      for (let i = 0; i < fact.length; i += 1)
        for (let j = i + 1; j < fact.length; j += 1)
          if (article(fact[i]!) !== article(fact[j]!)) sameFact.push([ref(fact[i]!), ref(fact[j]!)]);
    return {
      event: story.event,
      articles: Object.fromEntries(Object.entries(story.articles).map(([key, a]) => [`s${s}${key}`, a.sentences])),
      sameFact,
      contradictions: story.contradictions.filter((c) => article(c.a) !== article(c.b)).map((c) => ({ ...c, a: ref(c.a), b: ref(c.b) })),
    };
  });
}
