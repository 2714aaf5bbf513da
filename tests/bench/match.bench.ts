// npm run bench:match [-- --verbose] [-- --facts]
// Corroboration quality on nineteen labelled sets written for Claimdesk about invented
// events (tests/fixtures/matching), measured end to end as the app suggests passages; then
// fact grouping and suggestions on the fact sets (studied and, once the lead has copied them
// in, sealed blind ones); then suggestion time for one claim and grouping time for one new
// article in a project of 1,000 articles. `--facts` runs only the fact sets and grouping time.
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
import { type ClaimUnit, type GroupedClaim, groupClaims } from "../../app/lib/matching/fact-grouping";
import { type GroupingEvaluation, evaluateGrouping, factProject, factStoriesAsPairs } from "./fact-evaluation";
import { loadFactSets } from "./fact-sets";
import { type Evaluation, evaluateMatching, labelledArticles } from "./match-evaluation";

const verbose = process.argv.includes("--verbose");
const factsOnly = process.argv.includes("--facts");
const share = (a: number, b: number) => `${(a / b).toFixed(3)} (${a}/${b})`;

function oldSets() {
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
}

function factSets(sets: Awaited<ReturnType<typeof loadFactSets>>) {
  const pooled = new Map<string, { grouping: GroupingEvaluation[]; suggestions: Evaluation[] }>();
  for (const set of sets) {
    const grouping = evaluateGrouping(set.stories);
    const suggestions = evaluateMatching(factStoriesAsPairs(set.stories));
    const kind = set.sealed ? "sealed (blind)" : "studied";
    const pool = pooled.get(kind) ?? { grouping: [], suggestions: [] };
    pool.grouping.push(grouping);
    pool.suggestions.push(suggestions);
    pooled.set(kind, pool);
    const articles = set.stories.reduce((n, story) => n + Object.keys(story.articles).length, 0);
    console.log(
      `\nfact ${set.name} (${kind}): ${set.stories.length} stories, ${articles} articles, ${grouping.claims} sentences, ${grouping.labelledFacts} facts`,
    );
    printFacts([grouping], [suggestions]);
    if (verbose) for (const miss of [...grouping.misses, ...suggestions.misses]) console.log(`    ${miss}`);
  }
  for (const [kind, pool] of pooled) {
    console.log(`\nfact sets ${kind}, pooled:`);
    printFacts(pool.grouping, pool.suggestions);
  }
}

function printFacts(grouping: GroupingEvaluation[], suggestions: Evaluation[]) {
  const total = <T>(items: T[], pick: (item: T) => number) => items.reduce((sum, item) => sum + pick(item), 0);
  const claims = total(grouping, (g) => g.claims);
  console.log(
    `  fact grouping, pair precision:       ${share(
      total(grouping, (g) => g.pairs.correct),
      total(grouping, (g) => g.pairs.predicted),
    )}`,
  );
  console.log(
    `  fact grouping, pair recall:          ${share(
      total(grouping, (g) => g.pairs.correct),
      total(grouping, (g) => g.pairs.labelled),
    )}`,
  );
  console.log(
    `  fact grouping, B-cubed precision / recall: ${(total(grouping, (g) => g.bcubed.precision * g.claims) / claims).toFixed(3)} / ${(total(grouping, (g) => g.bcubed.recall * g.claims) / claims).toFixed(3)}`,
  );
  console.log(
    `  labelled differences shown in facts: ${share(
      total(grouping, (g) => g.contradictions.shown),
      total(grouping, (g) => g.contradictions.labelled),
    )}; differing pairs shown that are not labelled: ${total(grouping, (g) => g.contradictions.wrongPairs)} of ${total(grouping, (g) => g.contradictions.differingPairs)}`,
  );
  console.log(
    `  recall@5 for same-fact passages:     ${share(
      total(suggestions, (e) => e.sameFactFound),
      total(suggestions, (e) => e.sameFactLookups),
    )}`,
  );
  console.log(
    `  contradicting details flagged:       ${share(
      total(suggestions, (e) => e.contradictionsFlagged),
      total(suggestions, (e) => e.plantedContradictions),
    )}`,
  );
  console.log(
    `  "contradicts" flags that are wrong:  ${total(suggestions, (e) => e.falseContradictionFlags)} of ${total(suggestions, (e) => e.contradictionFlags)}`,
  );
}

