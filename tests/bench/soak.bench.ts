// npm run bench:soak [-- --postgres [--database-url URL | --pg-port N]] [--minutes 10] [--reviewers 30] [--claims 5000] [--port N]
//   (--minutes 1 for a smoke run; fractions allowed. --database-url names an empty database: postgresql://… or file:…)
// A working day compressed: simulated reviewers use the real server over HTTP for a while
// (sign in, page through and filter the table, open claims, tag them with the version they
// saw, link sources, ask for suggestions, hold an event stream, a few exports, one import).
// At the end every acknowledged write is looked up in the database and its audit trail, and
// the figures (5xx, lost writes, p95 per action, resident memory after warm-up) are printed.
// Resident memory is read from /proc for the primary and its worker processes. Writes go where
// the UI sends them: a tag is a fetcher POST to the claim's own route (claims/ID.data), a source the claim page's form.
// Exits 1 when a 5xx was answered, an acknowledged write is missing, a chain fails to verify,
// or resident memory grew by 50 MB or more after warm-up.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, disconnectDb, getDb } from "../../app/db.server";
import { parseDatabaseUrl } from "../../app/lib/database-url";
import { setMemberRole } from "../../app/models/project.server";
import { createUser } from "../../app/models/user.server";
import { startThrowawayPostgres } from "../../scripts/lib/throwaway-postgres.mjs";
import { startProductionServer } from "./support/production-server";

const root = path.resolve(import.meta.dirname, "../..");
const option = (name: string) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
};
const wholeNumber = (name: string, fallback: number) => {
  const value = Number(option(name) ?? fallback);
  if (!Number.isInteger(value) || value <= 0) {
    console.error(`bench:soak: ${name} must be a positive whole number`);
    process.exit(2);
  }
  return value;
};
const givenDatabaseUrl = option("--database-url");
const usePostgres = process.argv.includes("--postgres") || /^postgres(ql)?:/.test(givenDatabaseUrl ?? "");
const MINUTES = Number(option("--minutes") ?? 10);
if (!(MINUTES > 0)) {
  console.error("bench:soak: --minutes must be a positive number");
  process.exit(2);
}
const REVIEWERS = wholeNumber("--reviewers", 30);
const CLAIMS = wholeNumber("--claims", 5_000);
const PORT = wholeNumber("--port", Number(process.env.BENCH_PORT ?? 3298));
const BASE = `http://127.0.0.1:${PORT}`;
const SLUG = "soak";
const PASSWORD = "soak-pass-phrase-2026";
// Set as an operator would, so the metrics middleware runs as in production.
const METRICS_TOKEN = "soak-metrics-token-0123456789";
const WARM_UP_MS = Math.min(60_000, (MINUTES * 60_000) / 5);

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-soak-"));
const postgres = usePostgres && !givenDatabaseUrl ? startThrowawayPostgres(Number(option("--pg-port") ?? 55442)) : null;
const DATABASE_URL = givenDatabaseUrl ?? (postgres ? postgres.url : `file:${path.join(workDir, "soak.db")}`);
const env = { ...process.env, DATABASE_URL, NODE_ENV: "production", LOG_LEVEL: "warn", LOGIN_MAX_FAILURES_PER_IP: "100000" };

function cli(args: string[], input = `${PASSWORD}\n`): string {
  const result = spawnSync(process.execPath, [path.join(root, "bin/claimdesk.mjs"), ...args], {
    env,
    input,
    encoding: "utf8",
    cwd: root,
    maxBuffer: 1 << 30,
  });
  if (result.status !== 0) throw new Error(`claimdesk ${args.join(" ")}: ${result.stderr}`);
  return result.stdout;
}

// --- measurements -------------------------------------------------------------------------

const latencies = new Map<string, number[]>();
const statuses = new Map<string, Map<number, number>>();
const serverErrors: string[] = [];
let networkErrors = 0;

