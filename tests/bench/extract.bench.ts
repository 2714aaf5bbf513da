// npm run bench:extract — quality and cost of claim extraction on the labelled sets in
// tests/fixtures/extraction (written for Claimdesk; no publisher text):
//   1. every set as the shipped model scores it (the training sets are in-sample);
//   2. k-fold cross-validation of the training pool, grouped by article: precision, recall,
//      F1 and calibration, the figures the default threshold is chosen from;
//   3. speakers and datelines against the labels;
//   4. the sealed blind sets (sealed-*.ts), when present: the honest figure;
//   5. throughput on one core (beside wink-nlp alone on the same text), and the memory and start-up the word vectors and the model add.
// Options: --verbose lists every disagreement; --skip-cv skips the cross-validation; --skip-speaker-cv skips the speaker model's
// cross-validation (about 15 s); --quality-only skips the timings.
import os from "node:os";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { extractClaims } from "../../app/lib/extraction/extract";
import { nlp } from "../../app/lib/extraction/nlp";
import { DEFAULT_CHECKWORTHINESS_THRESHOLD } from "../../app/lib/extraction/threshold";
import { checkworthinessModel } from "../../app/lib/extraction/model";
import modelFile from "../../models/checkworthiness.json";
import { scoreFeatures } from "../../app/lib/extraction/checkworthiness";
import { calibration, quality } from "../../app/lib/extraction/training";
import { type ArticleEvaluation, evaluateArticle, loadArticles, normalizeSpeaker, segmentedExactly } from "./extraction-evaluation";
import { FOLDS, crossValidatedScores, trainingData } from "./extraction-training";
import { throughputCorpus } from "./extraction-corpus";
import { speakerCrossValidation } from "./speaker-data";
import { speakerModel } from "../../app/lib/extraction/speaker-model";

const verbose = process.argv.includes("--verbose");
const threshold = DEFAULT_CHECKWORTHINESS_THRESHOLD;
const THRESHOLDS = [...new Set([0.2, 0.25, 0.3, threshold, 0.35, 0.4, 0.5, 0.6, 0.7])].sort((a, b) => a - b);
const model = checkworthinessModel();
const results: Record<string, unknown> = { model: model.version, threshold };

const pct = (x: number) => x.toFixed(3);

function qualityRow(scores: number[], labels: boolean[], t: number) {
  const q = quality(scores, labels, t);
  return `${t.toFixed(2).padStart(9)}  ${pct(q.precision)}      ${pct(q.recall)}   ${pct(q.f1)}${t === threshold ? "  <- default" : ""}`;
}

interface SetReport {
  scores: number[];
  labels: boolean[];
  speakers: { attributed: number; attributedRight: number; all: number; allRight: number; misses: string[] };
  /** falseStrips: a dateline or credit stripped where none was labelled; timestampStrips: the same for a live-blog time stamp ("22:05 —"), which some writers mark and some leave in the text. */
  datelines: { labelled: number; right: number; falseStrips: number; timestampStrips: number; misses: string[] };
  segmentationMisses: number;
  sentences: number;
}

