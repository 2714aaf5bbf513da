// The training data and the cross-validation both the training script and the
// benchmark use, so that the figures in docs/benchmarks.md are those the threshold was chosen from.
import { BLIND_ARTICLES } from "../fixtures/extraction/blind-set";
import { LABELLED_ARTICLES } from "../fixtures/extraction/labelled-set";
import { THIRD_ARTICLES } from "../fixtures/extraction/third-set";
import { type Example, type Penalty, crossValidate, quality } from "../../app/lib/extraction/training";
import { withWording } from "../../app/lib/extraction/features";
import { type ArticleEvaluation, evaluateArticle, loadArticles, roundOneArticles } from "./extraction-evaluation";

export const FOLDS = 5;
export const PENALTY_CANDIDATES: Penalty[] = [3, 10, 30, 100].flatMap((l2) =>
  [1, 3, 10, 30].map((wordingFactor) => ({ l2, wordingFactor })),
);
/** The default threshold is the highest at which cross-validated recall stays at or above this (ADR 005). */
export const RECALL_FLOOR = 0.95;

export interface TrainingData {
  files: string[];
  articles: number;
  evaluations: ArticleEvaluation[];
  examples: Example[];
  /** For each example, the evaluation and analysed-sentence index it came from. */
  origin: Array<{ evaluation: number; analysed: number }>;
}

export async function trainingData(): Promise<TrainingData> {
  const articles = [
    ...(await loadArticles(/^train-.*\.ts$/)),
    ...roundOneArticles([
      ["labelled-set.ts", LABELLED_ARTICLES],
      ["blind-set.ts", BLIND_ARTICLES],
      ["third-set.ts", THIRD_ARTICLES],
    ]),
  ];
  const evaluations = articles.map((a) => evaluateArticle(a));
  const examples: Example[] = [];
  const origin: TrainingData["origin"] = [];
  evaluations.forEach((evaluation, e) => {
    evaluation.analysed.forEach((analysed, a) => {
      const l = evaluation.labelOf[a]!;
      if (l === -1) return;
      examples.push({
        values: withWording(analysed.features).values,
        label: evaluation.labelled[l]!.label.checkworthy ? 1 : 0,
        group: `${evaluation.article.style}/${evaluation.article.id}`,
      });
      origin.push({ evaluation: e, analysed: a });
    });
  });
  return { files: [...new Set(articles.map((a) => a.file))], articles: articles.length, evaluations, examples, origin };
}

/** Scores per labelled sentence: the highest score among the sentences the app made of it, as a reviewer would see it. */
export function labelledScores(
  data: TrainingData,
  exampleScores: number[],
): { scores: number[]; labels: boolean[]; spans: Array<{ evaluation: number; labelled: number }> } {
  const byAnalysed = new Map<string, number>();
  data.origin.forEach(({ evaluation, analysed }, i) => byAnalysed.set(`${evaluation}:${analysed}`, exampleScores[i]!));
  const scores: number[] = [];
  const labels: boolean[] = [];
  const spans: Array<{ evaluation: number; labelled: number }> = [];
  data.evaluations.forEach((evaluation, e) => {
    evaluation.labelled.forEach((span, l) => {
      const covering = evaluation.coveredBy[l]!.map((a) => byAnalysed.get(`${e}:${a}`) ?? 0);
      scores.push(covering.length === 0 ? 0 : Math.max(...covering));
      labels.push(span.label.checkworthy);
      spans.push({ evaluation: e, labelled: l });
    });
  });
  return { scores, labels, spans };
}

export function crossValidatedScores(data: TrainingData, penalty: Penalty) {
  return labelledScores(data, crossValidate(data.examples, { folds: FOLDS, penalty }));
}

export function chooseThreshold(data: TrainingData, penalty: Penalty): { threshold: number; rule: string } {
  const { scores, labels } = crossValidatedScores(data, penalty);
  let threshold = 0.05;
  for (let t = 5; t <= 95; t += 1) {
    if (quality(scores, labels, t / 100).recall >= RECALL_FLOOR) threshold = t / 100;
  }
  return { threshold, rule: `highest threshold with ${FOLDS}-fold cross-validated recall >= ${RECALL_FLOOR}` };
}
