// Scores the corroboration pipeline on a labelled set exactly as the app runs it: every
// labelled sentence is a claim, its suggestions are the top 5 of the sentence index, and
// each suggestion carries the relation and the differing details the reviewer sees.
import { buildSentenceIndex } from "../../app/lib/matching/sentence-index";
import type { MatchingGroup } from "../fixtures/matching/labelled-set";

export interface Evaluation {
  articles: number;
  sentences: number;
  sameFactLookups: number;
  sameFactFound: number;
  plantedContradictions: number;
  contradictionsFlagged: number;
  /** Suggestions marked "contradicts" over every sentence of the set. */
  contradictionFlags: number;
  /** Of those, the ones between sentences that do not state the same fact differently. */
  falseContradictionFlags: number;
  /** Suggestions marked "corroborates" over every sentence of the set, and those between sentences not labelled the same fact. */
  corroborationFlags: number;
  falseCorroborationFlags: number;
  /** Same-fact pairs without a planted difference, found and marked corroborates. */
  corroborationLookups: number;
  corroborationsMarked: number;
  misses: string[];
}

export function labelledArticles(groups: MatchingGroup[]) {
  const articles: Array<{ key: string; id: number; title: string; text: string; sentences: string[]; offsets: number[] }> = [];
  for (const group of groups) {
    for (const [key, sentences] of Object.entries(group.articles)) {
      let text = "";
      const offsets: number[] = [];
      for (const sentence of sentences) {
        if (text) text += " ";
        offsets.push(text.length);
        text += sentence;
      }
      articles.push({ key, id: articles.length + 1, title: `${group.event} (${key})`, text, sentences, offsets });
    }
  }
  return articles;
}

export function evaluateMatching(groups: MatchingGroup[], limit = 5): Evaluation {
  const articles = labelledArticles(groups);
  const byKey = new Map(articles.map((a) => [a.key, a]));
  const refOf = (ref: string) => {
    const [key, index] = ref.split(":") as [string, string];
    const article = byKey.get(key);
    const sentence = article?.sentences[Number(index)];
    if (!article || sentence === undefined) throw new Error(`no sentence ${ref} in the labelled set`);
    return { article, text: sentence, start: article.offsets[Number(index)]! };
  };
  const index = buildSentenceIndex(articles);
  const suggestionsFor = (ref: string) => {
    const claim = refOf(ref);
    return index.search(claim.text, (p) => p.documentId === claim.article.id, limit, claim.article.id);
  };
  const find = (from: string, to: string) => {
    const target = refOf(to);
    return suggestionsFor(from).find((s) => s.documentId === target.article.id && s.start === target.start);
  };

  const misses: string[] = [];
  let sameFactLookups = 0;
  let sameFactFound = 0;
  let corroborationLookups = 0;
  let corroborationsMarked = 0;
  const planted = new Set<string>();
  for (const group of groups) for (const c of group.contradictions) planted.add(`${c.a}>${c.b}`).add(`${c.b}>${c.a}`);
  for (const group of groups) {
    for (const [a, b] of group.sameFact) {
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        sameFactLookups += 1;
        const found = find(from, to);
        if (found) sameFactFound += 1;
        else misses.push(`same fact not in top ${limit}: ${from} -> ${to}`);
        if (planted.has(`${from}>${to}`)) continue;
        corroborationLookups += 1;
        if (found?.relation === "corroborates") corroborationsMarked += 1;
        else misses.push(`not marked corroborates: ${from} -> ${to} (${found ? `${found.relation} ${found.score}` : "not found"})`);
      }
    }
  }

  let plantedContradictions = 0;
  let contradictionsFlagged = 0;
  for (const group of groups) {
    for (const { a, b, kind } of group.contradictions) {
      for (const [from, to] of [
        [a, b],
        [b, a],
      ] as const) {
        plantedContradictions += 1;
        const found = find(from, to);
        if (found?.relation === "contradicts" && found.differences.some((d) => d.kind === kind)) contradictionsFlagged += 1;
        else
          misses.push(
            `${kind} difference not flagged: ${from} -> ${to} (${found ? `${found.relation} ${found.score} ${JSON.stringify(found.differences)}` : "not found"})`,
          );
      }
    }
  }

  let contradictionFlags = 0;
  let falseContradictionFlags = 0;
  let corroborationFlags = 0;
  let falseCorroborationFlags = 0;
  const sameFact = new Set<string>();
  for (const group of groups) for (const [a, b] of group.sameFact) sameFact.add(`${a}>${b}`).add(`${b}>${a}`);
  let sentences = 0;
  for (const article of articles) {
    article.sentences.forEach((_, i) => {
      sentences += 1;
      const from = `${article.key}:${i}`;
      for (const suggestion of suggestionsFor(from)) {
        const target = articles.find((x) => x.id === suggestion.documentId)!;
        const to = `${target.key}:${target.offsets.indexOf(suggestion.start)}`;
        if (suggestion.relation === "corroborates") {
          corroborationFlags += 1;
          if (!sameFact.has(`${from}>${to}`)) {
            falseCorroborationFlags += 1;
            misses.push(`false corroboration: ${from} -> ${to} ${suggestion.score}`);
          }
        }
        if (suggestion.relation !== "contradicts") continue;
        contradictionFlags += 1;
        if (!planted.has(`${from}>${to}`)) {
          falseContradictionFlags += 1;
          misses.push(`false contradiction: ${from} -> ${to} ${suggestion.score} ${JSON.stringify(suggestion.differences)}`);
        }
      }
    });
  }

  return {
    articles: articles.length,
    sentences,
    sameFactLookups,
    sameFactFound,
    plantedContradictions,
    contradictionsFlagged,
    contradictionFlags,
    falseContradictionFlags,
    corroborationFlags,
    falseCorroborationFlags,
    corroborationLookups,
    corroborationsMarked,
    misses,
  };
}