function record(action: string, status: number, ms: number) {
  if (!latencies.has(action)) latencies.set(action, []);
  latencies.get(action)!.push(ms);
  const byStatus = statuses.get(action) ?? new Map<number, number>();
  byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  statuses.set(action, byStatus);
}

async function timed(action: string, url: string, init: RequestInit = {}): Promise<{ status: number; body: string }> {
  const started = performance.now();
  try {
    const response = await fetch(url, { redirect: "manual", ...init });
    const body = await response.text();
    record(action, response.status, performance.now() - started);
    if (response.status >= 500) serverErrors.push(`${action} ${url}: ${response.status} ${body.slice(0, 200)}`);
    return { status: response.status, body };
  } catch (error) {
    networkErrors += 1;
    record(action, 0, performance.now() - started);
    serverErrors.push(`${action} ${url}: ${error instanceof Error ? error.message : String(error)}`);
    return { status: 0, body: "" };
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Resident memory of the server: its primary process and every child (the workers), from /proc. */
function residentMegabytes(pid: number): number {
  const rss = (id: number) => {
    const line = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${id}/status`, "utf8"));
    return line ? Number(line[1]) / 1024 : 0;
  };
  const children = (id: number) =>
    fs
      .readdirSync(`/proc/${id}/task`)
      .flatMap((task) => fs.readFileSync(`/proc/${id}/task/${task}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const id = pending.pop()!;
    try {
      total += rss(id);
      pending.push(...children(id));
    } catch {
      // A worker that exited between the two reads.
    }
  }
  return total;
}

// --- what the reviewers did, to check at the end -----------------------------------------

interface AcknowledgedTag {
  claimId: number;
  status: string;
  rationale: string;
  version: number;
}
const acknowledgedTags: AcknowledgedTag[] = [];
const acknowledgedSources: Array<{ claimId: number; url: string }> = [];
let importedDocumentId: number | null = null;
let staleRefused = 0;

const STATUSES = ["confirmed", "disputed", "unverified"] as const;
const SEARCHES = ["bridge", "budget", "housing", "famil*", '"million euros"', "contract"];
const pick = <T>(items: readonly T[]) => items[Math.floor(Math.random() * items.length)]!;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** A brisk person's pace: one to three seconds between actions. */
const think = () => pause(1000 + Math.random() * 2000);

interface Reviewer {
  index: number;
  username: string;
  role: "editor" | "reviewer";
  cookie: string;
  /** The claims this reviewer works on, with the version it last saw. */
  claims: Map<number, number>;
}

/** Signs in as a person would: a 429 for a burst from one address is waited out (Retry-After) and tried again. */
async function signIn(reviewer: Reviewer) {
  for (let attempt = 1; ; attempt += 1) {
    const started = performance.now();
    const response = await fetch(`${BASE}/login`, {
      method: "POST",
      redirect: "manual",
      headers: { Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ username: reviewer.username, password: PASSWORD }),
    });
    await response.arrayBuffer();
    record("sign in", response.status, performance.now() - started);
    const wait = Number(response.headers.get("retry-after") ?? "0");
    if (response.status === 429 && attempt < 10 && wait > 0 && wait <= 10) {
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      continue;
    }
    const cookie = response.headers.get("set-cookie")?.split(";")[0];
    if (response.status !== 302 || !cookie) throw new Error(`${reviewer.username} could not sign in: ${response.status}`);
    reviewer.cookie = cookie;
    return;
  }
}

/**
 * An open table: the event stream, held until the end (reconnecting if the server ends it).
 * As the table does, a change by anyone reloads the table's data 200 ms after the last event.
 */
async function holdEventStream(reviewer: Reviewer, signal: AbortSignal) {
  const decoder = new TextDecoder();
  let reloadSoon: ReturnType<typeof setTimeout> | undefined;
  // One reload at a time per table, as the router's revalidation: changes that arrive
  // during one are picked up by a single reload after it.
  let reloading = false;
  let again = false;
  const reload = async () => {
    if (signal.aborted) return;
    if (reloading) {
      again = true;
      return;
    }
    reloading = true;
    do {
      again = false;
      await timed("live reload (data)", `${BASE}/projects/${SLUG}/claims.data?status=unverified`, { headers: { Cookie: reviewer.cookie } });
    } while (again && !signal.aborted);
    reloading = false;
  };
  while (!signal.aborted) {
    try {
      const response = await fetch(`${BASE}/projects/${SLUG}/events`, { headers: { Cookie: reviewer.cookie }, signal });
      if (response.status >= 500) serverErrors.push(`event stream: ${response.status}`);
      record("event stream (open)", response.status, 0);
      const reader = response.body!.getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        if (decoder.decode(chunk.value, { stream: true }).includes("event: claims-changed")) {
          clearTimeout(reloadSoon);
          reloadSoon = setTimeout(() => void reload(), 200);
        }
      }
    } catch {
      if (signal.aborted) break;
    }
    await pause(500);
  }
  clearTimeout(reloadSoon);
}

