import { getDb } from "../db.server";
import { MATCHING_BUDGET_MS, TimeBudget } from "../lib/matching/time-budget";
import type { Suggestion } from "../lib/review-types";
import { type SentenceIndex, projectIndex } from "./project-index.server";
import { writeProject } from "./unit-of-work.server";
import type { Actor } from "./user.server";

/** What a matching request answers with when its budget ran out, for the reviewer to see. */
export interface MatchingNote {
  note: string | null;
}

function unreadNote(unread: number): string | null {
  if (unread === 0) return null;
  return `${unread === 1 ? "1 article is" : `${unread} articles are`} still being read for matching (long articles take a while): passages from ${unread === 1 ? "it" : "them"} are not listed yet. Try again in a moment.`;
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

async function rankPassages(
  index: SentenceIndex,
  claim: { text: string; documentId: number },
  options: { skip: Set<string>; limit: number; budget: TimeBudget },
): Promise<{ suggestions: Suggestion[]; complete: boolean }> {
  const { passages, complete } = await index.searchWithin(
    claim.text,
    (p) => p.documentId === claim.documentId || options.skip.has(`${p.documentId}:${p.start}`),
    { limit: options.limit, fromDocumentId: claim.documentId, budget: options.budget },
  );
  const suggestions = passages.map(({ documentId, documentTitle, start, end, text, score, relation, differences }) => ({
    documentId,
    documentTitle,
    start,
    end,
    text,
    score,
    relation,
    differences,
  }));
  return { suggestions, complete };
}

export interface SuggestPassagesOptions {
  projectId: number;
  claimId: number;
  limit?: number;
  /** How long the request may spend reading and ranking (default MATCHING_BUDGET_MS). */
  budgetMs?: number;
}

/**
 * Passages of the project's other articles that state the claim's fact, found by
 * BM25 and ranked by shared rare words and details (lib/matching/sentence-index), each
 * marked corroborates, contradicts or related with the details that differ. Passages already linked or rejected for this claim are not offered.
 */
export async function suggestPassages(options: SuggestPassagesOptions): Promise<({ suggestions: Suggestion[] } & MatchingNote) | null> {
  const { projectId, claimId } = options;
  const budget = new TimeBudget(options.budgetMs ?? MATCHING_BUDGET_MS);
  const claim = await getDb().claim.findFirst({ where: { id: claimId, projectId }, select: { id: true, text: true, documentId: true } });
  if (!claim) return null;
  const [skip, matching] = await Promise.all([passagesToSkip([claimId]), projectIndex(projectId, budget)]);
  const { suggestions, complete } = await rankPassages(matching.index, claim, {
    skip: skip.get(claimId)!,
    limit: options.limit ?? 5,
    budget,
  });
  const cut = complete ? null : "The search ran out of time and shows the passages found so far. Try again for the rest.";
  return { suggestions, note: [unreadNote(matching.unread), cut].filter(Boolean).join(" ") || null };
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
export async function findDiscrepancies(
  projectId: number,
  options: { maxClaims?: number; budgetMs?: number } = {},
): Promise<{ discrepancies: Discrepancy[]; compared: number; considered: number } & MatchingNote> {
  const maxClaims = options.maxClaims ?? 200;
  const budget = new TimeBudget(options.budgetMs ?? MATCHING_BUDGET_MS);
  const claims = await getDb().claim.findMany({
    where: { projectId, dismissed: false, anchorState: "anchored" },
    orderBy: [{ checkworthiness: "desc" }, { id: "asc" }],
    take: maxClaims,
    select: { id: true, text: true, documentId: true, document: { select: { title: true } } },
  });
  // One index and two queries for all the claims, not a round of lookups per claim.
  const [skip, matching] = await Promise.all([passagesToSkip(claims.map((c) => c.id)), projectIndex(projectId, budget)]);
  const seen = new Set<string>();
  const found: Discrepancy[] = [];
  let compared = 0;
  for (const claim of claims) {
    if (budget.exhausted) break;
    const { suggestions, complete } = await rankPassages(matching.index, claim, { skip: skip.get(claim.id)!, limit: 3, budget });
    if (complete) compared += 1;
    for (const passage of suggestions) {
      if (passage.relation !== "contradicts") continue;
      // The same pair of sentences seen from the other side is one discrepancy.
      const pair = [`${claim.documentId}:${claim.text}`, `${passage.documentId}:${passage.text}`].sort().join("|");
      if (seen.has(pair)) continue;
      seen.add(pair);
      found.push({ claim: { id: claim.id, text: claim.text, documentId: claim.documentId, documentTitle: claim.document.title }, passage });
    }
  }
  // Passages and details read are kept, so the next visit gets further in the same time.
  const cut =
    compared < claims.length
      ? `Compared ${compared} of the ${claims.length} most check-worthy claims in the time allowed; reload to compare more.`
      : null;
  return {
    discrepancies: found,
    compared,
    considered: claims.length,
    note: [unreadNote(matching.unread), cut].filter(Boolean).join(" ") || null,
  };
}
