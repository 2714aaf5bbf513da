// Probe: where a many-post import holds the main thread's event loop (issue 11, finding 3). It does
// on the main thread what the import runner does there for a WordPress export: store each post (its
// claims extracted beforehand, as the import thread would), and group the stored posts into facts
// every 100; each gap over 200 ms of a 5 ms timer is printed with the step that was running.
// Prepare a database once (`claimdesk db migrate`, a user and a project with slug "probe"), then:
//   DATABASE_URL=file:/tmp/probe.db npx tsx tests/bench/posts-probe.ts [posts] [group-every] [then-article-kB]
// PROBE_PROFILE=out.cpuprofile writes a CPU profile of the stores and groupings.
import { performance } from "node:perf_hooks";
import { getDb } from "../../app/db.server";
import { extractClaims } from "../../app/lib/extraction/extract";
import { parsePastedText } from "../../app/lib/import/parse-file";
import { importArticle } from "../../app/models/document.server";
import { groupNewClaims } from "../../app/models/fact-grouping.server";
import { paragraphs, textOfSize } from "./support/invented-text";
import { profileIfAsked, watchEventLoop } from "./support/loop-probe";

const posts = Number(process.argv[2] ?? 500);
const groupEvery = Number(process.argv[3] ?? 100);
// Then, as bench:import does next, one long article of this many kB (0: none), stored and grouped like a post.
const thenArticleKb = Number(process.argv[4] ?? 0);
const actor = { id: null, name: "probe" };
const project = await getDb().project.findFirstOrThrow({ where: { slug: "probe" } });
const run = Date.now();
// The posts of bench:import's WordPress export, each with its candidates read before the clock starts.
const articles = Array.from({ length: posts }, (_, i) => {
  const title = `Council figures, part ${i + 1} (${run})`;
  const article = parsePastedText(`${title}\n\n${paragraphs(5, i * 20).join("\n\n")}`, title);
  return { article, candidates: extractClaims(article.text, 0.32) };
});
if (thenArticleKb > 0) {
  const article = parsePastedText(textOfSize(thenArticleKb * 1024), `Invented report (${run})`);
  articles.push({ article, candidates: extractClaims(article.text, 0.32) });
}
let step = "start";
const steps = new Map<string, { count: number; longest: number }>();
const loop = watchEventLoop({
  reportOverMs: 200,
  onStall: (ms) => {
    const kind = step.replace(/\d+/g, "N");
    const seen = steps.get(kind) ?? { count: 0, longest: 0 };
    steps.set(kind, { count: seen.count + 1, longest: Math.max(seen.longest, ms) });
    // The monotonic clock a CPU profile's timestamps use, in seconds, to find the gap in the profile.
    console.log(`  stall ${ms.toFixed(0)} ms in ${step}, ended at ${(Number(process.hrtime.bigint() / 1000n) / 1e6).toFixed(3)}`);
  },
});
const stopProfile = await profileIfAsked();
const started = performance.now();
let pending: number[] = [];
for (const [i, { article, candidates }] of articles.entries()) {
  step = `store ${i + 1}`;
  const outcome = await importArticle(project.id, article, { fileName: null, threshold: null, candidates, groupFacts: false }, actor);
  if (outcome.status === "imported") pending.push(outcome.documentId);
  if (pending.length >= groupEvery || i === articles.length - 1) {
    step = `grouping after ${i + 1}`;
    const t = performance.now();
    const grouped = await groupNewClaims(project.id, { documentIds: pending });
    console.log(`grouped ${grouped.grouped} claims of ${pending.length} posts in ${(performance.now() - t).toFixed(0)} ms`);
    pending = [];
  }
}
loop.stop();
await stopProfile();
const stalls = [...loop.stalls].sort((a, b) => a - b);
console.log(
  `${posts} posts in ${((performance.now() - started) / 1000).toFixed(1)} s; gaps over 200 ms: ${stalls.length}, longest ${stalls.at(-1)?.toFixed(0) ?? 0} ms`,
);
for (const [kind, { count, longest }] of steps) console.log(`  ${kind}: ${count} gaps, longest ${longest.toFixed(0)} ms`);
process.exit(0);
