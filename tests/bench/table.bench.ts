// npm run bench:table [-- --postgres [--database-url URL | --pg-port N]] [--claims N] [--port N] [--only page,search,dashboard,tags]
// Serves the built app on loopback over a project of 100,000 claims and measures /healthz,
// the claims page (50 rows, one filter, one sort), text search (?q=), the project page's progress
// dashboard (one connection: its latency, target p95 under 300 ms) and the tag action
// under 10 concurrent connections, with each page's rate as a share of /healthz measured in
// the same run. The load comes from wrk (or this process), bounded in time; the server is a child.
// --database-url names a database to use instead of a throwaway one (postgresql://… or file:…); one that already
// holds the bench project is reused, so repeated runs skip seeding.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startThrowawayPostgres } from "../../scripts/lib/throwaway-postgres.mjs";
import { startProductionServer } from "./support/production-server";

const root = path.resolve(import.meta.dirname, "../..");
const option = (name: string) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const givenDatabaseUrl = option("--database-url");
const usePostgres = process.argv.includes("--postgres") || /^postgres(ql)?:/.test(givenDatabaseUrl ?? "");
const CLAIMS = Number(option("--claims") ?? 100_000);
const PORT = Number(option("--port") ?? process.env.BENCH_PORT ?? 3299);
const ONLY = new Set((option("--only") ?? "page,search,dashboard,tags").split(","));
for (const [name, value] of [
  ["--claims", CLAIMS],
  ["--port", PORT],
]) {
  if (!Number.isInteger(value) || Number(value) <= 0) {
    console.error(`bench:table: ${name} must be a positive whole number`);
    process.exit(2);
  }
}
const BASE = `http://127.0.0.1:${PORT}`;
const DURATION_MS = 15_000;
const CONCURRENCY = 10;

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-bench-"));
const postgres = usePostgres && !givenDatabaseUrl ? startThrowawayPostgres(Number(option("--pg-port") ?? 55441)) : null;
const DATABASE_URL = givenDatabaseUrl ?? (postgres ? postgres.url : `file:${path.join(workDir, "bench.db")}`);
const env = { ...process.env, DATABASE_URL, NODE_ENV: "production", LOGIN_MAX_FAILURES_PER_IP: "100000" };
const cli = (...args: string[]) => {
  const result = spawnSync(process.execPath, [path.join(root, "bin/claimdesk.mjs"), ...args], {
    env,
    input: "bench-pass-phrase\n",
    encoding: "utf8",
    cwd: root,
    maxBuffer: 1 << 30,
  });
  if (result.status !== 0) throw new Error(`claimdesk ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function load(
  name: string,
  makeRequest: (i: number) => Promise<Response>,
  options: { concurrency: number; durationMs: number; maxRequests?: number },
) {
  const latencies: number[] = [];
  let errors = 0;
  let issued = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline && (options.maxRequests === undefined || issued < options.maxRequests)) {
        const i = issued++;
        const t0 = performance.now();
        try {
          const response = await makeRequest(i);
          await response.arrayBuffer();
          latencies.push(performance.now() - t0);
          if (response.status >= 400) errors += 1;
        } catch {
          // A connection the server closed (counted, and the run goes on).
          errors += 1;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const result = {
    name,
    requests: latencies.length,
    errors,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
  console.log(
    `${name.padEnd(44)} ${String(result.requests).padStart(6)} req  ${result.rps.toFixed(1).padStart(7)} req/s  p50 ${result.p50.toFixed(1)} ms  p95 ${result.p95.toFixed(1)} ms  p99 ${result.p99.toFixed(1)} ms  errors ${errors}`,
  );
  return result;
}

// wrk (Debian package "wrk"), when installed, loads the server from a few kilobytes of C
// instead of this Node process, so the two cores go to the server; otherwise fetch does.
const wrkPath = spawnSync("sh", ["-c", "command -v wrk"], { encoding: "utf8" }).stdout.trim();

/**
 * CPU seconds the server (primary and workers, from /proc) has used so far: CPU per request
 * does not depend on how many other programs share the cores, unlike requests per second.
 */
function serverCpuSeconds(): number {
  const pending = server?.pid ? [server.pid] : [];
  let ticks = 0;
  while (pending.length > 0) {
    const pid = pending.pop()!;
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
      for (const task of fs.readdirSync(`/proc/${pid}/task`))
        pending.push(...fs.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      // Not Linux, or a process that just exited.
    }
  }
  return ticks / 100;
}

function wrkLoad(name: string, url: string, headers: Record<string, string>, options: { concurrency: number; durationMs: number }) {
  // A 10 s timeout: on a loaded machine a slow answer is a latency, not an error (wrk gives up after 2 s by default).
  const args = [
    "-t",
    "1",
    "-c",
    String(options.concurrency),
    "-d",
    `${Math.round(options.durationMs / 1000)}s`,
    "--timeout",
    "10s",
    "--latency",
  ];
  for (const [key, value] of Object.entries(headers)) args.push("-H", `${key}: ${value}`);
  // wrk prints p50/p75/p90/p99; a Lua hook adds p95 and the error count.
  const script = path.join(workDir, "report.lua");
  fs.writeFileSync(
    script,
    `done = function(summary, latency, requests)\n  io.write(string.format("WRK %d %d %f %f %f %f\\n", summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, latency:percentile(50)/1000, latency:percentile(95)/1000, latency:percentile(99)/1000, summary.duration/1e6))\nend\n`,
  );
  const cpuBefore = serverCpuSeconds();
  const result = spawnSync(wrkPath, [...args, "-s", script, url], { encoding: "utf8" });
  const cpuMs = ((serverCpuSeconds() - cpuBefore) * 1000) / Math.max(1, Number(/WRK (\d+)/.exec(result.stdout)?.[1] ?? 1));
  const line = /WRK (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+)/.exec(result.stdout);
  if (!line) throw new Error(`wrk failed: ${result.stderr || result.stdout}`);
  const [requests, errors, p50, p95, p99, seconds] = line.slice(1).map(Number) as [number, number, number, number, number, number];
  const measured = { name: `${name} [wrk]`, requests, errors, rps: requests / seconds, p50, p95, p99, cpuMs };
  console.log(
    `${measured.name.padEnd(44)} ${String(requests).padStart(6)} req  ${measured.rps.toFixed(1).padStart(7)} req/s  p50 ${p50.toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  errors ${errors}  server CPU ${cpuMs.toFixed(1)} ms/req`,
  );
  return measured;
}

let server: ReturnType<typeof spawn> | undefined;
try {
  if (!fs.existsSync(path.join(root, "build/server/index.js")))
    spawnSync(path.join(root, "node_modules/.bin/react-router"), ["build"], { stdio: "inherit", cwd: root });
  cli("db", "migrate");
  // A database named with --database-url that already holds the bench project is reused
  // (seeding 100,000 claims takes minutes); tags from an earlier run then make fewer claims unverified.
  const seeded = spawnSync(process.execPath, [path.join(root, "bin/claimdesk.mjs"), "audit", "verify", "--project", "bench"], {
    env,
    cwd: root,
  });
  if (seeded.status === 0) {
    console.log(`database: ${usePostgres ? "PostgreSQL" : "SQLite"}, reusing the bench project of ${givenDatabaseUrl}`);
  } else {
    console.log(
      `database: ${usePostgres ? (givenDatabaseUrl ? "PostgreSQL" : "PostgreSQL (throwaway cluster)") : "SQLite"}; seeding ${CLAIMS} claims…`,
    );
    cli("user", "create", "--username", "bench", "--admin", "--password-stdin");
    cli("project", "create", "--slug", "bench", "--name", "Bench", "--owner", "bench");
    // The benchmark tags synthetic claims that have no sources.
    cli("project", "settings", "--project", "bench", "--require-source", "off");
    const seedStarted = Date.now();
    // With a review history (decisions in the trail, review rounds, approvals), so the dashboard reads a worked-on project.
    cli("demo", "seed-large", "--project", "bench", "--claims", String(CLAIMS), "--history", "--as", "bench");
    console.log(`seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);
  }

  server = await startProductionServer({ root, env: env, port: PORT, readyPath: "/healthz" });
  const signIn = await fetch(`${BASE}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
    body: "username=bench&password=bench-pass-phrase",
  });
  const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
  const headers = { Cookie: cookie };
  const page = `${BASE}/projects/bench/claims?status=unverified&sort=checkworthiness&dir=desc`;
  const claimIds = (JSON.parse(cli("claims", "--project", "bench", "--status", "unverified", "--json")) as Array<{ id: number }>).map(
    (c) => c.id,
  );

  // Warm up the server (JIT, statement caches) before measuring.
  await load("warm-up", () => fetch(page, { headers }), { concurrency: CONCURRENCY, durationMs: 3000 });
  console.log(`\n${CLAIMS} claims, ${CONCURRENCY} concurrent connections, ${DURATION_MS / 1000} s each:`);
  const pageLoad = (name: string, url: string) =>
    wrkPath
      ? wrkLoad(name, url, headers, { concurrency: CONCURRENCY, durationMs: DURATION_MS })
      : load(name, () => fetch(url, { headers }), { concurrency: CONCURRENCY, durationMs: DURATION_MS });
  console.log(`load generator for pages: ${wrkPath ? "wrk" : "fetch in this process (install wrk for a lighter one)"}`);
  // The same run's ceiling: how fast this machine, now, answers the cheapest request.
  const results: Record<string, Awaited<ReturnType<typeof pageLoad>>> = {};
  results.healthz = await pageLoad("/healthz", `${BASE}/healthz`);
  if (ONLY.has("page")) {
    results.page = await pageLoad("claims page, full HTML (SSR)", page);
    results.pageData = await pageLoad("claims page, data request (client navigation)", page.replace("/claims?", "/claims.data?"));
    results.defaultPage = await pageLoad("claims page, no filter, full HTML", `${BASE}/projects/bench/claims`);
  }
  if (ONLY.has("search")) {
    // Synthetic claims repeat five sentence shapes: "contract" is in none, "bridge" in one in five.
    const searches: Array<[string, string]> = [
      ["q=contract (no claim matches)", "contract"],
      ["q=bridge (20,000 claims match)", "bridge"],
      ['q="temporary housing" (phrase)', '"temporary housing"'],
      ["q=famil* (prefix)", "famil*"],
      ['q=moving (stemming: "moved", 20,000 claims)', "moving"],
    ];
    for (const [label, q] of searches) {
      const query = new URLSearchParams({ q }).toString();
      results[`search ${label} data`] = await pageLoad(`search ${label}, data request`, `${BASE}/projects/bench/claims.data?${query}`);
    }
    results["search q=bridge full"] = await pageLoad("search q=bridge, full HTML", `${BASE}/projects/bench/claims?q=bridge`);
  }
  if (ONLY.has("dashboard")) {
    // The project page computes the whole dashboard in its loader: one reader at a time gives its latency.
    // Server CPU per request beside the latency: with one connection, what an idle core would answer in (near enough).
    const once = async (name: string, url: string) => {
      const cpuBefore = serverCpuSeconds();
      const result = await load(name, () => fetch(url, { headers }), { concurrency: 1, durationMs: DURATION_MS });
      const cpuMs = ((serverCpuSeconds() - cpuBefore) * 1000) / Math.max(1, result.requests);
      console.log(`${"".padEnd(44)} server CPU ${cpuMs.toFixed(1)} ms/req`);
      return { ...result, cpuMs };
    };
    results.dashboardData = await once("project page + dashboard, data request, 1 conn.", `${BASE}/projects/bench.data`);
    results.dashboardPage = await once("project page + dashboard, full HTML, 1 conn.", `${BASE}/projects/bench`);
  }
  const healthzRate = results.healthz.rps;
  console.log(`
share of /healthz (${healthzRate.toFixed(1)} req/s) in this run:`);
  for (const [key, result] of Object.entries(results)) {
    // By CPU: /healthz's server CPU per request over this one's, the share the rate would reach on idle cores.
    const byCpu =
      "cpuMs" in result && "cpuMs" in results.healthz
        ? ` (by server CPU per request ${(results.healthz.cpuMs / result.cpuMs).toFixed(3)})`
        : "";
    if (key !== "healthz") console.log(`  ${result.name.padEnd(60)} ${(result.rps / healthzRate).toFixed(3)}${byCpu}`);
  }
  if (!ONLY.has("tags")) {
    console.log(`RESULT ${JSON.stringify({ database: usePostgres ? "postgresql" : "sqlite", claims: CLAIMS, ...results })}`);
  }
  if (ONLY.has("tags")) {
    const tagOnce = (i: number) =>
      fetch(`${BASE}/projects/bench/claims/${claimIds[i]}`, {
        method: "POST",
        headers: { ...headers, Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          intent: "tag",
          claimId: String(claimIds[i]),
          version: "1",
          status: "confirmed",
          rationale: "benchmark",
        }),
        redirect: "manual",
      });
    // A tag is a POST to the page's action; React Router then re-renders the page, as a browser without JavaScript would see it.
    const tagSingle = await load("tag action, 1 connection", (i) => tagOnce(i), { concurrency: 1, durationMs: 8000, maxRequests: 2000 });
    let offset = tagSingle.requests;
    const tagConcurrent = await load("tag action, 10 connections", (i) => tagOnce(offset + i), {
      concurrency: CONCURRENCY,
      durationMs: 8000,
      maxRequests: 4000,
    });
    offset += tagConcurrent.requests;
    // How the table tags: a fetcher POST to the .data endpoint (the page reloads separately).
    const tagAsFetcher = (i: number) =>
      fetch(`${BASE}/projects/bench/claims/${claimIds[i]}.data`, {
        method: "POST",
        headers: { ...headers, Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          intent: "tag",
          claimId: String(claimIds[i]),
          version: "1",
          status: "confirmed",
          rationale: "benchmark",
        }),
      });
    const tagDataSingle = await load("tag action as fetcher (.data), 1 connection", (i) => tagAsFetcher(offset + i), {
      concurrency: 1,
      durationMs: 8000,
      maxRequests: 3000,
    });
    offset += tagDataSingle.requests;
    const tagData = await load("tag action as fetcher (.data), 10 connections", (i) => tagAsFetcher(offset + i), {
      concurrency: CONCURRENCY,
      durationMs: 8000,
      maxRequests: 4000,
    });
    console.log(
      `RESULT ${JSON.stringify({ database: usePostgres ? "postgresql" : "sqlite", claims: CLAIMS, ...results, tagSingle, tagConcurrent, tagDataSingle, tagData })}`,
    );
  }
  console.log(
    `\nmachine: ${os.cpus()[0]?.model ?? "unknown"}, ${os.cpus().length} cores, Node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}, ${new Date().toISOString().slice(0, 10)}`,
  );
} finally {
  server?.kill("SIGTERM");
  postgres?.stop();
  fs.rmSync(workDir, { recursive: true, force: true });
}
