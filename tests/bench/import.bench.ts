// npm run bench:import [-- --port N] [--processes N] [--posts 2000] [--article-mb 3] [--skip-20mb] [--files wordpress,article,20mb]
// Big imports through the real server (issue 11, finding 3): a 2,000-post WordPress export and
// a 3 MB article are uploaded as the drop zone does, while /healthz is asked every 100 ms on a
// new connection each time (so every server process is asked); then a 20 MB text, with the
// server's resident memory (all its processes and threads) sampled every 250 ms. All text is
// invented here. Prints the figures recorded in docs/benchmarks.md.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import Database from "better-sqlite3";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { setTimeout as pause } from "node:timers/promises";
import { paragraphs, textOfSize } from "./support/invented-text";
import { buildIsStale } from "../../scripts/lib/build-freshness.mjs";
import { startProductionServer } from "./support/production-server";

const root = path.resolve(import.meta.dirname, "../..");
const option = (name: string) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const PORT = Number(option("--port") ?? process.env.BENCH_PORT ?? 3297);
const PROCESSES = Number(option("--processes") ?? Math.max(1, os.availableParallelism()));
const POSTS = Number(option("--posts") ?? 2_000);
const ARTICLE_MB = Number(option("--article-mb") ?? 3);
const BASE = `http://127.0.0.1:${PORT}`;
const SLUG = "imports";
const PASSWORD = "import-bench-pass-2026";
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-import-bench-"));
const env = {
  ...process.env,
  DATABASE_URL: `file:${path.join(workDir, "bench.db")}`,
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  WEB_CONCURRENCY: String(PROCESSES),
  // The bench measures what the machine can take, so the limit must not refuse the 20 MB file first.
  IMPORT_MAX_BYTES: String(64 * 1_048_576),
  IMPORT_MAX_ARTICLE_BYTES: String(64 * 1_048_576),
};

function cli(args: string[], input = `${PASSWORD}\n`): void {
  const result = spawnSync(process.execPath, [path.join(root, "bin/claimdesk.mjs"), ...args], { env, input, encoding: "utf8", cwd: root });
  if (result.status !== 0) throw new Error(`claimdesk ${args.join(" ")}: ${result.stderr}`);
}

// --- invented text --------------------------------------------------------------------------

function wordpressExport(posts: number): string {
  return JSON.stringify(
    Array.from({ length: posts }, (_, i) => ({
      id: i + 1,
      date_gmt: "2026-03-01T09:00:00",
      link: `https://invented-gazette.example/${i + 1}/`,
      title: { rendered: `Council figures, part ${i + 1}` },
      content: {
        rendered: paragraphs(5, i * 20)
          .map((p) => `<p>${p}</p>`)
          .join("\n"),
      },
    })),
  );
}

// --- measurements ---------------------------------------------------------------------------

/** The errors of refused articles in the bench's database, newest first. */
function refusedBecause(): string[] {
  const database = new Database(path.join(workDir, "bench.db"), { readonly: true });
  try {
    const rows = database.prepare(`SELECT "result" FROM "ImportJobItem" ORDER BY "id" DESC LIMIT 50`).all() as Array<{ result: string }>;
    return rows
      .map((row) => JSON.parse(row.result) as { status: string; error?: string })
      .flatMap((r) => (r.status === "error" ? [r.error ?? ""] : []));
  } finally {
    database.close();
  }
}

/** Resident memory of the server: its primary and every child process, from /proc (threads are counted in their process). */
function residentMegabytes(pid: number): number {
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const id = pending.pop()!;
    try {
      const line = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${id}/status`, "utf8"));
      total += line ? Number(line[1]) / 1024 : 0;
      for (const task of fs.readdirSync(`/proc/${id}/task`))
        pending.push(...fs.readFileSync(`/proc/${id}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
    } catch {
      // A process that exited between the reads.
    }
  }
  return total;
}

/** One health check on a new connection (no keep-alive), so the kernel spreads them over the processes. */
function probeOnce(): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.get(`${BASE}/healthz`, { agent: false, timeout: 30_000 }, (response) => {
      response.resume();
      response.on("end", () => resolve(performance.now() - started));
    });
    request.on("error", () => resolve(performance.now() - started));
    request.on("timeout", () => request.destroy());
  });
}

