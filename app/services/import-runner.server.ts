import os from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { randomBytes } from "node:crypto";
import { getConfig } from "../config.server";
import { isUniqueViolation } from "../db.server";
import { type ImportOutcome, importArticle } from "../models/document.server";
import { groupNewClaims } from "../models/fact-grouping.server";
import { scheduleIndexWarming } from "../models/project-index.server";
import { publishProjectEvent } from "../models/events.server";
import type { FileImportResult } from "../models/import.server";
import {
  type LeasedImportJob,
  leaseNextImportJob,
  releaseImportLease,
  renewImportLease,
} from "../models/import-jobs/lease-import-job.server";
import {
  finishImportJob,
  nextImportPosition,
  recordImportJobError,
  recordImportJobItem,
  setImportJobTotal,
} from "../models/import-jobs/import-job-progress.server";
import { ImportThread } from "./import-worker/client.server";
import type { WorkerReply } from "./import-worker/protocol";

// Runs import jobs in this server process, one at a time (docs/decisions/015-import-jobs.md):
// the worker thread parses and extracts, this thread stores each article in its own
// transaction. Every process runs a runner; the lease decides which one runs a job, and a
// job whose process stopped is taken over once its lease runs out.

const POLL_MS = 5_000;
/** New articles' claims are grouped into facts this many articles at a time (and at the end of the job). */
const GROUP_EVERY = 100;
/** How long a lease lasts without renewal; renewed every third of it while the job runs. */
export const IMPORT_LEASE_MS = 30_000;
/** What the Documents view says of an article the database refused twice; the server log has the database's reason. */
export const STORE_FAILED = "could not be stored (the database refused it twice; the server log says why): import this article again";
/** Pause before an article's second attempt to store. */
const STORE_RETRY_MS = 1_000;

interface Runner {
  owner: string;
  thread: ImportThread;
  /** The run in progress: a second call waits for it (and makes it look again). */
  running: Promise<void> | null;
  again: boolean;
  stopping: boolean;
  current: number | null;
  poll: NodeJS.Timeout | null;
}

// Kept on globalThis: the development server reloads modules, and one runner is enough.
const KEY = Symbol.for("claimdesk.importRunner");
const registry = globalThis as unknown as Record<symbol, Runner | undefined>;

function runner(): Runner {
  registry[KEY] ??= {
    owner: `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`,
    thread: new ImportThread(),
    running: null,
    again: false,
    stopping: false,
    current: null,
    poll: null,
  };
  return registry[KEY];
}

/** Starts polling for jobs (queued by any process, or left by a stopped one). Once per process. */
export function startImportRunner(): void {
  const state = runner();
  if (state.poll) return;
  state.stopping = false;
  state.poll = setInterval(() => void runJobs(), POLL_MS);
  state.poll.unref();
  void runJobs();
}

/**
 * Runs queued jobs now (after an upload in this process): no wait for the next poll. An upload
 * still in flight while the process drains for shutdown gets its import run too.
 */
export function kickImportRunner(): void {
  runner().stopping = false;
  void runJobs();
}

/** On shutdown: no new job or article; the lease of the running job ends so another process resumes it. */
export async function stopImportRunner(): Promise<void> {
  const state = registry[KEY];
  if (!state) return;
  state.stopping = true;
  if (state.poll) clearInterval(state.poll);
  state.poll = null;
  if (state.current !== null) await releaseImportLease({ jobId: state.current, owner: state.owner });
  // The thread stays: an upload still in flight during the drain is imported with it, and the process's exit ends it.
}

/** Runs jobs until none is left (waiting for a run in progress); for tests, which have no poll. */
export async function runImportJobsNow(): Promise<void> {
  await runJobs();
}

function runJobs(): Promise<void> {
  const state = runner();
  if (state.running) {
    state.again = true;
    return state.running;
  }
  state.running = runQueue(state).finally(() => (state.running = null));
  return state.running;
}

async function runQueue(state: Runner): Promise<void> {
  try {
    do {
      state.again = false;
      for (;;) {
        if (state.stopping) return;
        const job = await leaseNextImportJob({ owner: state.owner, leaseMs: IMPORT_LEASE_MS });
        if (!job) break;
        await runJob(state, job);
      }
    } while (state.again);
  } catch (error) {
    console.error(`claimdesk: import jobs: ${firstLine(error)}`);
  }
}

/**
 * One line that says what went wrong. Prisma's messages open with "Invalid `prisma.x()` invocation:"
 * and a code excerpt, and end with the database's reason: that last line is the one to keep.
 */
function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  if (lines.length === 0) return error instanceof Error ? error.name : "unknown error";
  const reason = /^Invalid `.*` invocation/.test(lines[0]!.trim()) ? lines.at(-1)! : lines[0]!;
  return reason.trim();
}

/**
 * Stores one article of a job, trying once more after a pause when the first attempt fails: under
 * load a store can outlast its transaction or meet a busy database, and one such moment must not
 * end a 2,000-post job. Another process that stored the article first (its lease ran out under
 * it) is not an error: nothing is stored twice.
 */
