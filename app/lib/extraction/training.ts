// Training and cross-validation for the check-worthiness model (used by
// npm run train:checkworthiness and npm run bench:extract; the app never trains).
import { FEATURES } from "./features";
import { fitLogistic, sigmoid } from "./logistic";

export interface Example {
  values: Float64Array;
  label: 0 | 1;
  /** Examples of one group (an article) always fall in the same fold. */
  group: string;
}

export interface TrainedWeights {
  center: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

/**
 * Every feature is scaled to unit variance on the training rows, so that one penalty
 * treats them alike. Continuous features are also centred; binary ones keep 0 as their
 * centre, so that an absent signal contributes nothing to the score or its reasons.
 */
export function fitTransform(rows: Float64Array[]): { center: number[]; scale: number[] } {
  const center = FEATURES.map(() => 0);
  const scale = FEATURES.map(() => 1);
  FEATURES.forEach((feature, j) => {
    let sum = 0;
    for (const row of rows) sum += row[j]!;
    const mean = sum / rows.length;
    let variance = 0;
    for (const row of rows) variance += (row[j]! - mean) ** 2;
    const sd = Math.sqrt(variance / rows.length);
    if (feature.continuous) center[j] = mean;
    scale[j] = sd > 1e-6 ? sd : 1;
  });
  return { center, scale };
}

export interface Penalty {
  /** L2 penalty on the interpretable signals. */
  l2: number;
  /** How many times heavier the penalty is on the word-vector dimensions (many, each weak). */
  wordingFactor: number;
}

function transform(row: Float64Array, center: number[], scale: number[]): Float64Array {
  const out = new Float64Array(row.length);
  for (let j = 0; j < row.length; j += 1) out[j] = (row[j]! - center[j]!) / scale[j]!;
  return out;
}

export function train(examples: Example[], penalty: Penalty): TrainedWeights {
  const { center, scale } = fitTransform(examples.map((e) => e.values));
  const rows = examples.map((e) => transform(e.values, center, scale));
  const l2 = FEATURES.map((f) => (f.kind === "wording" ? penalty.l2 * penalty.wordingFactor : penalty.l2));
  const fit = fitLogistic(
    rows,
    examples.map((e) => e.label),
    { l2 },
  );
  return { center, scale, weights: fit.weights, bias: fit.bias };
}

export function probability(model: TrainedWeights, values: Float64Array): number {
  let logit = model.bias;
  for (let j = 0; j < values.length; j += 1) logit += (model.weights[j]! * (values[j]! - model.center[j]!)) / model.scale[j]!;
  return sigmoid(logit);
}

/** Deterministic folds: groups sorted by name are dealt round-robin, so every fold gets articles of every style when names lead with the style. */
export function assignFolds(groups: string[], folds: number): Map<string, number> {
  const unique = [...new Set(groups)].sort();
  return new Map(unique.map((group, i) => [group, i % folds]));
}

/** Out-of-fold probability for every example: each fold is scored by a model trained on the others. */
export function crossValidate(examples: Example[], options: { folds: number; penalty: Penalty }): number[] {
  const foldOf = assignFolds(
    examples.map((e) => e.group),
    options.folds,
  );
  const out = new Array<number>(examples.length).fill(Number.NaN);
  for (let fold = 0; fold < options.folds; fold += 1) {
    const trainOn = examples.filter((e) => foldOf.get(e.group) !== fold);
    const model = train(trainOn, options.penalty);
    examples.forEach((e, i) => {
      if (foldOf.get(e.group) === fold) out[i] = probability(model, e.values);
    });
  }
  return out;
}

export function logLoss(probabilities: number[], labels: number[]): number {
  let sum = 0;
  probabilities.forEach((p, i) => {
    const q = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
    sum -= labels[i] === 1 ? Math.log(q) : Math.log(1 - q);
  });
  return sum / probabilities.length;
}

/** Picks the penalty with the lowest cross-validated log loss (candidates in order; ties keep the earlier). */
export function choosePenalty(
  examples: Example[],
  options: { folds: number; candidates: Penalty[] },
): { penalty: Penalty; losses: Array<[Penalty, number]> } {
  const labels = examples.map((e) => e.label);
  const losses = options.candidates.map(
    (penalty) => [penalty, logLoss(crossValidate(examples, { folds: options.folds, penalty }), labels)] as [Penalty, number],
  );
  const best = losses.reduce((a, b) => (b[1] < a[1] - 1e-9 ? b : a));
  return { penalty: best[0], losses };
}

export interface Quality {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function quality(scores: number[], labels: boolean[], threshold: number): Quality {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((score, i) => {
    const predicted = score >= threshold;
    if (predicted && labels[i]) tp += 1;
    else if (predicted) fp += 1;
    else if (labels[i]) fn += 1;
  });
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { threshold, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall), tp, fp, fn };
}

export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  meanPredicted: number;
  observed: number;
}

/** Reliability in ten equal-width bins, the expected calibration error (count-weighted gap) and the Brier score. */
export function calibration(scores: number[], labels: boolean[]): { bins: CalibrationBin[]; ece: number; brier: number } {
  const bins: CalibrationBin[] = Array.from({ length: 10 }, (_, b) => ({
    from: b / 10,
    to: (b + 1) / 10,
    count: 0,
    meanPredicted: 0,
    observed: 0,
  }));
  let brier = 0;
  scores.forEach((score, i) => {
    const bin = bins[Math.min(9, Math.floor(score * 10))]!;
    bin.count += 1;
    bin.meanPredicted += score;
    bin.observed += labels[i] ? 1 : 0;
    brier += (score - (labels[i] ? 1 : 0)) ** 2;
  });
  let ece = 0;
  for (const bin of bins) {
    if (bin.count === 0) continue;
    bin.meanPredicted /= bin.count;
    bin.observed /= bin.count;
    ece += (bin.count / scores.length) * Math.abs(bin.meanPredicted - bin.observed);
  }
  return { bins, ece, brier: brier / scores.length };
}