/** Scores each labelled sentence as the shipped app would show it, and checks speakers and datelines against the labels. */
function scoreSet(evaluations: ArticleEvaluation[]): SetReport {
  const report: SetReport = {
    scores: [],
    labels: [],
    speakers: { attributed: 0, attributedRight: 0, all: 0, allRight: 0, misses: [] },
    datelines: { labelled: 0, right: 0, falseStrips: 0, timestampStrips: 0, misses: [] },
    segmentationMisses: 0,
    sentences: 0,
  };
  for (const evaluation of evaluations) {
    const scores = evaluation.analysed.map((a) => scoreFeatures(a.features).score);
    evaluation.labelled.forEach((span, l) => {
      const covering = evaluation.coveredBy[l]!;
      const score = covering.length === 0 ? 0 : Math.max(...covering.map((a) => scores[a]!));
      report.scores.push(score);
      report.labels.push(span.label.checkworthy);
      report.sentences += 1;
      if (!segmentedExactly(evaluation, l)) {
        report.segmentationMisses += 1;
        if (verbose) console.log(`  segmentation: ${span.label.text}`);
      }
      if (verbose && score >= threshold !== span.label.checkworthy) {
        console.log(
          `  ${span.label.checkworthy ? "missed" : "false positive"} (${score.toFixed(2)}) [${span.article.style}]: ${span.label.text}`,
        );
      }
      // The speaker and the claim text of the app's sentence that starts this labelled one.
      const first = covering[0] === undefined ? undefined : evaluation.analysed[covering[0]];
      if (span.label.speaker !== undefined) {
        const expected = normalizeSpeaker(span.label.speaker);
        const got = normalizeSpeaker(first?.speaker);
        report.speakers.all += 1;
        if (expected === got) report.speakers.allRight += 1;
        if (expected !== null) {
          report.speakers.attributed += 1;
          if (expected === got) report.speakers.attributedRight += 1;
        }
        if (expected !== got)
          report.speakers.misses.push(
            `expected ${JSON.stringify(span.label.speaker)}, got ${JSON.stringify(first?.speaker ?? null)}: ${span.label.text}`,
          );
      }
      const expectedText = span.label.claimText ?? span.label.text;
      if (span.label.claimText !== undefined) {
        report.datelines.labelled += 1;
        if (first?.sentence.text === expectedText) report.datelines.right += 1;
        else report.datelines.misses.push(`expected ${JSON.stringify(expectedText)}, got ${JSON.stringify(first?.sentence.text ?? null)}`);
      } else if (first?.dateline) {
        if (first.dateline.place === null && first.dateline.credit === null) report.datelines.timestampStrips += 1;
        else report.datelines.falseStrips += 1;
        report.datelines.misses.push(`stripped ${JSON.stringify(span.label.text.slice(0, first.dateline.length))} from ${span.label.text}`);
      }
    });
  }
  return report;
}

function printSet(name: string, report: SetReport, note: string) {
  const positives = report.labels.filter(Boolean).length;
  console.log(
    `\n${name}: ${report.sentences} sentences (${positives} check-worthy), ${note}; segmentation misses: ${report.segmentationMisses}`,
  );
  console.log("threshold  precision  recall  F1");
  for (const t of THRESHOLDS) console.log(qualityRow(report.scores, report.labels, t));
  const s = report.speakers;
  if (s.all > 0) {
    console.log(
      `speakers: ${s.attributedRight}/${s.attributed} attributed sentences right (${pct(s.attributedRight / (s.attributed || 1))}); ` +
        `${s.allRight}/${s.all} including sentences in the outlet's own voice (${pct(s.allRight / s.all)})`,
    );
    if (verbose) for (const miss of s.misses) console.log(`  speaker: ${miss}`);
  }
  const d = report.datelines;
  if (d.labelled > 0 || d.falseStrips > 0 || d.timestampStrips > 0) {
    console.log(
      `datelines: ${d.right}/${d.labelled} stripped to the labelled claim text; ${d.falseStrips} datelines or credits stripped where none was labelled; ` +
        `${d.timestampStrips} live-blog time stamps stripped where the writer left them in the claim text`,
    );
    if (verbose) for (const miss of d.misses) console.log(`  dateline: ${miss}`);
  }
  const q = quality(report.scores, report.labels, threshold);
  return {
    sentences: report.sentences,
    precision: Number(pct(q.precision)),
    recall: Number(pct(q.recall)),
    f1: Number(pct(q.f1)),
    speakerAccuracy: s.attributed ? Number(pct(s.attributedRight / s.attributed)) : null,
    speakerAccuracyAll: s.all ? Number(pct(s.allRight / s.all)) : null,
    datelines: d.labelled ? `${d.right}/${d.labelled}` : null,
    datelineFalseStrips: d.falseStrips,
    timestampStrips: d.timestampStrips,
  };
}

