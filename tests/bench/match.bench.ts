// npm run bench:match — corroboration quality on five labelled sets written for Claimdesk
// (tests/fixtures/matching: the first set the rules were adjusted on, a second set whose
// misses were studied during later adjustments, a third written blind and scored before
// two further rounds of adjustment, whose first score is in docs/benchmarks.md, and a
// fourth scored blind and then studied, and a fifth written after the last change and scored blind),
// measured end to end as the app suggests passages; then suggestion time for one claim
// in a project of 1,000 articles.
import os from "node:os";
import { buildSentenceIndex } from "../../app/lib/matching/sentence-index";
import { BLIND_GROUPS } from "../fixtures/matching/blind-set";
import { EIGHTH_GROUPS } from "../fixtures/matching/eighth-set";
import { FIFTH_GROUPS } from "../fixtures/matching/fifth-set";
import { SEVENTH_GROUPS } from "../fixtures/matching/seventh-set";
import { SIXTH_GROUPS } from "../fixtures/matching/sixth-set";
import { NINTH_GROUPS } from "../fixtures/matching/ninth-set";
import { TENTH_GROUPS } from "../fixtures/matching/tenth-set";
import { ELEVENTH_GROUPS } from "../fixtures/matching/eleventh-set";
import { FOURTH_GROUPS } from "../fixtures/matching/fourth-set";
import { HELD_OUT_GROUPS } from "../fixtures/matching/held-out-set";
import { MATCHING_GROUPS } from "../fixtures/matching/labelled-set";
import { evaluateMatching, labelledArticles } from "./match-evaluation";

const verbose = process.argv.includes("--verbose");
const share = (a: number, b: number) => `${(a / b).toFixed(3)} (${a}/${b})`;
for (const [name, groups] of [
  ["adjusted-on set", MATCHING_GROUPS],
  ["second set (misses studied while adjusting)", HELD_OUT_GROUPS],
  ["third set (written blind, then two rounds adjusted on)", BLIND_GROUPS],
  ["fourth set (scored blind, then synonyms added)", FOURTH_GROUPS],
  ["fifth set (scored blind, then studied)", FIFTH_GROUPS],
  ["sixth set (scored blind twice, then studied)", SIXTH_GROUPS],
  ["seventh set (scored blind, then studied)", SEVENTH_GROUPS],
  ["eighth set (scored blind, then studied)", EIGHTH_GROUPS],
  ["ninth set (scored blind, then studied)", NINTH_GROUPS],
  ["tenth set (scored blind, then studied)", TENTH_GROUPS],
  ["eleventh set (scored blind, then studied)", ELEVENTH_GROUPS],
] as const) {
  const result = evaluateMatching(groups);
  console.log(`\n${name}: ${groups.length} events, ${result.articles} articles, ${result.sentences} sentences`);
  console.log(`  recall@5 for same-fact passages:     ${share(result.sameFactFound, result.sameFactLookups)}`);
  console.log(`  contradicting details flagged:       ${share(result.contradictionsFlagged, result.plantedContradictions)}`);
  console.log(`  "contradicts" flags that are wrong:  ${result.falseContradictionFlags} of ${result.contradictionFlags}`);
  console.log(`  same fact marked "corroborates":     ${share(result.corroborationsMarked, result.corroborationLookups)}`);
  console.log(`  "corroborates" flags that are wrong: ${result.falseCorroborationFlags} of ${result.corroborationFlags}`);
  if (verbose) for (const miss of result.misses) console.log(`    ${miss}`);
}

// Speed: 1,000 articles (both sets repeated with distinct ids), then suggestions for one
// claim as the app computes them per request: search, re-ranking and detail comparison.
const articles = labelledArticles([...MATCHING_GROUPS, ...HELD_OUT_GROUPS, ...BLIND_GROUPS, ...FOURTH_GROUPS, ...FIFTH_GROUPS, ...SIXTH_GROUPS, ...SEVENTH_GROUPS, ...EIGHTH_GROUPS, ...NINTH_GROUPS, ...TENTH_GROUPS, ...ELEVENTH_GROUPS]);
const large = Array.from({ length: 1000 }, (_, i) => {
  const source = articles[i % articles.length]!;
  return { id: i + 1, title: `${source.title} #${i}`, text: source.text };
});
const buildStarted = performance.now();
const index = buildSentenceIndex(large);
const buildMs = performance.now() - buildStarted;
// A claim of article i is in article i + 1 of the large project (its first copy); the app passes the claim's article.
const claims = articles.flatMap((a, i) => a.sentences.map((text) => ({ text, documentId: i + 1 })));
const timings: number[] = [];
for (let i = 0; i < 200; i += 1) {
  const claim = claims[(i * 7) % claims.length]!;
  const t0 = performance.now();
  index.search(claim.text, (p) => p.documentId === claim.documentId, 5, claim.documentId);
  timings.push(performance.now() - t0);
}
timings.sort((x, y) => x - y);
const at = (p: number) => timings[Math.min(timings.length - 1, Math.floor(p * timings.length))]!.toFixed(1);
console.log(`\n1,000 articles (${index.size} sentences): index built in ${(buildMs / 1000).toFixed(2)} s (once per change of the article set)`);
console.log(`suggestions for one claim (200 claims, details of each candidate and of the 10 most alike articles computed on first use): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
console.log(`machine: ${os.cpus()[0]?.model ?? "unknown"}, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
