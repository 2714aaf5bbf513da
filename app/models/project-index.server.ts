import { getDb } from "../db.server";
import { buildSentenceIndex } from "../lib/matching/sentence-index";

export type SentenceIndex = ReturnType<typeof buildSentenceIndex>;

const indexes = new Map<number, { documentIds: Set<number>; index: SentenceIndex }>();
/** Projects whose index this process keeps; the least recently used one is dropped beyond it. */
const KEPT_PROJECTS = 20;

/**
 * The sentence index of a project's current articles, kept per process. New articles are
 * added to it (an import); when an article leaves the set (a new version, a deletion) it is
 * built again. A cheap query of the current article ids detects both.
 */
export async function projectIndex(projectId: number): Promise<SentenceIndex> {
  const db = getDb();
  const current = await db.$queryRaw<Array<{ id: number }>>`
    SELECT "id" FROM "Document" WHERE "projectId" = ${projectId} AND "supersededAt" IS NULL ORDER BY "id"`;
  const ids = current.map((row) => Number(row.id));
  const cached = indexes.get(projectId);
  const currentIds = new Set(ids);
  if (cached && [...cached.documentIds].every((id) => currentIds.has(id))) {
    const missing = ids.filter((id) => !cached.documentIds.has(id));
    if (missing.length > 0) {
      const documents = await db.document.findMany({
        where: { projectId, id: { in: missing } },
        select: { id: true, title: true, text: true },
        orderBy: { id: "asc" },
      });
      cached.index.add(documents);
      for (const document of documents) cached.documentIds.add(document.id);
    }
    indexes.delete(projectId);
    indexes.set(projectId, cached);
    return cached.index;
  }
  const documents = await db.document.findMany({
    where: { projectId, supersededAt: null },
    select: { id: true, title: true, text: true },
    orderBy: { id: "asc" },
  });
  const index = buildSentenceIndex(documents);
  indexes.delete(projectId);
  indexes.set(projectId, { documentIds: new Set(documents.map((d) => d.id)), index });
  if (indexes.size > KEPT_PROJECTS) indexes.delete(indexes.keys().next().value!);
  return index;
}
