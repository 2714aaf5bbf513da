// npm run bench:match — corroboration quality on the labelled set in tests/fixtures/matching
// (written for Claimdesk), and suggestion time for one claim in a project of 1,000 articles.
import os from "node:os";
import { classifyRelation, compareDetails, extractDetails } from "../../app/lib/matching/details";
import { buildSentenceIndex } from "../../app/lib/matching/sentence-index";
import { MATCHING_GROUPS } from "../fixtures/matching/labelled-set";

interface Article { key: string; id: number; title: string; text: string; offsets: number[] }
const articles: Article[] = [];
let nextId = 1;
for (const group of MATCHING_GROUPS) {
  for (const [key, sentences] of Object.entries(group.articles)) {
    const offsets: number[] = [];
    let text = "";
    for (const sentence of sentences) {
      offsets.push(text.length);
      text += (text ? " " : "") + sentence;
      if (offsets.length > 1) offsets[offsets.length - 1]! += 1;
    }
    articles.push({ key, id: nextId++, title: `${group.event} (${key})`, text, offsets });
  }
}
const byKey = new Map(articles.map((a) => [a.key, a]));
const sentenceOf = (ref: string) => {
  const [key, index] = ref.split(":") as [string, string];
  const article = byKey.get(key)!;
  return { article, text: MATCHING_GROUPS.flatMap((g) => Object.entries(g.articles)).find(([k]) => k === key)![1][Number(index)]!, start: article.offsets[Number(index)]! };
};

const index = buildSentenceIndex(articles);
let found = 0;
let total = 0;
for (const group of MATCHING_GROUPS) {
  for (const [a, b] of group.sameFact) {
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const claim = sentenceOf(from);
      const target = sentenceOf(to);
      const results = index.search(claim.text, (p) => p.documentId === claim.article.id, 5);
      total += 1;
      if (results.some((r) => r.documentId === target.article.id && r.start === target.start)) found += 1;
      else console.log(`missed: "${claim.text}" -> "${target.text}"`);
    }
  }
}

let flagged = 0;
let planted = 0;
for (const group of MATCHING_GROUPS) {
  for (const { a, b, kind } of group.contradictions) {
    planted += 1;
    const comparison = compareDetails(extractDetails(sentenceOf(a).text), extractDetails(sentenceOf(b).text));
    if (classifyRelation(comparison, 1) === "contradicts" && comparison.differences.some((d) => d.kind === kind)) flagged += 1;
    else console.log(`not flagged (${kind}): "${sentenceOf(a).text}" vs "${sentenceOf(b).text}"`);
  }
}

// Speed: 1,000 articles (the set repeated with distinct ids), then suggestions for one claim:
// BM25 search plus detail comparison of the top passages, as the app does per request.
const large = Array.from({ length: 1000 }, (_, i) => {
  const source = articles[i % articles.length]!;
  return { id: i + 1, title: `${source.title} #${i}`, text: source.text };
});
const buildStarted = performance.now();
const largeIndex = buildSentenceIndex(large);
const buildMs = performance.now() - buildStarted;
const claimText = sentenceOf("p1:0").text;
const claimDetails = extractDetails(claimText);
const timings: number[] = [];
for (let i = 0; i < 50; i += 1) {
  const t0 = performance.now();
  const results = largeIndex.search(claimText, (p) => p.documentId === 1, 5);
  for (const r of results) classifyRelation(compareDetails(claimDetails, extractDetails(r.text)), r.score);
  timings.push(performance.now() - t0);
}
timings.sort((x, y) => x - y);
const recall = found / total;
const flaggedShare = flagged / planted;
console.log(`labelled set: ${MATCHING_GROUPS.length} events, ${articles.length} articles, ${total} same-fact lookups, ${planted} planted contradictions`);
console.log(`recall@5 for same-fact passages: ${recall.toFixed(3)} (${found}/${total})`);
console.log(`contradicting details flagged: ${flaggedShare.toFixed(3)} (${flagged}/${planted})`);
console.log(`1,000 articles (${largeIndex.size} sentences): index built once in ${(buildMs / 1000).toFixed(2)} s; suggestion for one claim p50 ${timings[25]!.toFixed(1)} ms, p95 ${timings[47]!.toFixed(1)} ms (search and comparison; the app adds three small queries)`);
console.log(`machine: ${os.cpus()[0]?.model ?? "unknown"}, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
