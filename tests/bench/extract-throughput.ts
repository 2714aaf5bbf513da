// npx tsx tests/bench/extract-throughput.ts [--runs N] [--only-extract] — extraction throughput in
// CPU time (process.cpuUsage: the machine is shared, so wall time says little), on the corpus
// bench:extract times, beside wink-nlp's own reading of the same text in the same process:
// its full pipeline (the figure bench:extract compares with) and the steps extraction asks
// for (sentences, tags, entities). Each figure is the best of N runs. With --only-extract
// only extraction is timed (for a CPU profile: node --cpu-prof --import tsx this file).
import os from "node:os";
import { extractClaims } from "../../app/lib/extraction/extract";
import { nlp, sentenceReaderNlp } from "../../app/lib/extraction/nlp";
import { trainingData } from "./extraction-training";
import { throughputCorpus } from "./extraction-corpus";

const runsAt = process.argv.indexOf("--runs");
const runs = runsAt === -1 ? 3 : Number(process.argv[runsAt + 1]);
const onlyExtract = process.argv.includes("--only-extract");

const data = await trainingData();
const { corpus, text, bytes } = throughputCorpus(data.evaluations.map((e) => e.article));
const megabytes = bytes / 1_000_000;

/** CPU seconds (user + system) of the best of `runs` calls. */
function cpuSeconds(work: () => unknown): number {
  let best = Infinity;
  for (let r = 0; r < runs; r += 1) {
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  return best;
}

extractClaims(corpus); // warm up the models and the JIT
nlp().readDoc(corpus);
const extraction = cpuSeconds(() => extractClaims(text));
const line = [`extraction ${(megabytes / extraction).toFixed(3)} MB/s CPU (${extraction.toFixed(2)} s for ${megabytes.toFixed(2)} MB)`];
const result: Record<string, number> = { extractionMBps: Number((megabytes / extraction).toFixed(3)) };
if (!onlyExtract) {
  const full = cpuSeconds(() => nlp().readDoc(text));
  const steps = cpuSeconds(() => sentenceReaderNlp().readDoc(text));
  line.push(
    `wink-nlp full pipeline ${(megabytes / full).toFixed(3)} MB/s (extraction ${(extraction / full).toFixed(2)}x its time)`,
    `wink-nlp sentences, tags, entities ${(megabytes / steps).toFixed(3)} MB/s (extraction ${(extraction / steps).toFixed(2)}x)`,
  );
  Object.assign(result, {
    fullMBps: Number((megabytes / full).toFixed(3)),
    stepsMBps: Number((megabytes / steps).toFixed(3)),
    ratioToFull: Number((extraction / full).toFixed(2)),
    ratioToSteps: Number((extraction / steps).toFixed(2)),
  });
}
console.log(line.join("; "));
console.log(
  `machine: ${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log(`RESULT ${JSON.stringify(result)}`);
