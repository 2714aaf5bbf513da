import { getDb } from "../db.server";
import { PassageReader } from "../lib/matching/passage-reader";
import { buildSentenceIndex } from "../lib/matching/sentence-index";
import type { TimeBudget } from "../lib/matching/time-budget";

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
  const documents = await db.document.findMany({
    where: { projectId, id: { in: missing } },
    select: { id: true, title: true, text: true },
    orderBy: { id: "asc" },
  });
  const { ready, unread } = await entry.reader.read(documents, budget);
  entry.index.add(ready);
  for (const document of ready) entry.documentIds.add(document.id);
  return { index: entry.index, unread };
}
