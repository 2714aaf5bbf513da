// Probe: how fast fact grouping places a big article's claims and how long each slice holds the
// event loop (issue 11, finding 3). A short article is imported and grouped, then a long one of the
// same story (the invented text of bench:import) is stored ungrouped, the sentence index is warmed,
// and groupNewClaims runs; every 10 s it prints the claims in facts so far and the gaps over 90 ms
// of a 5 ms timer (one per slice on SQLite). Stops after <seconds> (default 90) if not done.
// Prepare a database once (`claimdesk db migrate`, a user and a project with slug "probe"), then:
//   DATABASE_URL=file:/tmp/probe.db npx tsx tests/bench/grouping-probe.ts <kB> [seconds]
// PROBE_PROFILE=out.cpuprofile writes a CPU profile of the grouping.
// The sentences are bench:import's (tests/bench/support/invented-text.ts).
import { performance } from "node:perf_hooks";
import { getDb } from "../../app/db.server";
import { extractClaims } from "../../app/lib/extraction/extract";
import { parsePastedText } from "../../app/lib/import/parse-file";
import { TimeBudget } from "../../app/lib/matching/time-budget";
import { importArticle } from "../../app/models/document.server";
import { groupNewClaims } from "../../app/models/fact-grouping.server";
import { projectIndex } from "../../app/models/project-index.server";
import { paragraphs, textOfSize } from "./support/invented-text";
import { profileIfAsked, watchEventLoop } from "./support/loop-probe";

const kb = Number(process.argv[2] ?? 3072);
const limitS = Number(process.argv[3] ?? 90);
const actor = { id: null, name: "probe" };
const project = await getDb().project.findFirstOrThrow({ where: { slug: "probe" } });
const small = parsePastedText(`Council figures, part 1\n\n${paragraphs(5, 0).join("\n\n")}`, "Council figures, part 1");
await importArticle(
  project.id,
  small,
  { fileName: null, threshold: null, candidates: extractClaims(small.text, 0.32), groupFacts: true },
  actor,
);
const big = parsePastedText(textOfSize(kb * 1024), "Invented report");
let t = performance.now();
const candidates = extractClaims(big.text, 0.32);
console.log(
  `extract ${candidates.length} candidates, ${candidates.filter((c) => !c.dismissed).length} kept, ${(performance.now() - t).toFixed(0)} ms`,
);
const outcome = await importArticle(project.id, big, { fileName: null, threshold: null, candidates, groupFacts: false }, actor);
t = performance.now();
await projectIndex(project.id, new TimeBudget(600_000));
console.log(`index ${(performance.now() - t).toFixed(0)} ms`);
const loop = watchEventLoop();
const { stalls } = loop;
const stopProfile = await profileIfAsked();
const started = performance.now();
const report = () => {
  const members = getDb().factMember.count({ where: { projectId: project.id } });
  return members.then((n) => {
    const s = [...stalls].sort((a, b) => a - b);
    console.log(
      `+${((performance.now() - started) / 1000).toFixed(0)} s: ${n} members; stalls>90ms ${s.length}, median ${s[s.length >> 1]?.toFixed(0)} ms, max ${s.at(-1)?.toFixed(0)} ms; heap ${(process.memoryUsage().heapUsed / 1_048_576).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 1_048_576).toFixed(0)} MB; last 5: ${stalls
        .slice(-5)
        .map((x) => x.toFixed(0))
        .join(" ")}`,
    );
  });
};
const ticker = setInterval(() => void report(), 10_000);
setTimeout(
  () =>
    void report()
      .then(stopProfile)
      .then(() => process.exit(0)),
  limitS * 1000,
);
const done = await groupNewClaims(project.id, { documentIds: [outcome.status === "imported" ? outcome.documentId : -1] });
loop.stop();
clearInterval(ticker);
console.log("finished", JSON.stringify(done));
await report();
await stopProfile();
process.exit(0);