async function tag(reviewer: Reviewer, claimId: number, headers: Record<string, string>) {
  const version = reviewer.claims.get(claimId)!;
  const status = pick(STATUSES);
  const rationale = `soak ${reviewer.username} ${claimId} v${version + 1} ${Math.random().toString(36).slice(2, 8)}`;
  const form = new URLSearchParams({ intent: "tag", claimId: String(claimId), version: String(version), status, rationale });
  const { status: code } = await timed("tag", `${BASE}/projects/${SLUG}/claims/${claimId}.data`, { method: "POST", headers, body: form });
  if (code === 200) {
    acknowledgedTags.push({ claimId, status, rationale, version: version + 1 });
    reviewer.claims.set(claimId, version + 1);
  }
}

async function reviewerDay(reviewer: Reviewer, until: number, signal: AbortSignal) {
  await signIn(reviewer);
  const stream = holdEventStream(reviewer, signal);
  const headers = { Cookie: reviewer.cookie };
  const post = { ...headers, Origin: BASE, "Content-Type": "application/x-www-form-urlencoded" };
  const mine = [...reviewer.claims.keys()];
  let page = 1 + Math.floor(Math.random() * 20);
  while (Date.now() < until) {
    const roll = Math.random();
    const claimId = pick(mine);
    if (roll < 0.2) {
      await timed("table page (HTML)", `${BASE}/projects/${SLUG}/claims?page=${page}`, { headers });
      page = (page % 40) + 1;
    } else if (roll < 0.32) {
      await timed("table page (data)", `${BASE}/projects/${SLUG}/claims.data?page=${page}&status=unverified`, { headers });
    } else if (roll < 0.42) {
      const q = new URLSearchParams({ q: pick(SEARCHES), sort: "checkworthiness", dir: "desc" });
      await timed("table filter + search", `${BASE}/projects/${SLUG}/claims?${q}`, { headers });
    } else if (roll < 0.55) {
      await timed("open claim", `${BASE}/projects/${SLUG}/claims/${claimId}`, { headers });
    } else if (roll < 0.75) {
      await tag(reviewer, claimId, post);
    } else if (roll < 0.79) {
      // A tab left open: the version it saw is old, so the write must be refused, not applied.
      const version = reviewer.claims.get(claimId)!;
      if (version > 1) {
        const form = new URLSearchParams({
          intent: "tag",
          claimId: String(claimId),
          version: String(version - 1),
          status: "disputed",
          rationale: "stale tab",
        });
        const { status } = await timed("tag (stale version)", `${BASE}/projects/${SLUG}/claims/${claimId}.data`, {
          method: "POST",
          headers: post,
          body: form,
        });
        if (status === 409) staleRefused += 1;
      }
    } else if (roll < 0.87) {
      const url = `https://example.org/soak/${reviewer.username}/${claimId}/${Math.random().toString(36).slice(2, 8)}`;
      const form = new URLSearchParams({
        intent: "add-source",
        claimId: String(claimId),
        url,
        stance: pick(["supports", "refutes", "context"]),
        quote: "Table 2",
      });
      const { status } = await timed("link source", `${BASE}/projects/${SLUG}/claims/${claimId}.data`, {
        method: "POST",
        headers: post,
        body: form,
      });
      if (status === 200) {
        acknowledgedSources.push({ claimId, url });
        reviewer.claims.set(claimId, reviewer.claims.get(claimId)! + 1);
      }
    } else if (roll < 0.95) {
      await timed("suggestions", `${BASE}/projects/${SLUG}/claims/${claimId}/suggestions`, { headers });
    } else if (roll < 0.97) {
      await timed("sources view", `${BASE}/projects/${SLUG}/sources`, { headers });
    } else if (reviewer.role === "editor" && Math.random() < 0.2) {
      const form = new URLSearchParams({ format: pick(["csv", "json"]), status: "confirmed" });
      await timed("export", `${BASE}/projects/${SLUG}/export/download`, { method: "POST", headers: post, body: form });
    }
    await think();
  }
  // Wrapped: an async function returning the promise itself would wait for the stream to end.
  return { stream };
}

