// npm run bench:match — corroboration quality on nineteen labelled sets written for
// Claimdesk about invented events (tests/fixtures/matching), measured end to end as the
// app suggests passages; then suggestion time for one claim in a project of 1,000 articles.
// Each set after the first was written before the rules it is first scored with were
// known to it, and scored blind; most were then studied and the rules changed, so only
// the sets scored blind with the current rules (the last two) measure them on unseen
// text. docs/benchmarks.md lists every set's first score.
import os from "node:os";
import { buildSentenceIndex } from "../../app/lib/matching/sentence-index";
import { BLIND_GROUPS } from "../fixtures/matching/blind-set";
import { EIGHTEENTH_GROUPS } from "../fixtures/matching/eighteenth-set";
import { EIGHTH_GROUPS } from "../fixtures/matching/eighth-set";
import { ELEVENTH_GROUPS } from "../fixtures/matching/eleventh-set";
import { FIFTEENTH_GROUPS } from "../fixtures/matching/fifteenth-set";
import { FIFTH_GROUPS } from "../fixtures/matching/fifth-set";
import { FOURTEENTH_GROUPS } from "../fixtures/matching/fourteenth-set";
import { FOURTH_GROUPS } from "../fixtures/matching/fourth-set";
import { HELD_OUT_GROUPS } from "../fixtures/matching/held-out-set";
import { MATCHING_GROUPS } from "../fixtures/matching/labelled-set";
import { NINETEENTH_GROUPS } from "../fixtures/matching/nineteenth-set";
import { NINTH_GROUPS } from "../fixtures/matching/ninth-set";
import { SEVENTEENTH_GROUPS } from "../fixtures/matching/seventeenth-set";
import { SEVENTH_GROUPS } from "../fixtures/matching/seventh-set";
import { SIXTEENTH_GROUPS } from "../fixtures/matching/sixteenth-set";
import { SIXTH_GROUPS } from "../fixtures/matching/sixth-set";
import { TENTH_GROUPS } from "../fixtures/matching/tenth-set";
import { THIRTEENTH_GROUPS } from "../fixtures/matching/thirteenth-set";
import { TWELFTH_GROUPS } from "../fixtures/matching/twelfth-set";
import { type Evaluation, evaluateMatching, labelledArticles } from "./match-evaluation";

const verbose = process.argv.includes("--verbose");
const share = (a: number, b: number) => `${(a / b).toFixed(3)} (${a}/${b})`;
const unseen: Evaluation[] = [];
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
  ["twelfth set (scored blind, then studied)", TWELFTH_GROUPS],
  ["thirteenth set (scored blind, then studied)", THIRTEENTH_GROUPS],
  ["fourteenth set (scored blind, then studied)", FOURTEENTH_GROUPS],
  ["fifteenth set (scored blind, then studied)", FIFTEENTH_GROUPS],
  ["sixteenth set (scored blind, then studied)", SIXTEENTH_GROUPS],
  ["seventeenth set (scored blind, then studied)", SEVENTEENTH_GROUPS],
  ["eighteenth set (scored blind with the current rules)", EIGHTEENTH_GROUPS],
  ["nineteenth set (scored blind with the current rules)", NINETEENTH_GROUPS],
] as const) {
  const result = evaluateMatching(groups);
  if (name.includes("current rules")) unseen.push(result);
  console.log(`\n${name}: ${groups.length} events, ${result.articles} articles, ${result.sentences} sentences`);
  console.log(`  recall@5 for same-fact passages:     ${share(result.sameFactFound, result.sameFactLookups)}`);
  console.log(`  contradicting details flagged:       ${share(result.contradictionsFlagged, result.plantedContradictions)}`);
  console.log(`  "contradicts" flags that are wrong:  ${result.falseContradictionFlags} of ${result.contradictionFlags}`);
  console.log(`  same fact marked "corroborates":     ${share(result.corroborationsMarked, result.corroborationLookups)}`);
  console.log(`  "corroborates" flags that are wrong: ${result.falseCorroborationFlags} of ${result.corroborationFlags}`);
  if (verbose) for (const miss of result.misses) console.log(`    ${miss}`);
}

