import { getDb } from "../db.server";
import type { Difference, Relation } from "../lib/matching/details";
import { buildSentenceIndex } from "../lib/matching/sentence-index";
import { appendAuditEvents } from "./audit.server";
import type { Actor } from "./user.server";

export interface Suggestion {
  documentId: number;
  documentTitle: string;
  start: number;
  end: number;
  text: string;
  score: number;
  relation: Relation;
  differences: Difference[];
}

type SentenceIndex = ReturnType<typeof buildSentenceIndex>;
const indexes = new Map<number, { key: string; index: SentenceIndex }>();

/**
 * The sentence index of a project's current articles, rebuilt only when the set of
 * articles changes (a new import or version), which a cheap aggregate query detects.
 */
async function projectIndex(projectId: number): Promise<SentenceIndex> {
  const db = getDb();
  const stats = await db.document.aggregate({ where: { projectId, supersededAt: null }, _count: { _all: true }, _max: { id: true } });
  const key = `${stats._count._all}:${stats._max.id ?? 0}`;
  const cached = indexes.get(projectId);
  if (cached && cached.key === key) return cached.index;
  const documents = await db.document.findMany({ where: { projectId, supersededAt: null }, select: { id: true, title: true, text: true } });
  const index = buildSentenceIndex(documents);
  indexes.set(projectId, { key, index });
  return index;
}

/**
 * Passages of the project's other articles that state the claim's fact, ranked by
 * BM25, each marked corroborates, contradicts or related with the details that
 * differ. Passages already linked or rejected for this claim are not offered.
 */
export async function suggestPassages(projectId: number, claimId: number, limit = 5): Promise<Suggestion[] | null> {
  const db = getDb();
  const claim = await db.claim.findFirst({ where: { id: claimId, projectId }, select: { id: true, text: true, documentId: true } });
  if (!claim) return null;
  const [rejected, linked, index] = await Promise.all([
    db.rejectedSuggestion.findMany({ where: { claimId }, select: { documentId: true, start: true } }),
    db.claimSource.findMany({ where: { claimId, removedAt: null, passageStart: { not: null } }, select: { passageStart: true, source: { select: { documentId: true } } } }),
    projectIndex(projectId),
  ]);
  const skip = new Set([...rejected.map((r) => `${r.documentId}:${r.start}`), ...linked.map((l) => `${l.source.documentId}:${l.passageStart}`)]);
  const found = index.search(claim.text, (p) => p.documentId === claim.documentId || skip.has(`${p.documentId}:${p.start}`), limit);
  return found.map(({ documentId, documentTitle, start, end, text, score, relation, differences }) => ({ documentId, documentTitle, start, end, text, score, relation, differences }));
}

export async function rejectSuggestion(projectId: number, claimId: number, passage: { documentId: number; start: number; end: number }, actor: Actor) {
  return getDb().$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({ where: { id: claimId, projectId }, select: { id: true } });
    const document = await tx.document.findFirst({ where: { id: passage.documentId, projectId }, select: { id: true } });
    if (!claim || !document) return null;
    await tx.rejectedSuggestion.upsert({
      where: { claimId_documentId_start: { claimId, documentId: passage.documentId, start: passage.start } },
      create: { claimId, documentId: passage.documentId, start: passage.start, end: passage.end, rejectedById: actor.id },
      update: {},
    });
    await appendAuditEvents(tx, projectId, [
      { actorId: actor.id, actorName: actor.name, ip: actor.ip, action: "claim.suggestion_rejected", targetType: "claim", targetId: claimId, details: passage },
    ]);
    return true;
  });
}

export interface Discrepancy {
  claim: { id: number; text: string; documentId: number; documentTitle: string };
  passage: Suggestion;
}

/**
 * Facts on which articles disagree: for the most check-worthy claims, the passages
 * elsewhere that contradict them, with the differing details.
 */
export async function findDiscrepancies(projectId: number, maxClaims = 200): Promise<Discrepancy[]> {
  const claims = await getDb().claim.findMany({
    where: { projectId, dismissed: false, anchorState: "anchored" },
    orderBy: [{ checkworthiness: "desc" }, { id: "asc" }],
    take: maxClaims,
    select: { id: true, text: true, documentId: true, document: { select: { title: true } } },
  });
  const seen = new Set<string>();
  const found: Discrepancy[] = [];
  for (const claim of claims) {
    const suggestions = (await suggestPassages(projectId, claim.id, 3)) ?? [];
    for (const passage of suggestions) {
      if (passage.relation !== "contradicts") continue;
      // The same pair of sentences seen from the other side is one discrepancy.
      const pair = [`${claim.documentId}:${claim.text}`, `${passage.documentId}:${passage.text}`].sort().join("|");
      if (seen.has(pair)) continue;
      seen.add(pair);
      found.push({ claim: { id: claim.id, text: claim.text, documentId: claim.documentId, documentTitle: claim.document.title }, passage });
    }
  }
  return found;
}
