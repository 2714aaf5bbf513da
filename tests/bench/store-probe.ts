// Probe: how long storing one big article holds the main thread's event loop (issue 11, finding 3).
// Not a benchmark with targets (that is bench:import); a tool for finding where the loop is held.
// Prepare a database once (`claimdesk migrate`, a user and a project with slug "probe"), then:
//   DATABASE_URL=file:/tmp/probe.db npx tsx tests/bench/store-probe.ts <kB> [group]
// PROBE_PROFILE=out.cpuprofile writes a CPU profile of the store.
import { performance } from "node:perf_hooks";
import { getDb } from "../../app/db.server";
import { extractClaims } from "../../app/lib/extraction/extract";
import { parsePastedText } from "../../app/lib/import/parse-file";
import { importArticle } from "../../app/models/document.server";
import { textOfSize } from "./support/invented-text";
import { profileIfAsked, watchEventLoop } from "./support/loop-probe";

const kb = Number(process.argv[2] ?? 350);
// A first line of its own, so a second run is not refused as a duplicate.
const article = parsePastedText(
  `Probe run ${Date.now()} began, the probe said.\n\n${textOfSize(kb * 1024)}`,
  `Probe ${kb} kB ${Date.now()}`,
);
let t = performance.now();
const candidates = extractClaims(article.text, 0.4);
console.log(`extract ${candidates.length} candidates ${(performance.now() - t).toFixed(0)} ms`);
const project = await getDb().project.findFirstOrThrow({ where: { slug: "probe" } });
const loop = watchEventLoop({
  onStall: (ms, endedAt) => console.log(`  stall ${ms.toFixed(0)} ms ending at +${(endedAt - t).toFixed(0)}`),
});
const stopProfile = await profileIfAsked();
t = performance.now();
loop.restart();
const outcome = await importArticle(
  project.id,
  article,
  { fileName: null, threshold: 0.4, candidates, groupFacts: process.argv[3] === "group" },
  { id: null, name: "probe" },
);
console.log(
  `t0=${t.toFixed(0)} store ${(performance.now() - t).toFixed(0)} ms, longest stall ${loop.longest().toFixed(0)} ms`,
  outcome.status,
);
loop.stop();
await stopProfile();
process.exit(0);
