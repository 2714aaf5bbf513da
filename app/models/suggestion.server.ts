import { getDb } from "../db.server";
import { buildSentenceIndex } from "../lib/matching/sentence-index";
import type { Suggestion } from "../lib/review-types";
import { writeProject } from "./unit-of-work.server";
import type { Actor } from "./user.server";

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

/** For each claim, the passages already linked to it or rejected for it ("documentId:start"). */
async function passagesToSkip(claimIds: number[]): Promise<Map<number, Set<string>>> {
  const db = getDb();
  const [rejected, linked] = await Promise.all([
    db.rejectedSuggestion.findMany({ where: { claimId: { in: claimIds } }, select: { claimId: true, documentId: true, start: true } }),
    db.claimSource.findMany({
      where: { claimId: { in: claimIds }, removedAt: null, passageStart: { not: null } },
      select: { claimId: true, passageStart: true, source: { select: { documentId: true } } },
    }),
  ]);
  const skip = new Map<number, Set<string>>(claimIds.map((id) => [id, new Set<string>()]));
  for (const r of rejected) skip.get(r.claimId)?.add(`${r.documentId}:${r.start}`);
  for (const l of linked) skip.get(l.claimId)?.add(`${l.source.documentId}:${l.passageStart}`);
  return skip;
}

function rankPassages(index: SentenceIndex, claim: { text: string; documentId: number }, skip: Set<string>, limit: number): Suggestion[] {
  const found = index.search(
    claim.text,
    (p) => p.documentId === claim.documentId || skip.has(`${p.documentId}:${p.start}`),
    limit,
    claim.documentId,
  );
  return found.map(({ documentId, documentTitle, start, end, text, score, relation, differences }) => ({
    documentId,
    documentTitle,
    start,
    end,
    text,
    score,
    relation,
    differences,
  }));
}

/**
 * Passages of the project's other articles that state the claim's fact, found by
 * BM25 and ranked by shared rare words and details (lib/matching/sentence-index), each
 * marked corroborates, contradicts or related with the details that differ. Passages already linked or rejected for this claim are not offered.
 */
export async function suggestPassages(options: { projectId: number; claimId: number; limit?: number }): Promise<Suggestion[] | null> {
  const { projectId, claimId, limit = 5 } = options;
  const claim = await getDb().claim.findFirst({ where: { id: claimId, projectId }, select: { id: true, text: true, documentId: true } });
  if (!claim) return null;
  const [skip, index] = await Promise.all([passagesToSkip([claimId]), projectIndex(projectId)]);
  return rankPassages(index, claim, skip.get(claimId)!, limit);
}

export interface RejectSuggestionOptions {
  projectId: number;
  claimId: number;
  passage: { documentId: number; start: number; end: number };
  actor: Actor;
}

export async function rejectSuggestion(options: RejectSuggestionOptions) {
  const { projectId, claimId, passage, actor } = options;
  return writeProject({ projectId, actor }, async ({ tx, audit }) => {
    const claim = await tx.claim.findFirst({ where: { id: claimId, projectId }, select: { id: true } });
    const document = await tx.document.findFirst({ where: { id: passage.documentId, projectId }, select: { id: true } });
    if (!claim || !document) return null;
    await tx.rejectedSuggestion.upsert({
      where: { claimId_documentId_start: { claimId, documentId: passage.documentId, start: passage.start } },
      create: { claimId, documentId: passage.documentId, start: passage.start, end: passage.end, rejectedById: actor.id },
      update: {},
    });
    await audit({ action: "claim.suggestion_rejected", targetType: "claim", targetId: claimId, details: passage });
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
  // One index and two queries for all the claims, not a round of lookups per claim.
  const [skip, index] = await Promise.all([passagesToSkip(claims.map((c) => c.id)), projectIndex(projectId)]);
  const seen = new Set<string>();
  const found: Discrepancy[] = [];
  for (const claim of claims) {
    for (const passage of rankPassages(index, claim, skip.get(claim.id)!, 3)) {
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