function startProbing(): () => Promise<number[]> {
  const times: number[] = [];
  const inFlight = new Set<Promise<void>>();
  let running = true;
  void (async () => {
    while (running) {
      const probe = probeOnce().then((ms) => void times.push(ms));
      inFlight.add(probe);
      void probe.finally(() => inFlight.delete(probe));
      await pause(100);
    }
  })();
  return async () => {
    running = false;
    await Promise.all(inFlight);
    return times;
  };
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function signIn(): Promise<string> {
  const response = await fetch(`${BASE}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username: "bench-editor", password: PASSWORD }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie;
}

interface JobRow {
  id: number;
  status: string;
  doneItems: number;
  errorItems: number;
  totalItems: number | null;
  error: string | null;
}

/** Uploads one file as the drop zone does and waits until its job is finished. */
async function importThroughHttp(cookie: string, name: string, content: string) {
  const started = performance.now();
  const body = new FormData();
  body.append("files", new Blob([content]), name);
  const response = await fetch(`${BASE}/projects/${SLUG}/documents/import`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: BASE },
    body,
  });
  const answer = (await response.json()) as { results?: Array<{ status: string }>; jobs?: JobRow[]; message?: string };
  if (response.status !== 200 && response.status !== 202) throw new Error(`${name}: ${response.status} ${answer.message ?? ""}`);
  const jobId = answer.jobs?.[0]?.id;
  let job: JobRow | undefined = answer.jobs?.[0];
  while (job && (job.status === "queued" || job.status === "running")) {
    await pause(500);
    const listed = await fetch(`${BASE}/projects/${SLUG}/documents/imports`, { headers: { Cookie: cookie } });
    job = ((await listed.json()) as { jobs: JobRow[] }).jobs.find((j) => j.id === jobId);
  }
  return { status: response.status, seconds: (performance.now() - started) / 1000, job };
}

// --- the run --------------------------------------------------------------------------------

let server: ReturnType<typeof spawn> | undefined;
try {
  if (buildIsStale(root)) spawnSync(path.join(root, "node_modules/.bin/react-router"), ["build"], { stdio: "inherit", cwd: root });
  cli(["db", "migrate"]);
  cli(["user", "create", "--username", "bench-editor", "--admin", "--password-stdin"]);
  cli(["project", "create", "--slug", SLUG, "--name", "Import bench", "--owner", "bench-editor"]);
  server = await startProductionServer({ root, env: env, port: PORT, readyPath: "/readyz" });
  // The import thread starts with a process's first job: its start-up is part of the first import's figures.
  const cookie = await signIn();
  console.log(`machine: ${os.cpus().length} cores, load ${fs.readFileSync("/proc/loadavg", "utf8").trim()}; ${PROCESSES} server processes`);

  const files = new Set((option("--files") ?? "wordpress,article,20mb").split(","));
  if (process.argv.includes("--skip-20mb")) files.delete("20mb");
  const cases: Array<[string, () => string]> = [];
  if (files.has("wordpress")) cases.push([`wordpress-${POSTS}.json`, () => wordpressExport(POSTS)]);
  if (files.has("article")) cases.push([`article-${ARTICLE_MB}mb.txt`, () => textOfSize(ARTICLE_MB * 1_048_576)]);
  if (files.has("20mb")) cases.push(["article-20mb.txt", () => textOfSize(20 * 1_048_576)]);
  for (const [name, make] of cases) {
    const content = make();
    const before = residentMegabytes(server!.pid!);
    const stopProbing = startProbing();
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, residentMegabytes(server!.pid!))), 250);
    const outcome = await importThroughHttp(cookie, name, content);
    clearInterval(sampler);
    const probes = await stopProbing();
    // Why articles were refused, from the job's results (the stored rows; the job view only counts them).
    const refusals = outcome.job?.errorItems ? refusedBecause() : [];
    console.log(
      JSON.stringify({
        file: name,
        megabytes: Number((Buffer.byteLength(content) / 1_048_576).toFixed(1)),
        answered: outcome.status,
        job: outcome.job
          ? `${outcome.job.status} ${outcome.job.doneItems}/${outcome.job.totalItems} (${outcome.job.errorItems} refused)${outcome.job.error ? ` ${outcome.job.error}` : ""}`
          : "none",
        seconds: Number(outcome.seconds.toFixed(1)),
        healthz: { probes: probes.length, p95Ms: Math.round(percentile(probes, 95)), maxMs: Math.round(Math.max(...probes)) },
        ...(refusals.length > 0 ? { refused: refusals.slice(0, 3) } : {}),
        residentBeforeMb: Math.round(before),
        peakResidentMb: Math.round(peak),
      }),
    );
  }
  console.log(`load after: ${fs.readFileSync("/proc/loadavg", "utf8").trim()}`);
} finally {
  server?.kill("SIGTERM");
  await pause(2_000);
  fs.rmSync(workDir, { recursive: true, force: true });
}