function merge(reports: SetReport[]): SetReport {
  const merged = scoreSet([]);
  for (const r of reports) {
    merged.scores.push(...r.scores);
    merged.labels.push(...r.labels);
    merged.sentences += r.sentences;
    merged.segmentationMisses += r.segmentationMisses;
    for (const key of ["attributed", "attributedRight", "all", "allRight"] as const) merged.speakers[key] += r.speakers[key];
    merged.speakers.misses.push(...r.speakers.misses);
    for (const key of ["labelled", "right", "falseStrips", "timestampStrips"] as const) merged.datelines[key] += r.datelines[key];
    merged.datelines.misses.push(...r.datelines.misses);
  }
  return merged;
}

console.log(`model ${model.version}, default threshold ${threshold}`);

// 1. Every training set, in-sample.
const data = await trainingData();
const byFile = new Map<string, ArticleEvaluation[]>();
for (const evaluation of data.evaluations)
  byFile.set(evaluation.article.file, [...(byFile.get(evaluation.article.file) ?? []), evaluation]);
const trainingReports: SetReport[] = [];
const sets: Record<string, unknown> = {};
for (const [file, evaluations] of byFile) {
  const report = scoreSet(evaluations);
  trainingReports.push(report);
  sets[file] = printSet(file, report, `${evaluations.length} articles, trained on (in-sample)`);
}
const studied = merge(trainingReports);
results.trainingPool = printSet("all training sets", studied, "in-sample; speakers and datelines were studied on these");
results.sets = sets;

// 2. Cross-validation.
if (!process.argv.includes("--skip-cv")) {
  const penalty = modelFile.training.penalty;
  const cv = crossValidatedScores(data, penalty);
  console.log(
    `\n${FOLDS}-fold cross-validation (grouped by article, L2 ${penalty.l2}, x${penalty.wordingFactor} on wording): ${cv.scores.length} labelled sentences`,
  );
  console.log("threshold  precision  recall  F1");
  for (const t of THRESHOLDS) console.log(qualityRow(cv.scores, cv.labels, t));
  const styles = [...new Set(data.evaluations.map((e) => e.article.style))];
  for (const style of styles) {
    const keep = cv.spans.map((s) => data.evaluations[s.evaluation]!.article.style === style);
    const q = quality(
      cv.scores.filter((_, i) => keep[i]),
      cv.labels.filter((_, i) => keep[i]),
      threshold,
    );
    console.log(
      `  ${style.padEnd(14)} precision ${pct(q.precision)} recall ${pct(q.recall)} F1 ${pct(q.f1)} (${keep.filter(Boolean).length} sentences)`,
    );
  }
  const cal = calibration(cv.scores, cv.labels);
  console.log(`calibration: expected calibration error ${pct(cal.ece)}, Brier score ${pct(cal.brier)}`);
  console.log("  predicted   sentences  mean predicted  observed check-worthy");
  for (const bin of cal.bins) {
    if (bin.count > 0)
      console.log(
        `  ${bin.from.toFixed(1)}-${bin.to.toFixed(1)}   ${String(bin.count).padStart(9)}  ${pct(bin.meanPredicted).padStart(14)}  ${pct(bin.observed).padStart(9)}`,
      );
  }
  const q = quality(cv.scores, cv.labels, threshold);
  results.crossValidation = {
    folds: FOLDS,
    precision: Number(pct(q.precision)),
    recall: Number(pct(q.recall)),
    f1: Number(pct(q.f1)),
    ece: Number(pct(cal.ece)),
    brier: Number(pct(cal.brier)),
  };
}

// 4. The sealed blind sets: written after the model was final, scored as they stand.
// Every array of LabelledNewsArticle a tests/fixtures/extraction/sealed-*.ts file exports is picked up, whatever its name.
const sealed = await loadArticles(/^sealed-.*\.ts$/);
if (sealed.length > 0) {
  const sealedReports: SetReport[] = [];
  const sealedSets: Record<string, unknown> = {};
  for (const file of [...new Set(sealed.map((a) => a.file))]) {
    const articles = sealed.filter((a) => a.file === file);
    const report = scoreSet(articles.map((a) => evaluateArticle(a)));
    sealedReports.push(report);
    sealedSets[file] = printSet(`${file} (sealed, blind)`, report, `${articles.length} articles, never trained or tuned on`);
  }
  results.blindSets = sealedSets;
  results.blind = printSet("BLIND POOL (sealed-*.ts)", merge(sealedReports), `${sealed.length} articles, never trained or tuned on`);
} else console.log("\nblind pool: no sealed-*.ts sets yet (add tests/fixtures/extraction/sealed-*.ts exporting LabelledNewsArticle[])");

