import { setImmediate as nextTurn } from "node:timers/promises";
import { getDb } from "../db.server";
import { IDS_PER_QUERY, chunks } from "../lib/chunks";
import { PassageReader } from "../lib/matching/passage-reader";
import { buildSentenceIndex } from "../lib/matching/sentence-index";
import { TimeBudget } from "../lib/matching/time-budget";
import { getLogger } from "../observability/logger.server";

export type SentenceIndex = ReturnType<typeof buildSentenceIndex>;

export interface ProjectMatching {
  index: SentenceIndex;
  /** Articles still being read into sentences: the index leaves them out until they are. */
  unread: number;
}

interface Kept {
  documentIds: Set<number>;
  index: SentenceIndex;
  reader: PassageReader;
}

const kept = new Map<number, Kept>();
/** Projects whose index this process keeps; the least recently used one is dropped beyond it. */
const KEPT_PROJECTS = 20;

/**
 * The sentence index of a project's current articles (suggestions and fact grouping), kept per
 * process. Articles new since the last call are read into sentences within the request's budget
 * (a long one over several requests) and added without rebuilding; when an article leaves the
 * set (a new version, a deletion) the index is built again. One query of the current article ids
 * tells which case it is.
 */
export async function projectIndex(projectId: number, budget: TimeBudget): Promise<ProjectMatching> {
  const db = getDb();
  const current = await db.$queryRaw<Array<{ id: number }>>`
    SELECT "id" FROM "Document" WHERE "projectId" = ${projectId} AND "supersededAt" IS NULL ORDER BY "id"`;
  const ids = current.map((row) => Number(row.id));
  const currentIds = new Set(ids);
  let entry = kept.get(projectId);
  if (!entry || [...entry.documentIds].some((id) => !currentIds.has(id)))
    entry = { documentIds: new Set(), index: buildSentenceIndex([]), reader: entry?.reader ?? new PassageReader() };
  kept.delete(projectId);
  kept.set(projectId, entry);
  if (kept.size > KEPT_PROJECTS) kept.delete(kept.keys().next().value!);
  const missing = ids.filter((id) => !entry.documentIds.has(id));
  if (missing.length === 0) return { index: entry.index, unread: 0 };
  // A run of articles at a time, until the budget is spent: one query naming every missing article
  // failed past 999 of them on SQLite (P2029: a 1,000-article project was never indexed) and read
  // every text into memory however few the budget allowed to be read.
  let unread = 0;
  const runs = chunks(missing, IDS_PER_QUERY);
  for (const [i, run] of runs.entries()) {
    if (budget.exhausted) {
      unread += runs.slice(i).reduce((sum, rest) => sum + rest.length, 0);
      break;
    }
    const documents = await db.document.findMany({
      where: { projectId, id: { in: run } },
      select: { id: true, title: true, text: true },
      orderBy: { id: "asc" },
    });
    const read = await entry.reader.read(documents, budget);
    // Paced, never cut short: what was read is added even when the reading used up the budget.
    await entry.index.addYielding(read.ready, new TimeBudget(Number.POSITIVE_INFINITY));
    for (const document of read.ready) entry.documentIds.add(document.id);
    unread += read.unread;
  }
  return { index: entry.index, unread };
}

/** Forgets every kept index, as a newly started process has none (tests of a server's first visit). */
export function forgetProjectIndexes(): void {
  kept.clear();
}

// Warming: a server process reads its projects' articles into the index, and the details of
// every sentence, before anyone asks, so a first visit (the Discrepancies view, suggestions)
// spends its budget comparing rather than reading. It runs a short slice at a time with a turn
// of the event loop between slices, so requests are answered meanwhile (off the request path).

/** How long one slice of warming works before requests get a turn. */
const WARM_SLICE_MS = 40;

const warming = new Map<number, Promise<void>>();
const warmer = { enabled: false, stopped: false };

/**
 * Reads the project's articles and their sentences' details into this process's index, slice
 * by slice, until all are read; resolves when they are. One warming per project at a time.
 */
export function warmProjectIndex(projectId: number): Promise<void> {
  const running = warming.get(projectId);
  if (running) return running;
  const work = (async () => {
    while (!warmer.stopped) {
      const { index, unread } = await projectIndex(projectId, new TimeBudget(WARM_SLICE_MS));
      if (unread === 0 && index.readDetails(new TimeBudget(WARM_SLICE_MS))) return;
      await nextTurn();
    }
  })().finally(() => warming.delete(projectId));
  warming.set(projectId, work);
  return work;
}

/** The projects a server warms at start: those not archived, the latest imported into first, as many as it keeps. */
async function projectsToWarm(): Promise<number[]> {
  const rows = await getDb().$queryRaw<Array<{ id: number }>>`
    SELECT p."id" FROM "Project" p
    WHERE p."archivedAt" IS NULL AND EXISTS (SELECT 1 FROM "Document" d WHERE d."projectId" = p."id" AND d."supersededAt" IS NULL)
    ORDER BY (SELECT MAX(d."importedAt") FROM "Document" d WHERE d."projectId" = p."id") DESC, p."id" DESC
    LIMIT ${KEPT_PROJECTS}`;
  return rows.map((row) => Number(row.id));
}

/** Warms the indexes of the projects a server is likely to be asked about, one after another; resolves when done. */
export async function warmProjectIndexes(): Promise<void> {
  for (const projectId of await projectsToWarm()) {
    if (warmer.stopped) return;
    await warmProjectIndex(projectId);
  }
}

/** Called once a server process serves: from then on imports and cold visits warm in the background. */
export function startIndexWarming(): Promise<void> {
  warmer.enabled = true;
  warmer.stopped = false;
  return warmProjectIndexes().catch((error: unknown) => getLogger().warn({ err: error }, "claimdesk: warming the matching index failed"));
}

/** Stops warming (graceful shutdown): a slice in progress ends, no other starts. */
export function stopIndexWarming(): void {
  warmer.stopped = true;
}

/**
 * Warms the project's index in the background, in a server process (the CLI and tests do not
 * warm unless they start it): after an import, or when a visit found articles not yet read.
 */
export function scheduleIndexWarming(projectId: number): void {
  if (!warmer.enabled || warmer.stopped) return;
  void warmProjectIndex(projectId).catch((error: unknown) =>
    getLogger().warn({ err: error, projectId }, "claimdesk: warming the matching index failed"),
  );
}
