// Probe: how long storing one big article holds the main thread's event loop (issue 11, finding 3).
// Not a benchmark with targets (that is bench:import); a tool for finding where the loop is held.
// Prepare a database once (`claimdesk migrate`, a user and a project with slug "probe"), then:
//   DATABASE_URL=file:/tmp/probe.db npx tsx tests/bench/store-probe.ts <kB> [group]
// PROBE_PROFILE=out.cpuprofile writes a CPU profile of the store.
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import { performance } from "node:perf_hooks";
import { getDb } from "../../app/db.server";
import { extractClaims } from "../../app/lib/extraction/extract";
import { parsePastedText } from "../../app/lib/import/parse-file";
import { importArticle } from "../../app/models/document.server";
import { paragraphs } from "./support/invented-text";

const kb = Number(process.argv[2] ?? 350);
const paras: string[] = [];
let size = 0;
for (let p = 0; size < kb * 1024; p++) {
  const para = paragraphs(1, p * 4)[0]!;
  paras.push(para);
  size += para.length + 2;
}
paras.unshift(`Probe run ${Date.now()} began, the probe said.`);
const article = parsePastedText(paras.join("\n\n"), `Probe ${kb} kB ${Date.now()}`);
let t = performance.now();
const candidates = extractClaims(article.text, 0.4);
console.log(`extract ${candidates.length} candidates ${(performance.now() - t).toFixed(0)} ms`);
const project = await getDb().project.findFirstOrThrow({ where: { slug: "probe" } });
let maxStall = 0;
let last = performance.now();
const timer = setInterval(() => {
  const now = performance.now();
  maxStall = Math.max(maxStall, now - last);
  if (now - last > 90) console.log(`  stall ${(now - last).toFixed(0)} ms ending at +${(now - t).toFixed(0)}`);
  last = now;
}, 5);
const session = new Session();
session.connect();
if (process.env.PROBE_PROFILE) {
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
}
t = performance.now();
last = t;
const outcome = await importArticle(
  project.id,
  article,
  { fileName: null, threshold: 0.4, candidates, groupFacts: process.argv[3] === "group" },
  { id: null, name: "probe" },
);
maxStall = Math.max(maxStall, performance.now() - last);
console.log(`t0=${t.toFixed(0)} store ${(performance.now() - t).toFixed(0)} ms, longest stall ${maxStall.toFixed(0)} ms`, outcome.status);
clearInterval(timer);
if (process.env.PROBE_PROFILE) {
  const { profile } = await session.post("Profiler.stop");
  fs.writeFileSync(process.env.PROBE_PROFILE, JSON.stringify(profile));
}
process.exit(0);