// 4b. The learned speaker model (ADR 022), cross-validated leaving one writer out, beside the rules in the same run.
if (!process.argv.includes("--skip-speaker-cv")) {
  const speakerCv = await speakerCrossValidation();
  const app = speakerModel();
  console.log(
    `\nspeaker model ${app.version} (${app.enabled ? "ENABLED: the app's speakers are the model's" : "not enabled: the app's speakers are the rules'"}), ` +
      `leave one writer out, L2 ${speakerCv.l2}; each fold trained on the other writers. "rules before" are the rules as they stood ` +
      `before the writer's set was studied (speaker-rules-history.json); "rules today" are today's, in-sample on every set but D.`,
  );
  console.log(
    "  writer                 sentences  learned (attributed)   rules before (attributed)   rules today (attributed)   reachable",
  );
  const cell = (right: number, all: number, attributedRight: number, attributed: number) =>
    `${pct(right / all)} (${pct(attributedRight / (attributed || 1))})`;
  const rows = [...speakerCv.folds];
  const pooled = rows.reduce(
    (sum, f) => ({
      ...sum,
      sentences: sum.sentences + f.sentences,
      attributed: sum.attributed + f.attributed,
      learnedRight: sum.learnedRight + f.learnedRight,
      learnedAttributedRight: sum.learnedAttributedRight + f.learnedAttributedRight,
      rulesRight: sum.rulesRight + f.rulesRight,
      rulesAttributedRight: sum.rulesAttributedRight + f.rulesAttributedRight,
      todayRulesRight: sum.todayRulesRight + f.todayRulesRight,
      todayRulesAttributedRight: sum.todayRulesAttributedRight + f.todayRulesAttributedRight,
      reachable: sum.reachable + f.reachable,
    }),
    {
      ...rows[0]!,
      group: "pooled",
      sentences: 0,
      attributed: 0,
      learnedRight: 0,
      learnedAttributedRight: 0,
      rulesRight: 0,
      rulesAttributedRight: 0,
      todayRulesRight: 0,
      todayRulesAttributedRight: 0,
      reachable: 0,
    },
  );
  for (const f of [...rows, pooled]) {
    console.log(
      `  ${f.group.padEnd(22)} ${String(f.sentences).padStart(9)}  ${cell(f.learnedRight, f.sentences, f.learnedAttributedRight, f.attributed).padEnd(20)} ` +
        `${cell(f.rulesRight, f.sentences, f.rulesAttributedRight, f.attributed).padEnd(27)} ${cell(f.todayRulesRight, f.sentences, f.todayRulesAttributedRight, f.attributed).padEnd(26)} ${pct(f.reachable / f.sentences)}`,
    );
  }
  const byArticle = speakerCv.byArticle.reduce(
    (sum, f) => ({
      learned: sum.learned + f.learnedAttributedRight,
      rules: sum.rules + f.rulesAttributedRight,
      attributed: sum.attributed + f.attributed,
    }),
    { learned: 0, rules: 0, attributed: 0 },
  );
  console.log(
    `  5 folds of whole articles (writers mixed): attributed ${byArticle.learned}/${byArticle.attributed} learned (${pct(byArticle.learned / byArticle.attributed)}) vs ${byArticle.rules} rules before studied (${pct(byArticle.rules / byArticle.attributed)})`,
  );
  results.speakerModel = {
    version: app.version,
    enabled: app.enabled,
    leaveOneWriterOut: [...rows, pooled].map((f) => ({
      writer: f.group,
      sentences: f.sentences,
      learned: Number(pct(f.learnedRight / f.sentences)),
      learnedAttributed: Number(pct(f.learnedAttributedRight / f.attributed)),
      rulesBefore: Number(pct(f.rulesRight / f.sentences)),
      rulesBeforeAttributed: Number(pct(f.rulesAttributedRight / f.attributed)),
      rulesToday: Number(pct(f.todayRulesRight / f.sentences)),
      rulesTodayAttributed: Number(pct(f.todayRulesAttributedRight / f.attributed)),
    })),
  };
}

