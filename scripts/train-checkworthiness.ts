// npm run train:checkworthiness — fits the check-worthiness model on the training sets
// (tests/fixtures/extraction/train-*.ts and the round-1 sets) and writes
// models/checkworthiness.json. Deterministic: the same data, features and vectors give
// the same file byte for byte. Never reads the sealed blind sets (sealed-*.ts).
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import * as prettier from "prettier";
import { FEATURES } from "../app/lib/extraction/features";
import { WORD_VECTORS_FILE, projectRoot } from "../app/lib/vectors/load";
import { MODEL_FILE } from "../app/lib/extraction/model-file";
import { choosePenalty, train } from "../app/lib/extraction/training";
import { FOLDS, PENALTY_CANDIDATES, chooseThreshold, trainingData } from "../tests/bench/extraction-training";

const root = projectRoot();
const started = performance.now();
const data = await trainingData();
const { penalty, losses } = choosePenalty(data.examples, { folds: FOLDS, candidates: PENALTY_CANDIDATES });
const threshold = chooseThreshold(data, penalty);
const weights = train(data.examples, penalty);
const round = (x: number) => Number(x.toPrecision(6));
const body = {
  format: 1 as const,
  features: FEATURES.map((f) => f.name),
  center: weights.center.map(round),
  scale: weights.scale.map(round),
  weights: weights.weights.map(round),
  bias: round(weights.bias),
  threshold: threshold.threshold,
  vectors: {
    file: WORD_VECTORS_FILE,
    sha256: createHash("sha256")
      .update(fs.readFileSync(path.join(root, WORD_VECTORS_FILE)))
      .digest("hex"),
  },
  training: {
    files: data.files,
    articles: data.articles,
    sentences: data.examples.length,
    checkworthy: data.examples.filter((e) => e.label === 1).length,
    folds: FOLDS,
    penalty,
    crossValidatedLogLoss: losses.map(([candidate, loss]) => ({ ...candidate, logLoss: round(loss) })),
    thresholdRule: threshold.rule,
  },
};
const version = `1.${createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 12)}`;
const out = path.join(root, MODEL_FILE);
// Written as the formatter would write it, so npm run format leaves it unchanged.
const options = (await prettier.resolveConfig(out)) ?? {};
fs.writeFileSync(out, await prettier.format(JSON.stringify({ ...body, version }), { ...options, filepath: out }));
console.log(
  `wrote ${MODEL_FILE} (version ${version}): ${data.articles} articles, ${data.examples.length} sentences, ${FEATURES.length} features, ` +
    `L2 ${penalty.l2} (x${penalty.wordingFactor} on wording), threshold ${threshold.threshold} (${threshold.rule}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
