// npm run train:speakers — fits the speaker model (a linear ranker over the candidates of
// app/lib/extraction/speaker-candidates.ts) on every labelled speaker in
// tests/fixtures/extraction (train-*.ts and sealed-*.ts, all studied now), and writes
// models/speakers.json. Deterministic: the same sets, features and rules history give the
// same file byte for byte. The app uses the model only when the file says enabled, which
// this script sets from the cross-validation: the model must beat the rules left out
// writer by writer, and on set D, the one writer today's rules have never been tuned on.
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import * as prettier from "prettier";
import { projectRoot } from "../app/lib/vectors/load";
import { SPEAKER_FEATURES } from "../app/lib/extraction/speaker-candidates";
import { SPEAKER_MODEL_FILE } from "../app/lib/extraction/speaker-model";
import { fitSpeakerRanker } from "../app/lib/extraction/speaker-training";
import { speakerCrossValidation } from "../tests/bench/speaker-data";

const started = performance.now();
const cv = await speakerCrossValidation();
const fit = fitSpeakerRanker(cv.data.examples, cv.l2);
const round = (x: number) => Number(x.toPrecision(6));
const total = (key: "sentences" | "attributed" | "learnedRight" | "learnedAttributedRight" | "rulesRight" | "rulesAttributedRight") =>
  cv.folds.reduce((sum, f) => sum + f[key], 0);
const clean = cv.folds.find((f) => f.group === "set D")!;
const beatsPooled = total("learnedAttributedRight") > total("rulesAttributedRight") && total("learnedRight") > total("rulesRight");
const beatsClean = clean.learnedAttributedRight > clean.todayRulesAttributedRight && clean.learnedRight > clean.todayRulesRight;
const body = {
  format: 1 as const,
  enabled: beatsPooled && beatsClean,
  features: [...SPEAKER_FEATURES],
  weights: fit.weights.map(round),
  bias: round(fit.bias),
  training: {
    files: cv.data.files,
    sentences: cv.data.examples.length,
    l2: cv.l2,
    rulesHistory: "tests/fixtures/extraction/speaker-rules-history.json (npm run speakers:history)",
    enabledRule:
      "learned beats the rules pooled over leave-one-writer-out folds (attributed and all sentences), and beats today's rules on set D, the fold they were never tuned on",
    leaveOneWriterOut: cv.folds.map((f) => ({
      writer: f.group,
      sentences: f.sentences,
      attributed: f.attributed,
      learned: f.learnedRight,
      learnedAttributed: f.learnedAttributedRight,
      rulesBeforeStudied: f.rulesRight,
      rulesBeforeStudiedAttributed: f.rulesAttributedRight,
      rulesToday: f.todayRulesRight,
      rulesTodayAttributed: f.todayRulesAttributedRight,
      reachable: f.reachable,
    })),
    fiveFoldsByArticle: {
      learned: cv.byArticle.reduce((s, f) => s + f.learnedRight, 0),
      learnedAttributed: cv.byArticle.reduce((s, f) => s + f.learnedAttributedRight, 0),
      rules: cv.byArticle.reduce((s, f) => s + f.rulesRight, 0),
      rulesAttributed: cv.byArticle.reduce((s, f) => s + f.rulesAttributedRight, 0),
    },
  },
};
const version = `1.${createHash("sha256").update(JSON.stringify(body)).digest("hex").slice(0, 12)}`;
const out = path.join(projectRoot(), SPEAKER_MODEL_FILE);
const options = (await prettier.resolveConfig(out)) ?? {};
fs.writeFileSync(out, await prettier.format(JSON.stringify({ ...body, version }), { ...options, filepath: out }));
console.log(
  `wrote ${SPEAKER_MODEL_FILE} (version ${version}, enabled ${body.enabled}): ${cv.data.examples.length} sentences, ${SPEAKER_FEATURES.length} features, L2 ${cv.l2}; ` +
    `leave-one-writer-out attributed ${total("learnedAttributedRight")}/${total("attributed")} learned vs ${total("rulesAttributedRight")} rules before studied; ` +
    `set D ${clean.learnedAttributedRight}/${clean.attributed} learned vs ${clean.todayRulesAttributedRight} today's rules (all sentences ${clean.learnedRight}/${clean.sentences} vs ${clean.todayRulesRight}) ` +
    `in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