async function importOnce(editor: Reviewer) {
  const title = `Soak import ${Date.now()}`;
  const text = `${title}\n\nThe harbour authority said on Tuesday that 1,240 ferry crossings were cancelled in November, 18 percent more than a year earlier.\n\nOfficials added that repairs to the north pier would cost 2.3 million euros and take until March.`;
  const body = new FormData();
  body.append("files", new Blob([text], { type: "text/plain" }), "soak-import.txt");
  const { status, body: answer } = await timed("import", `${BASE}/projects/${SLUG}/documents/import`, {
    method: "POST",
    headers: { Cookie: editor.cookie, Origin: BASE },
    body,
  });
  const result = status === 200 ? (JSON.parse(answer) as { results: Array<{ documentId: number | null }> }).results[0] : undefined;
  if (result?.documentId) importedDocumentId = result.documentId;
  else serverErrors.push(`import: ${status} ${answer.slice(0, 200)}`);
}

// --- the run ------------------------------------------------------------------------------

let server: ReturnType<typeof spawn> | undefined;
let failed = false;
try {
  if (!fs.existsSync(path.join(root, "build/server/index.js")))
    spawnSync(path.join(root, "node_modules/.bin/react-router"), ["build"], { stdio: "inherit", cwd: root });
  console.log(`database: ${usePostgres ? "PostgreSQL" : "SQLite"}; ${REVIEWERS} reviewers for ${MINUTES} min over ${CLAIMS} claims`);
  cli(["db", "migrate"]);
  cli(["user", "create", "--username", "soak-lead", "--admin", "--password-stdin"]);
  cli(["project", "create", "--slug", SLUG, "--name", "Soak", "--owner", "soak-lead"]);
  cli(["project", "settings", "--project", SLUG, "--require-source", "off"]);
  cli(["demo", "seed-large", "--project", SLUG, "--claims", String(CLAIMS)]);
  process.env.DATABASE_URL = DATABASE_URL;
  const lead = await getDb().user.findUniqueOrThrow({ where: { username: "soak-lead" }, select: { id: true } });
  const { id: projectId } = await getDb().project.findUniqueOrThrow({ where: { slug: SLUG }, select: { id: true } });
  const setupActor = { id: lead.id, name: "soak-lead", ip: null };
  const reviewers: Reviewer[] = [];
  for (let i = 0; i < REVIEWERS; i += 1) {
    const username = `soak-${String(i + 1).padStart(2, "0")}`;
    const role = i < 3 ? "editor" : "reviewer";
    // In this process: sixty CLI runs take minutes on a loaded machine.
    await createUser({ username, displayName: `Soak reviewer ${i + 1}`, password: PASSWORD }, setupActor);
    await setMemberRole({ projectId, username, role, actor: setupActor });
    reviewers.push({ index: i, username, role, cookie: "", claims: new Map() });
  }
  // Each reviewer owns a slice of the claims, so it knows the version of each claim it tags.
  const claims = await getDb().claim.findMany({
    where: { projectId },
    select: { id: true, version: true },
    orderBy: { id: "asc" },
    take: REVIEWERS * 40,
  });
  claims.forEach((claim, i) => reviewers[i % REVIEWERS]!.claims.set(claim.id, claim.version));
  await disconnectDb();

  server = await startProductionServer({ root, env: { ...env, METRICS_TOKEN }, port: PORT, readyPath: "/readyz" });

  const started = Date.now();
  const until = started + MINUTES * 60_000;
  const streams = new AbortController();
  const memory: Array<{ atSeconds: number; megabytes: number }> = [];
  const serverPid = server.pid!;
  const sample = () => memory.push({ atSeconds: Math.round((Date.now() - started) / 1000), megabytes: residentMegabytes(serverPid) });
  sample();
  const sampler = setInterval(sample, Math.min(15_000, WARM_UP_MS / 2));
  const days = reviewers.map((reviewer, i) => pause(i * 150).then(() => reviewerDay(reviewer, until, streams.signal)));
  // One import, halfway through the day.
  const importing = pause((MINUTES * 60_000) / 2).then(() => importOnce(reviewers[0]!));
  const holds = (await Promise.all(days)).map((day) => day.stream);
  await importing;
  clearInterval(sampler);
  sample();
  streams.abort();
  await Promise.allSettled(holds);

  // --- checks against the database and its audit trail ---
  const db = createDb(parseDatabaseUrl(DATABASE_URL));
  let lost = 0;
  const lostExamples: string[] = [];
  try {
    const project = await db.project.findUniqueOrThrow({ where: { slug: SLUG } });
    const events = await db.auditEvent.findMany({
      where: { projectId: project.id, action: "claim.status_changed" },
      select: { targetId: true, details: true },
    });
    const logged = new Set(
      events.map((event) => {
        const details = JSON.parse(event.details) as { rationale?: string; version?: number };
        return `${event.targetId}|${details.version}|${details.rationale}`;
      }),
    );
    const lastTag = new Map<number, AcknowledgedTag>();
    for (const tagged of acknowledgedTags) {
      if (!logged.has(`${tagged.claimId}|${tagged.version}|${tagged.rationale}`)) {
        lost += 1;
        lostExamples.push(`tag of claim ${tagged.claimId} to v${tagged.version}: no audit event`);
      }
      if ((lastTag.get(tagged.claimId)?.version ?? 0) < tagged.version) lastTag.set(tagged.claimId, tagged);
    }
    const stored = await db.claim.findMany({
      where: { id: { in: [...lastTag.keys()] } },
      select: { id: true, status: true, rationale: true },
    });
    for (const claim of stored) {
      const expected = lastTag.get(claim.id)!;
      if (claim.status !== expected.status || claim.rationale !== expected.rationale) {
        lost += 1;
        lostExamples.push(
          `claim ${claim.id}: stored ${claim.status} "${claim.rationale}", last acknowledged ${expected.status} "${expected.rationale}"`,
        );
      }
    }
    const links = await db.claimSource.findMany({
      where: { claim: { projectId: project.id }, removedAt: null },
      select: { id: true, claimId: true, source: { select: { url: true } } },
    });
    const linked = new Map(links.map((link) => [`${link.claimId}|${link.source.url}`, link.id]));
    const sourceEvents = await db.auditEvent.findMany({
      where: { projectId: project.id, action: "claim.source_added" },
      select: { targetId: true, details: true },
    });
    const loggedLinks = new Set(
      sourceEvents.map((event) => `${event.targetId}|${(JSON.parse(event.details) as { linkId?: number }).linkId}`),
    );
    for (const source of acknowledgedSources) {
      const linkId = linked.get(`${source.claimId}|${source.url}`);
      if (linkId === undefined || !loggedLinks.has(`${source.claimId}|${linkId}`)) {
        lost += 1;
        lostExamples.push(`source ${source.url} on claim ${source.claimId}: ${linkId === undefined ? "not linked" : "no audit event"}`);
      }
    }
    if (importedDocumentId !== null) {
      const document = await db.document.findFirst({ where: { projectId: project.id, id: importedDocumentId }, select: { id: true } });
      const logged = await db.auditEvent.count({
        where: { projectId: project.id, action: "document.imported", targetId: String(importedDocumentId) },
      });
      if (!document || logged === 0) {
        lost += 1;
        lostExamples.push(`imported article ${importedDocumentId}: ${document ? "no audit event" : "not stored"}`);
      }
    }
  } finally {
    await db.$disconnect();
  }
  const verify = spawnSync(process.execPath, [path.join(root, "bin/claimdesk.mjs"), "audit", "verify", "--project", SLUG], {
    env,
    cwd: root,
    encoding: "utf8",
  });

  // --- report ---
  const afterWarmUp = memory.find((entry) => entry.atSeconds * 1000 >= WARM_UP_MS) ?? memory[0];
  const last = memory.at(-1)!;
  const growth = afterWarmUp ? last.megabytes - afterWarmUp.megabytes : NaN;
  console.log(`\n${REVIEWERS} reviewers, ${MINUTES} min, ${usePostgres ? "PostgreSQL" : "SQLite"}, ${os.cpus().length} cores`);
  console.log(
    `${"action".padEnd(26)} ${"count".padStart(6)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)}  statuses`,
  );
  const rows: Record<string, unknown> = {};
  for (const [action, values] of latencies) {
    const sorted = [...values].sort((a, b) => a - b);
    const byStatus = Object.fromEntries(statuses.get(action) ?? []);
    rows[action] = {
      count: sorted.length,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      statuses: byStatus,
    };
    if (action === "event stream (open)") {
      console.log(`${action.padEnd(26)} ${String(sorted.length).padStart(6)} ${"".padStart(26)}  ${JSON.stringify(byStatus)}`);
      continue;
    }
    console.log(
      `${action.padEnd(26)} ${String(sorted.length).padStart(6)} ${percentile(sorted, 50).toFixed(1).padStart(8)} ${percentile(sorted, 95).toFixed(1).padStart(8)} ${percentile(sorted, 99).toFixed(1).padStart(8)}  ${JSON.stringify(byStatus)}`,
    );
  }
  console.log(`5xx or failed requests: ${serverErrors.length} (network errors ${networkErrors})`);
  for (const line of serverErrors.slice(0, 10)) console.log(`  ${line}`);
  console.log(
    `acknowledged writes: ${acknowledgedTags.length} tags, ${acknowledgedSources.length} sources, ${importedDocumentId === null ? 0 : 1} import; lost: ${lost}; stale writes refused: ${staleRefused}`,
  );
  for (const line of lostExamples.slice(0, 10)) console.log(`  ${line}`);
  console.log(`audit verify: ${verify.status === 0 ? verify.stdout.trim() : `FAILED ${verify.stderr.trim()}`}`);
  console.log(
    `resident memory (all server processes): ${afterWarmUp?.megabytes.toFixed(1)} MB after warm-up (${afterWarmUp?.atSeconds} s), ${last.megabytes.toFixed(1)} MB at the end: ${growth >= 0 ? "+" : ""}${growth.toFixed(1)} MB`,
  );
  console.log(
    `RESULT ${JSON.stringify({ database: usePostgres ? "postgresql" : "sqlite", reviewers: REVIEWERS, minutes: MINUTES, claims: CLAIMS, serverErrors: serverErrors.length, lost, staleRefused, memory, actions: rows })}`,
  );
  failed = serverErrors.length > 0 || lost > 0 || verify.status !== 0 || !(growth < 50);
} catch (error) {
  console.error(error);
  failed = true;
} finally {
  server?.kill("SIGTERM");
  await pause(1500);
  postgres?.stop();
}
process.exit(failed ? 1 : 0);