const sum = (pick: (e: Evaluation) => number) => unseen.reduce((total, e) => total + pick(e), 0);
console.log(`\nsets scored blind with the current rules, pooled:`);
console.log(
  `  recall@5 for same-fact passages:     ${share(
    sum((e) => e.sameFactFound),
    sum((e) => e.sameFactLookups),
  )}`,
);
console.log(
  `  contradicting details flagged:       ${share(
    sum((e) => e.contradictionsFlagged),
    sum((e) => e.plantedContradictions),
  )}`,
);
console.log(`  "contradicts" flags that are wrong:  ${sum((e) => e.falseContradictionFlags)} of ${sum((e) => e.contradictionFlags)}`);

// Speed: projects of 1,000 articles built from the labelled articles (each reused under a
// distinct id), then suggestions for one claim as the app computes them per request:
// search, re-ranking, detail comparison and the reading of the most alike articles. Timed
// on fresh claims of fresh articles, so every cache is cold for the claim's article.
const articles = labelledArticles([
  ...MATCHING_GROUPS,
  ...HELD_OUT_GROUPS,
  ...BLIND_GROUPS,
  ...FOURTH_GROUPS,
  ...FIFTH_GROUPS,
  ...SIXTH_GROUPS,
  ...SEVENTH_GROUPS,
  ...EIGHTH_GROUPS,
  ...NINTH_GROUPS,
  ...TENTH_GROUPS,
  ...ELEVENTH_GROUPS,
  ...TWELFTH_GROUPS,
  ...THIRTEENTH_GROUPS,
  ...FOURTEENTH_GROUPS,
  ...FIFTEENTH_GROUPS,
  ...SIXTEENTH_GROUPS,
  ...SEVENTEENTH_GROUPS,
  ...EIGHTEENTH_GROUPS,
  ...NINETEENTH_GROUPS,
]);
function timeSuggestions(label: string, articlesPerDocument: number) {
  // Long articles join several labelled ones, paragraph by paragraph, about 30 sentences in all.
  const documents = Array.from({ length: 1000 }, (_, i) => ({
    id: i + 1,
    title: `article ${i + 1}`,
    text: Array.from({ length: articlesPerDocument }, (_, k) => articles[(i + k * 7) % articles.length]!.text).join("\n\n"),
  }));
  const buildStarted = performance.now();
  const index = buildSentenceIndex(documents);
  const buildMs = performance.now() - buildStarted;
  const timings: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const document = documents[(i * 5) % documents.length]!;
    const sentences = document.text.split(/(?<=\.) (?=[A-Z])/);
    const claim = sentences[i % sentences.length]!;
    const t0 = performance.now();
    index.search(claim, (p) => p.documentId === document.id, 5, document.id);
    timings.push(performance.now() - t0);
  }
  timings.sort((x, y) => x - y);
  const at = (p: number) => timings[Math.min(timings.length - 1, Math.floor(p * timings.length))]!.toFixed(1);
  console.log(
    `\n${label}: 1,000 articles, ${index.size} sentences; index built in ${(buildMs / 1000).toFixed(2)} s (once per change of the article set)`,
  );
  console.log(`  suggestions for one claim (200 claims): p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`);
  // The Discrepancies view: the top 3 passages for each of 200 claims, on a fresh index (first visit) and again;
  // then the same first visit by words alone (no claim article given), to show what reading articles side by side costs.
  const visit = (fresh: ReturnType<typeof buildSentenceIndex>, withArticles: boolean) => {
    const started = performance.now();
    for (let i = 0; i < 200; i += 1) {
      const document = documents[(i * 13 + 1) % documents.length]!;
      const sentences = document.text.split(/(?<=\.) (?=[A-Z])/);
      fresh.search(sentences[i % sentences.length]!, (p) => p.documentId === document.id, 3, withArticles ? document.id : undefined);
    }
    return ((performance.now() - started) / 1000).toFixed(1);
  };
  const fresh = buildSentenceIndex(documents);
  console.log(`  Discrepancies view (200 claims, top 3 each): first visit ${visit(fresh, true)} s, next visit ${visit(fresh, true)} s`);
  console.log(`  the same first visit by words alone: ${visit(buildSentenceIndex(documents), false)} s`);
}
timeSuggestions("short articles (one labelled article each)", 1);
timeSuggestions("long articles (eight labelled articles each)", 8);
console.log(
  `machine: ${os.cpus()[0]?.model ?? "unknown"}, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);