if (process.argv.includes("--quality-only")) {
  console.log(`RESULT ${JSON.stringify(results)}`);
  process.exit(0);
}

// 5. Throughput: every labelled article repeated to about 1 MB, extracted on this one thread. The machine is
// shared, so wink-nlp's own reading of the same text (segmentation, tags, entities: the floor under any
// pipeline on it) is timed in the same run, and the ratio between the two is the figure to compare.
const { corpus, text: repeated } = throughputCorpus(data.evaluations.map((e) => e.article));
extractClaims(corpus); // warm up the model and the JIT
nlp().readDoc(corpus);
// Wall time, and CPU time (process.cpuUsage): on a shared machine the wall clock counts other processes' turns too.
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
const started = performance.now();
const startedCpu = process.cpuUsage();
const claims = extractClaims(repeated).length;
const cpu = cpuSeconds(startedCpu);
const seconds = (performance.now() - started) / 1000;
const megabytes = Buffer.byteLength(repeated) / 1_000_000;
const nlpStarted = performance.now();
const nlpStartedCpu = process.cpuUsage();
nlp().readDoc(repeated);
const nlpCpu = cpuSeconds(nlpStartedCpu);
const nlpSeconds = (performance.now() - nlpStarted) / 1000;
console.log(
  `\nthroughput: ${megabytes.toFixed(1)} MB in ${seconds.toFixed(2)} s = ${(megabytes / seconds).toFixed(2)} MB/s on one core (${claims} sentences); ` +
    `wink-nlp reading the same text alone: ${(megabytes / nlpSeconds).toFixed(2)} MB/s, so the whole extraction takes ${(seconds / nlpSeconds).toFixed(1)}x its time`,
);
console.log(
  `throughput in CPU time: ${(megabytes / cpu).toFixed(2)} MB/s; wink-nlp alone ${(megabytes / nlpCpu).toFixed(2)} MB/s; ` +
    `the whole extraction takes ${(cpu / nlpCpu).toFixed(2)}x its time`,
);
results.throughputRatioToNlp = Number((seconds / nlpSeconds).toFixed(2));
results.throughputMBps = Number((megabytes / seconds).toFixed(2));
results.throughputCpuRatioToNlp = Number((cpu / nlpCpu).toFixed(2));
results.throughputCpuMBps = Number((megabytes / cpu).toFixed(2));

// Memory and start-up: a fresh process loads the extraction code, then the word vectors and the model, as a server or a CLI command does on its first import.
const probe = fileURLToPath(new URL("./extract-load-probe.ts", import.meta.url));
const runs = Array.from({ length: 5 }, () => {
  const child = spawnSync(process.execPath, ["--import", "tsx", probe], { encoding: "utf8" });
  if (child.status !== 0) throw new Error(`load probe failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as { baseMs: number; addedMs: number; baseRssMb: number; addedRssMb: number };
});
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const load = {
  addedStartupMs: Math.round(median(runs.map((r) => r.addedMs))),
  addedRssMb: Number(median(runs.map((r) => r.addedRssMb)).toFixed(1)),
  nlpModelLoadMs: Math.round(median(runs.map((r) => r.baseMs))),
};
console.log(
  `word vectors + model, first use in a fresh process (median of 5): +${load.addedStartupMs} ms, +${load.addedRssMb} MB resident ` +
    `(budgets: < 1000 ms, <= 100 MB; for scale, loading wink-nlp and its English model takes ${load.nlpModelLoadMs} ms)`,
);
results.load = load;
console.log(`machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}`);
console.log(`RESULT ${JSON.stringify(results)}`);
