// npm run bench:export — time to export 10,000 claims in each format and 100,000 claims to
// CSV, with the growth of resident memory, on a fresh SQLite database. Output goes to /dev/null.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import { PerformanceObserver, constants } from "node:perf_hooks";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-export-bench-"));
process.env.DATABASE_URL = `file:${path.join(workDir, "bench.db")}`;
const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [path.join(root, "bin/claimdesk.mjs"), ...args], {
    env: process.env,
    input: "bench-pass-phrase\n",
    encoding: "utf8",
    cwd: root,
  });
  if (result.status !== 0) throw new Error(`claimdesk ${args.join(" ")}: ${result.stderr}`);
};

const { parseClaimQuery } = await import("../../app/lib/claim-query");
const { startExport } = await import("../../app/models/export-stream.server");
const { disconnectDb, getDb } = await import("../../app/db.server");

async function run(slug: string, format: "csv" | "json" | "claimreview" | "html" | "pdf") {
  const project = await getDb().project.findUniqueOrThrow({ where: { slug } });
  const sink = fs.createWriteStream("/dev/null");
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  // Full collections pause every request the server is handling: their longest and total time.
  const pauses: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if ((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR)
        pauses.push(entry.duration);
  });
  observer.observe({ entryTypes: ["gc"] });
  const started = performance.now();
  let bytes = 0;
  let chunks = 0;
  const stream = await startExport(
    project,
    format,
    parseClaimQuery(new URLSearchParams()),
    { id: null, name: "bench", displayName: "Bench" },
    0,
  );
  for await (const chunk of stream) {
    bytes += chunk.byteLength;
    if (!sink.write(chunk)) await new Promise<void>((resolve) => sink.once("drain", () => resolve()));
    // Every chunk: text formats write one chunk per page of claims.
    chunks += 1;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  sink.end();
  peak = Math.max(peak, process.memoryUsage().rss);
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setImmediate(resolve));
  observer.disconnect();
  const gc = pauses.length ? `${pauses.length} full GCs, longest ${Math.max(...pauses).toFixed(0)} ms` : "no full GC";
  console.log(
    `${slug.padEnd(8)} ${format.padEnd(12)} ${seconds.toFixed(2).padStart(6)} s  ${(bytes / 1_048_576).toFixed(1).padStart(6)} MB  RSS +${((peak - rssBefore) / 1_048_576).toFixed(0)} MB (peak ${(peak / 1_048_576).toFixed(0)} MB, ${chunks} chunks)  ${gc}`,
  );
}

try {
  cli("db", "migrate");
  cli("user", "create", "--username", "bench", "--admin", "--password-stdin");
  for (const [slug, claims] of [
    ["k10", 10_000],
    ["k100", 100_000],
  ] as const) {
    cli("project", "create", "--slug", slug, "--name", slug, "--owner", "bench");
    cli("project", "settings", "--project", slug, "--require-source", "off");
    cli("demo", "seed-large", "--project", slug, "--claims", String(claims));
  }
  await getDb().project.updateMany({ data: { publisherName: "Bench Checks", publisherUrl: "https://checks.example.org" } });
  console.log("project  format       time     size   memory");
  // The 100,000-claim CSV first, so its memory growth is measured from a fresh process.
  await run("k100", "csv");
  for (const format of ["csv", "json", "claimreview", "html", "pdf"] as const) await run("k10", format);
  console.log(
    `machine: ${os.cpus()[0]?.model ?? "unknown"}, ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
} finally {
  await disconnectDb();
  fs.rmSync(workDir, { recursive: true, force: true });
}