async function storeOnce(
  store: () => Promise<ImportOutcome>,
  options: { retryAfterMs: number },
): Promise<ImportOutcome | "stored-elsewhere" | "failed"> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await store();
    } catch (error) {
      if (isUniqueViolation(error)) return "stored-elsewhere";
      console.error(`claimdesk: import: storing an article failed (attempt ${attempt}): ${firstLine(error)}`);
      if (attempt >= 2) return "failed";
      await sleep(options.retryAfterMs);
    }
  }
}

function errorRow(job: LeasedImportJob, error: string): FileImportResult {
  return { file: job.fileName, status: "error", error, documentId: null, title: null, claims: 0 };
}

async function ask(state: Runner, message: Parameters<ImportThread["request"]>[0]): Promise<WorkerReply> {
  const reply = await state.thread.request(message);
  if (reply.type === "failed") throw new Error(reply.message);
  return reply;
}

/** The claims of the articles stored so far join facts; as after a single import, the import stands if this fails. */
async function groupStored(projectId: number, documentIds: number[]): Promise<void> {
  if (documentIds.length === 0) return;
  try {
    await groupNewClaims(projectId, { documentIds: documentIds.splice(0) });
  } catch (error) {
    console.error(`facts: grouping the claims of an import job failed:`, error);
  }
  scheduleIndexWarming(projectId);
}

async function runJob(state: Runner, job: LeasedImportJob): Promise<void> {
  state.current = job.id;
  let leased = true;
  const renewal = setInterval(() => {
    renewImportLease({ jobId: job.id, owner: state.owner, leaseMs: IMPORT_LEASE_MS }).then(
      (kept) => void (leased &&= kept),
      () => undefined,
    );
  }, IMPORT_LEASE_MS / 3);
  renewal.unref();
  const stored: number[] = [];
  let imported = 0;
  try {
    const opened = await ask(state, {
      type: "open",
      source: job.source,
      fileName: job.fileName,
      bytes: job.payload,
      pastedTitle: job.pastedTitle,
      maxBytes: getConfig().IMPORT_MAX_BYTES,
      maxArticleBytes: getConfig().IMPORT_MAX_ARTICLE_BYTES,
      threshold: job.threshold,
    });
    if (opened.type !== "opened") throw new Error("the import thread answered out of turn");
    await setImportJobTotal({ jobId: job.id, totalItems: opened.count });
    const fileName = job.source === "pasted" ? null : job.fileName;
    const read = (position: number) => {
      if (position >= opened.count || opened.fileError !== null) return null;
      const reply = ask(state, { type: "read", position });
      // Left unread when the job stops early: its failure must not become an unhandled rejection.
      reply.catch(() => undefined);
      return reply;
    };
    let position = await nextImportPosition(job.id);
    // The thread reads the next article while this one is stored: at most two are in memory.
    let next = read(position);
    for (; position < opened.count; position += 1) {
      // Stopping, or another process took the job over: the rest is theirs (or the next start's).
      if (state.stopping || !leased) return;
      if (opened.fileError !== null) {
        await recordImportJobError({ jobId: job.id, position, result: errorRow(job, opened.fileError) });
        continue;
      }
      const reply = await next!;
      next = read(position + 1);
      if (reply.type !== "item" || reply.position !== position) throw new Error("the import thread answered out of turn");
      if (!reply.item.ok) {
        await recordImportJobError({ jobId: job.id, position, result: errorRow(job, reply.item.error) });
        continue;
      }
      const at = position;
      const { article } = reply.item;
      const store = () =>
        importArticle(
          job.projectId,
          article,
          {
            fileName,
            threshold: job.threshold,
            candidates: reply.candidates,
            groupFacts: false,
            onStored: (tx, result) => recordImportJobItem(tx, { jobId: job.id, position: at, result: { file: job.fileName, ...result } }),
          },
          job.actor,
        );
      const outcome = await storeOnce(store, { retryAfterMs: STORE_RETRY_MS });
      if (outcome === "stored-elsewhere") continue;
      if (outcome === "failed") {
        // This article only: the rest of the file still imports (recording it fails too if the database is gone).
        await recordImportJobError({ jobId: job.id, position, result: errorRow(job, STORE_FAILED) });
        continue;
      }
      if (outcome.status === "imported") {
        imported += 1;
        stored.push(outcome.documentId);
      }
      if (stored.length >= GROUP_EVERY) await groupStored(job.projectId, stored);
    }
    await groupStored(job.projectId, stored);
    await finishImportJob({ jobId: job.id, owner: state.owner });
  } catch (error) {
    const message = firstLine(error);
    console.error(`claimdesk: import job ${job.id} failed: ${message}`);
    await finishImportJob({ jobId: job.id, owner: state.owner, error: message });
  } finally {
    clearInterval(renewal);
    state.current = null;
    if (imported > 0)
      await publishProjectEvent({
        type: "claims-changed",
        projectId: job.projectId,
        claimIds: [],
        actorId: job.actor.id,
        summary: `${job.actor.name} imported ${job.source === "pasted" ? "pasted text" : job.fileName}`,
      });
  }
}
