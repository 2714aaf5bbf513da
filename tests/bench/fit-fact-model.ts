// npx tsx tests/bench/fit-fact-model.ts [--write]
// Fits the same-fact model (app/lib/matching/fact-model.ts) on the STUDIED fact sets only:
// a logistic regression over FACT_FEATURES, for every pair of claims of two articles that
// grouping compares, with the features as grouping computes them when the later article is
// imported (the project holds the articles up to it). Prints each set's pair precision and
// recall at the join probability when fitted on the other studied sets (leave one set out),
// then the weights fitted on all of them; --write rewrites fact-model.ts with those.
import { writeFileSync } from "node:fs";
import { FACT_FEATURES, type FactModel, JOIN_PROBABILITY, createPairScorer } from "../../app/lib/matching/fact-grouping";
import { buildSentenceIndex } from "../../app/lib/matching/sentence-index";
import { FACTS_STUDIED_1 } from "../fixtures/matching/facts-studied-1";
import { FACTS_STUDIED_2 } from "../fixtures/matching/facts-studied-2";
import { FACTS_STUDIED_3 } from "../fixtures/matching/facts-studied-3";
import { FACTS_STUDIED_4 } from "../fixtures/matching/facts-studied-4";
import type { FactStory } from "../fixtures/matching/fact-set";
import { evaluateGrouping, factProject } from "./fact-evaluation";

const STUDIED: Array<[string, FactStory[]]> = [
  ["studied 1", FACTS_STUDIED_1],
  ["studied 2", FACTS_STUDIED_2],
  ["studied 3", FACTS_STUDIED_3],
  ["studied 4", FACTS_STUDIED_4],
];
/** As grouping reads them (fact-grouping.ts). */
const CANDIDATE_ARTICLES = 12;
const MIN_ARTICLE_SIMILARITY = 0.08;
const L2 = 1;

interface Example {
  set: number;
  x: number[];
  y: number;
}

function examplesOf(stories: FactStory[], set: number): Example[] {
  const project = factProject(stories);
  const index = buildSentenceIndex([]);
  const examples: Example[] = [];
  for (const document of project.documents) {
    index.add([document]);
    const scorer = createPairScorer(index.corpus);
    const alike = index.corpus
      .alikeArticles(document.id)
      .filter(([id, similarity]) => id < document.id && similarity >= MIN_ARTICLE_SIMILARITY)
      .slice(0, CANDIDATE_ARTICLES);
    for (const a of project.claims.filter((c) => c.documentId === document.id)) {
      for (const [otherId, similarity] of alike) {
        for (const b of project.claims.filter((c) => c.documentId === otherId)) {
          const features = scorer.features(a, b, similarity);
          examples.push({ set, x: FACT_FEATURES.map((name) => features[name]), y: a.fact !== null && a.fact === b.fact ? 1 : 0 });
        }
      }
    }
  }
  return examples;
}

/** Newton's method on the L2-penalized log-loss (intercept unpenalized). */
function fit(examples: Example[]): number[] {
  const n = FACT_FEATURES.length + 1;
  let w = new Array<number>(n).fill(0);
  for (let iteration = 0; iteration < 50; iteration += 1) {
    const gradient = new Array<number>(n).fill(0);
    const hessian = Array.from({ length: n }, () => new Array<number>(n).fill(0));
    for (const { x, y } of examples) {
      const row = [...x, 1];
      const p = 1 / (1 + Math.exp(-row.reduce((sum, v, i) => sum + v * w[i]!, 0)));
      for (let i = 0; i < n; i += 1) {
        gradient[i]! += (p - y) * row[i]!;
        for (let j = 0; j < n; j += 1) hessian[i]![j]! += p * (1 - p) * row[i]! * row[j]!;
      }
    }
    for (let i = 0; i < n - 1; i += 1) {
      gradient[i]! += L2 * w[i]!;
      hessian[i]![i]! += L2;
    }
    hessian[n - 1]![n - 1]! += 1e-6;
    const step = solve(hessian, gradient);
    w = w.map((v, i) => v - step[i]!);
    if (Math.max(...step.map(Math.abs)) < 1e-6) break;
  }
  return w;
}

function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < n; row += 1) if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let row = 0; row < n; row += 1) {
      if (row === col) continue;
      const factor = a[row]![col]! / a[col]![col]!;
      for (let k = col; k <= n; k += 1) a[row]![k]! -= factor * a[col]![k]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

const probability = (w: number[], x: number[]) => 1 / (1 + Math.exp(-[...x, 1].reduce((sum, v, i) => sum + v * w[i]!, 0)));

const asModel = (w: number[]): FactModel => ({
  intercept: w.at(-1)!,
  weights: Object.fromEntries(FACT_FEATURES.map((name, i) => [name, w[i]!])) as FactModel["weights"],
});
const pooled = { correct: 0, predicted: 0, labelled: 0 };
const examples = STUDIED.flatMap(([, stories], set) => examplesOf(stories, set));
console.log(`${examples.length} pairs compared, ${examples.filter((e) => e.y === 1).length} of one fact`);
STUDIED.forEach(([name], set) => {
  const w = fit(examples.filter((e) => e.set !== set));
  const held = examples.filter((e) => e.set === set);
  const predicted = held.filter((e) => probability(w, e.x) >= JOIN_PROBABILITY);
  const correct = predicted.filter((e) => e.y === 1).length;
  const positives = held.filter((e) => e.y === 1).length;
  const grouping = evaluateGrouping(STUDIED[set]![1], asModel(w));
  console.log(
    `  ${name}, fitted on the others: pairs at p >= ${JOIN_PROBABILITY}: precision ${(correct / Math.max(1, predicted.length)).toFixed(3)}, recall ${(correct / positives).toFixed(3)}; grouped: pair precision ${(grouping.pairs.correct / grouping.pairs.predicted).toFixed(3)}, recall ${(grouping.pairs.correct / grouping.pairs.labelled).toFixed(3)}`,
  );
  pooled.correct += grouping.pairs.correct;
  pooled.predicted += grouping.pairs.predicted;
  pooled.labelled += grouping.pairs.labelled;
});
console.log(
  `  pooled, each set grouped with weights fitted on the others: pair precision ${(pooled.correct / pooled.predicted).toFixed(3)}, recall ${(pooled.correct / pooled.labelled).toFixed(3)}`,
);
const weights = fit(examples);
const rounded = (v: number) => Math.round(v * 1000) / 1000;
console.log(FACT_FEATURES.map((name, i) => `${name} ${rounded(weights[i]!)}`).join(", "), `intercept ${rounded(weights.at(-1)!)}`);
if (process.argv.includes("--write")) {
  const body = FACT_FEATURES.map((name, i) => `    ${name}: ${rounded(weights[i]!)},`).join("\n");
  writeFileSync(
    new URL("../../app/lib/matching/fact-model.ts", import.meta.url),
    `// The weights of the same-fact model (fact-grouping.ts): a logistic regression over the
// features named in FACT_FEATURES, fitted on the studied fact sets by
// \`npx tsx tests/bench/fit-fact-model.ts --write\` (which rewrites this file), never on a blind set.
export const FACT_MODEL = {
  intercept: ${rounded(weights.at(-1)!)},
  weights: {
${body}
  },
} as const;
`,
  );
  console.log("wrote app/lib/matching/fact-model.ts");
}
