// npm run bench:extract — quality and speed of claim extraction on the labelled sets
// in tests/fixtures/extraction (written for Claimdesk; no publisher text): the first set
// the weights were set on, and a second, wire-style set written afterwards.
import os from "node:os";
import { DEFAULT_CHECKWORTHINESS_THRESHOLD, extractClaims } from "../../app/lib/extraction/extract";
import { BLIND_ARTICLES } from "../fixtures/extraction/blind-set";
import { LABELLED_ARTICLES, type LabelledArticle, articleText } from "../fixtures/extraction/labelled-set";
import { THIRD_ARTICLES } from "../fixtures/extraction/third-set";

interface Labelled {
  text: string;
  checkworthy: boolean;
  score: number | null;
}

function label(articles: LabelledArticle[]) {
  const labelled: Labelled[] = [];
  let segmentationMisses = 0;
  for (const article of articles) {
    const text = articleText(article);
    const extracted = new Map(extractClaims(text).map((claim) => [claim.text, claim.checkworthiness]));
    for (const paragraph of article.paragraphs) {
      for (const [sentence, checkworthy] of paragraph) {
        const score = extracted.get(sentence) ?? null;
        if (score === null) {
          segmentationMisses += 1;
          console.log(`segmentation did not produce: ${sentence}`);
        }
        labelled.push({ text: sentence, checkworthy, score });
      }
    }
  }
  return { labelled, segmentationMisses };
}

function quality(labelled: Labelled[], threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const item of labelled) {
    const predicted = item.score !== null && item.score >= threshold;
    if (predicted && item.checkworthy) tp += 1;
    else if (predicted) fp += 1;
    else if (item.checkworthy) fn += 1;
  }
  return { recall: tp / (tp + fn), precision: tp / (tp + fp || 1), tp, fp, fn };
}

const verbose = process.argv.includes("--verbose");
const results: Record<string, { recall: number; precision: number }> = {};
for (const [name, articles] of [
  ["first set", LABELLED_ARTICLES],
  ["second set (wire style)", BLIND_ARTICLES],
  ["third set (scored blind)", THIRD_ARTICLES],
] as const) {
  const { labelled, segmentationMisses } = label(articles);
  if (verbose) {
    for (const item of labelled) {
      const predicted = item.score !== null && item.score >= DEFAULT_CHECKWORTHINESS_THRESHOLD;
      if (predicted !== item.checkworthy) console.log(`${item.checkworthy ? "missed" : "false positive"} (${item.score}): ${item.text}`);
    }
  }
  console.log(
    `\n${name}: ${articles.length} articles, ${labelled.length} sentences (${labelled.filter((l) => l.checkworthy).length} check-worthy); segmentation misses: ${segmentationMisses}`,
  );
  console.log("threshold  recall  precision");
  for (const threshold of [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7]) {
    const q = quality(labelled, threshold);
    const mark = threshold === DEFAULT_CHECKWORTHINESS_THRESHOLD ? "  <- default" : "";
    console.log(`${threshold.toFixed(2).padStart(9)}  ${q.recall.toFixed(3)}   ${q.precision.toFixed(3)}${mark}`);
  }
  results[name] = quality(labelled, DEFAULT_CHECKWORTHINESS_THRESHOLD);
}

// Throughput: the whole set repeated to about 4 MB, extracted on this one thread.
const corpus = [...LABELLED_ARTICLES, ...BLIND_ARTICLES, ...THIRD_ARTICLES].map(articleText).join("\n\n");
const repeated = Array.from({ length: Math.ceil(4_000_000 / corpus.length) }, () => corpus).join("\n\n");
extractClaims(corpus); // warm up the model and the JIT
const started = performance.now();
const claims = extractClaims(repeated).length;
const seconds = (performance.now() - started) / 1000;
const megabytes = Buffer.byteLength(repeated) / 1_000_000;
console.log(
  `throughput: ${megabytes.toFixed(1)} MB in ${seconds.toFixed(2)} s = ${(megabytes / seconds).toFixed(2)} MB/s on one core (${claims} sentences)`,
);
console.log(`machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}`);
console.log(`RESULT ${JSON.stringify({ ...results, throughputMBps: Number((megabytes / seconds).toFixed(2)) })}`);
