// The trained check-worthiness model: a logistic regression over the signals in
// features.ts, read from the versioned weights file that npm run train:checkworthiness
// writes. The app only loads it. A score is the model's probability that a desk would
// send the sentence to a fact-checker; the reasons are the signals that moved it most.
import { z } from "zod";
import weightsFile from "../../../models/checkworthiness.json";
import { FEATURES, type SentenceFeatures } from "./features";
import type { Reason } from "./reasons";
import { sigmoid } from "./logistic";
import { wordVectors } from "../vectors";
import { MODEL_FILE } from "./model-file";

export { MODEL_FILE };

const modelSchema = z.object({
  format: z.literal(1),
  version: z.string(),
  features: z.array(z.string()),
  center: z.array(z.number()),
  scale: z.array(z.number().positive()),
  weights: z.array(z.number()),
  bias: z.number(),
  threshold: z.number().min(0).max(1),
  vectors: z.object({ file: z.string(), sha256: z.string() }),
});
export type CheckworthinessModel = z.infer<typeof modelSchema>;

export function parseModel(raw: unknown): CheckworthinessModel {
  const model = modelSchema.parse(raw);
  const names = FEATURES.map((f) => f.name);
  if (model.features.length !== names.length || model.features.some((name, i) => name !== names[i])) {
    throw new Error(`${MODEL_FILE} was trained on other features than app/lib/extraction/features.ts: run npm run train:checkworthiness`);
  }
  if ([model.center, model.scale, model.weights].some((list) => list.length !== names.length)) {
    throw new Error(`${MODEL_FILE} is malformed: one weight, centre and scale per feature`);
  }
  return model;
}

let current: CheckworthinessModel | undefined;
export function checkworthinessModel(): CheckworthinessModel {
  current ??= parseModel(weightsFile);
  return current;
}

/** Reasons shown: at most this many for and against, each moving the score by at least MIN_REASON_WEIGHT log-odds. */
const MAX_REASONS_FOR = 4;
const MAX_REASONS_AGAINST = 2;
const MIN_REASON_WEIGHT = 0.3;

export interface Prediction {
  probability: number;
  /**
   * Each feature's share of the log-odds, relative to a sentence without it (or an
   * average one, for continuous features). The wording features' shares are summed into
   * the first wording entry.
   */
  contributions: Float64Array;
  /** The vocabulary row of each of the sentence's vector words (-1 when it has none), looked up once for the score and its reasons. */
  rows: Int32Array;
}

const WORDING_OFFSET = FEATURES.findIndex((f) => f.kind === "wording");
const KINDS = [...new Set(FEATURES.map((f) => f.kind))];
const KIND_OF_FEATURE = FEATURES.map((f) => KINDS.indexOf(f.kind));
const projectionCache = new WeakMap<CheckworthinessModel, { pulls: Float32Array; baseline: number }>();

/**
 * Each vocabulary word's pull on the wording score (its unit vector against the model's
 * wording weights), computed once per model: about 5 million products, a few milliseconds.
 */
function wordingProjection(model: CheckworthinessModel): { pulls: Float32Array; baseline: number } {
  let cached = projectionCache.get(model);
  if (!cached) {
    const direction = new Float64Array(FEATURES.length - WORDING_OFFSET);
    let baseline = 0;
    for (let j = WORDING_OFFSET; j < FEATURES.length; j += 1) {
      direction[j - WORDING_OFFSET] = model.weights[j]! / model.scale[j]!;
      // The wording share of a sentence whose averaged vector is all zeros (no known word).
      baseline -= (model.weights[j]! * model.center[j]!) / model.scale[j]!;
    }
    cached = { pulls: wordVectors().project(direction), baseline };
    projectionCache.set(model, cached);
  }
  return cached;
}

/**
 * The wording features' share of the log-odds. The sentence vector is the mean of its
 * words' unit vectors and the model is linear in it, so the share is the mean of each
 * word's own pull: one lookup per word instead of 100 products.
 */