/**
 * Grouping one new article into a project of 1,000 articles already grouped (each claim alone
 * in its fact: the most facts to read). Warm: the details of the project's sentences were read
 * when their articles were grouped, as in the server process that imported them. Cold: the
 * first article grouped after the process started, with only the index built.
 */
function groupingSpeed(sets: Awaited<ReturnType<typeof loadFactSets>>) {
  const labelled = factProject(sets.flatMap((set) => set.stories));
  const sentencesOf = new Map<number, ClaimUnit[]>();
  for (const claim of labelled.claims) sentencesOf.set(claim.documentId, [...(sentencesOf.get(claim.documentId) ?? []), claim]);
  const source = labelled.documents;
  // Two consecutive labelled articles (most often of one story) make one article of about 20 sentences.
  const documentOf = (id: number) => {
    const parts = [source[id % source.length]!, source[(id + 1) % source.length]!];
    return { id, title: `article ${id}`, text: parts.map((p) => p.text).join("\n\n") };
  };
  const documents = Array.from({ length: 1000 }, (_, i) => documentOf(i + 1));
  const buildStarted = performance.now();
  const index = buildSentenceIndex(documents);
  const buildMs = performance.now() - buildStarted;
  let claimId = 0;
  const grouped: GroupedClaim[] = [];
  const unitsOf = (documentId: number): ClaimUnit[] =>
    index.corpus.passagesOf(documentId).map((p) => ({ claimId: ++claimId, documentId, start: p.start, text: p.text }));
  for (const document of documents) for (const unit of unitsOf(document.id)) grouped.push({ ...unit, factId: unit.claimId, pinned: false });
  const byDocument = new Map<number, GroupedClaim[]>();
  for (const claim of grouped) byDocument.set(claim.documentId, [...(byDocument.get(claim.documentId) ?? []), claim]);
  const groupedIn = (ids: number[]) => ids.flatMap((id) => byDocument.get(id) ?? []);
  // Wall time on a shared machine counts other people's work; CPU time of this process is shown beside it.
  const groupOne = (id: number) => {
    const document = documentOf(id);
    const cpu = process.cpuUsage();
    const started = performance.now();
    index.add([document]);
    groupClaims({ corpus: index.corpus, claims: unitsOf(document.id), groupedIn });
    return { wall: performance.now() - started, cpu: process.cpuUsage(cpu).user / 1000 };
  };
  const cold = groupOne(5000);
  const primeStarted = performance.now();
  for (const document of documents) for (const passage of index.corpus.passagesOf(document.id)) index.corpus.detailsOf(passage);
  const primeMs = performance.now() - primeStarted;
  const runs = Array.from({ length: 40 }, (_, i) => groupOne(5001 + i * 7));
  const at = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(0);
  };
  const wall = runs.map((r) => r.wall);
  const cpu = runs.map((r) => r.cpu);
  console.log(`\ngrouping a new article (about 20 sentences) into 1,000 articles (${index.size} sentences), 40 articles:`);
  console.log(`  warm (details of the project read): wall p50 ${at(wall, 0.5)} ms, p95 ${at(wall, 0.95)} ms, max ${at(wall, 1)} ms`);
  console.log(`                                      CPU  p50 ${at(cpu, 0.5)} ms, p95 ${at(cpu, 0.95)} ms, max ${at(cpu, 1)} ms`);
  console.log(
    `  cold (first article after start): ${cold.wall.toFixed(0)} ms (CPU ${cold.cpu.toFixed(0)} ms), after building the index in ${(buildMs / 1000).toFixed(2)} s; reading every sentence's details once: ${(primeMs / 1000).toFixed(1)} s`,
  );
  console.log(`  load average during the run: ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`);
}

const sets = await loadFactSets();
if (!factsOnly) oldSets();
factSets(sets);

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
if (!factsOnly) {
  timeSuggestions("short articles (one labelled article each)", 1);
  timeSuggestions("long articles (eight labelled articles each)", 8);
}
groupingSpeed(sets);
console.log(
  `machine: ${os.cpus()[0]?.model ?? "unknown"}, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);