function wordingShare(model: CheckworthinessModel, rows: Int32Array): number {
  const { pulls, baseline } = wordingProjection(model);
  let sum = 0;
  let known = 0;
  for (const row of rows) {
    if (row === -1) continue;
    sum += pulls[row]!;
    known += 1;
  }
  return baseline + (known === 0 ? 0 : sum / known);
}

export function predict(model: CheckworthinessModel, features: Pick<SentenceFeatures, "values" | "vectorWords">): Prediction {
  const contributions = new Float64Array(FEATURES.length);
  let logit = model.bias;
  for (let j = 0; j < WORDING_OFFSET; j += 1) {
    const c = (model.weights[j]! * (features.values[j]! - model.center[j]!)) / model.scale[j]!;
    contributions[j] = c;
    logit += c;
  }
  const vectors = wordVectors();
  const rows = Int32Array.from(features.vectorWords, (word) => vectors.rowOf(word));
  contributions[WORDING_OFFSET] = wordingShare(model, rows);
  logit += contributions[WORDING_OFFSET]!;
  return { probability: sigmoid(logit), contributions, rows };
}

/** The words whose vectors pull the wording score the most in its direction. */
function wordingEvidence(model: CheckworthinessModel, sentence: { words: string[]; rows: Int32Array; direction: number }): string {
  const { words, rows, direction } = sentence;
  const { pulls } = wordingProjection(model);
  const scored: Array<{ word: string; pull: number }> = [];
  const seen = new Set<string>();
  // Each word once, in the order the sentence first uses it (as a Set of the words iterates).
  words.forEach((word, k) => {
    if (seen.has(word)) return;
    seen.add(word);
    const row = rows[k]!;
    const pull = (row === -1 ? 0 : pulls[row]!) * direction;
    if (pull > 0) scored.push({ word, pull });
  });
  return scored
    .sort((a, b) => b.pull - a.pull || (a.word < b.word ? -1 : 1))
    .slice(0, 3)
    .map((s) => s.word)
    .join(", ");
}

function shapeEvidence(features: SentenceFeatures): string {
  return `${features.vectorWords.length} content words`;
}

/** The signals that moved the score most, grouped by the reason a reviewer reads, strongest first. */
export function explain(model: CheckworthinessModel, features: SentenceFeatures, prediction: Prediction): Reason[] {
  const weights = new Float64Array(KINDS.length);
  // The wording features after the first hold no share (predict puts their sum in the first): adding their zeros changes no weight.
  for (let j = 0; j <= WORDING_OFFSET; j += 1) weights[KIND_OF_FEATURE[j]!]! += prediction.contributions[j]!;
  const reasons: Reason[] = [];
  KINDS.forEach((kind, k) => {
    const weight = weights[k]!;
    if (Math.abs(weight) < MIN_REASON_WEIGHT) return;
    let evidence: string;
    if (kind === "wording")
      evidence = wordingEvidence(model, { words: features.vectorWords, rows: prediction.rows, direction: Math.sign(weight) });
    else if (kind === "shape") evidence = shapeEvidence(features);
    else {
      const words: string[] = [];
      features.evidence.forEach((found, j) => {
        if (KIND_OF_FEATURE[j] === k && prediction.contributions[j] !== 0) words.push(...found);
      });
      evidence = [...new Set(words.map((e) => e.trim()).filter(Boolean))].slice(0, 3).join(", ");
    }
    // A continuous signal off its average ("a low share of quotation") is not shown without words to point to.
    if (evidence !== "") reasons.push({ kind, evidence, weight: Math.round(weight * 100) / 100 });
  });
  const forIt = reasons.filter((r) => r.weight! > 0).sort((a, b) => b.weight! - a.weight!);
  const against = reasons.filter((r) => r.weight! < 0).sort((a, b) => a.weight! - b.weight!);
  return [...forIt.slice(0, MAX_REASONS_FOR), ...against.slice(0, MAX_REASONS_AGAINST)];
}
