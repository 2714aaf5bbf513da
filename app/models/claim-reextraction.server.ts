import { type Tx, getDb } from "../db.server";
import { type ClaimCandidate, DEFAULT_CHECKWORTHINESS_THRESHOLD, extractClaims } from "../lib/extraction/extract";
import { checkworthinessModel } from "../lib/extraction/model";
import { type StoredClaim, planReextraction } from "../lib/extraction/reextraction";
import { appendAuditEvent, recordAuditEvent } from "./audit.server";
import { claimRows } from "./document.server";
import { publishProjectEvent } from "./events.server";
import type { Actor } from "./user.server";

export interface ReextractionTotals {
  /** Current documents read. */
  documents: number;
  /** Documents whose claims changed. */
  changedDocuments: number;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
  /** Claims a person worked on, left exactly as they were. */
  keptReviewed: number;
}

export interface ReextractionResult extends ReextractionTotals {
  model: string;
  threshold: number;
}

const emptyTotals = (): ReextractionTotals => ({
  documents: 0,
  changedDocuments: 0,
  added: 0,
  updated: 0,
  removed: 0,
  unchanged: 0,
  keptReviewed: 0,
});

const ID_CHUNK = 500;

/**
 * Which of these claims a person has worked on: any audit event about the claim (a tag,
 * an assignment, a source, a dismissal or restore, a rejected suggestion, a comment...),
 * or a state only a person sets. Read inside the transaction that changes them.
 */
async function reviewedClaimIds(
  tx: Tx,
  projectId: number,
  claims: Array<{
    id: number;
    origin: string;
    status: string;
    rationale: string | null;
    assigneeId: number | null;
    sourceCount: number;
    decisionSeq: number | null;
    lastChangedById: number | null;
  }>,
): Promise<Set<number>> {
  const reviewed = new Set(
    claims
      .filter(
        (c) =>
          c.origin !== "extracted" ||
          c.status !== "unverified" ||
          c.rationale !== null ||
          c.assigneeId !== null ||
          c.sourceCount > 0 ||
          c.decisionSeq !== null ||
          c.lastChangedById !== null,
      )
      .map((c) => c.id),
  );
  for (let i = 0; i < claims.length; i += ID_CHUNK) {
    const ids = claims.slice(i, i + ID_CHUNK).map((c) => String(c.id));
    const events = await tx.auditEvent.findMany({
      where: { projectId, targetType: "claim", targetId: { in: ids } },
      select: { targetId: true },
      distinct: ["targetId"],
    });
    for (const event of events) reviewed.add(Number(event.targetId));
  }
  return reviewed;
}

/** One document's re-extraction, in one transaction with its audit event. */
async function reextractDocument(options: {
  projectId: number;
  documentId: number;
  candidates: ClaimCandidate[];
  model: string;
  threshold: number;
  actor: Actor;
}): Promise<{ totals: ReextractionTotals; changedIds: number[] }> {
  const { projectId, documentId, candidates, actor } = options;
  return getDb().$transaction(
    async (tx) => {
      const totals = emptyTotals();
      // A document superseded meanwhile has handed its claims to its new version.
      const current = await tx.document.findFirst({ where: { id: documentId, projectId, supersededAt: null }, select: { id: true } });
      if (!current) return { totals, changedIds: [] };
      totals.documents = 1;
      const claims = await tx.claim.findMany({ where: { documentId, projectId }, orderBy: { id: "asc" } });
      const reviewed = await reviewedClaimIds(tx, projectId, claims);
      const stored: StoredClaim[] = claims.map((c) => ({
        id: c.id,
        version: c.version,
        start: c.start,
        end: c.end,
        reviewed: reviewed.has(c.id),
        anchored: c.anchorState === "anchored",
        checkworthiness: c.checkworthiness,
        reasons: c.reasons,
        speaker: c.speaker,
        dismissed: c.dismissed,
      }));
      const plan = planReextraction(stored, candidates);
      totals.unchanged = plan.unchanged;
      totals.keptReviewed = plan.kept;
      const changedIds: number[] = [];
      // Each write applies only to the version read: a claim someone changed meanwhile is theirs now.
      for (const { id, version, ...data } of plan.update) {
        const { count } = await tx.claim.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
        if (count === 1) {
          totals.updated += 1;
          changedIds.push(id);
        } else totals.keptReviewed += 1;
      }
      const removedIds: number[] = [];
      for (const { id, version } of plan.remove) {
        const { count } = await tx.claim.deleteMany({ where: { id, version } });
        if (count === 1) removedIds.push(id);
        else totals.keptReviewed += 1;
      }
      totals.removed = removedIds.length;
      changedIds.push(...removedIds);
      if (plan.add.length > 0) {
        const created = await tx.claim.createManyAndReturn({
          data: claimRows(projectId, documentId, plan.add, actor.id),
          select: { id: true },
        });
        changedIds.push(...created.map((c) => c.id));
      }
      totals.added = plan.add.length;
      if (totals.added + totals.updated + totals.removed > 0) {
        totals.changedDocuments = 1;
        await appendAuditEvent(tx, {
          projectId,
          actorId: actor.id,
          actorName: actor.name,
          ip: actor.ip,
          action: "document.claims_reextracted",
          targetType: "document",
          targetId: documentId,
          details: {
            model: options.model,
            threshold: options.threshold,
            added: totals.added,
            updated: totals.updated,
            removed: totals.removed,
            removedClaimIds: removedIds,
            unchanged: totals.unchanged,
            keptReviewed: totals.keptReviewed,
          },
        });
      }
      return { totals, changedIds };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

/**
 * Runs the current model over every current document of the project again (ADR 017):
 * new candidates are added; claims nobody has worked on get the model's score, reasons,
 * speaker and dismissal, or are removed when the model no longer makes their sentence;
 * claims a person has worked on are never changed or removed. Each document changes in
 * its own transaction with its audit event, so a run stopped half-way leaves every
 * document either as it was or re-extracted, and running it again finishes the work; a
 * project event records the run and its totals.
 */
export async function reextractProjectClaims(projectId: number, actor: Actor): Promise<ReextractionResult> {
  const db = getDb();
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { claimThreshold: true } });
  const threshold = project.claimThreshold ?? DEFAULT_CHECKWORTHINESS_THRESHOLD;
  const model = checkworthinessModel().version;
  const documents = await db.document.findMany({ where: { projectId, supersededAt: null }, select: { id: true }, orderBy: { id: "asc" } });
  const totals = emptyTotals();
  const changedIds: number[] = [];
  for (const { id } of documents) {
    // The text is read per document so that a large project is never held in memory at once.
    const document = await db.document.findUnique({ where: { id }, select: { text: true } });
    if (!document) continue;
    // Extraction runs outside the transaction: it is the slow part and needs no lock.
    const candidates = extractClaims(document.text, threshold);
    const outcome = await reextractDocument({ projectId, documentId: id, candidates, model, threshold, actor });
    for (const key of Object.keys(totals) as Array<keyof ReextractionTotals>) totals[key] += outcome.totals[key];
    changedIds.push(...outcome.changedIds);
  }
  await recordAuditEvent({
    projectId,
    actorId: actor.id,
    actorName: actor.name,
    ip: actor.ip,
    action: "project.claims_reextracted",
    targetType: "project",
    targetId: projectId,
    details: { model, threshold, ...totals },
  });
  if (changedIds.length > 0)
    await publishProjectEvent({
      type: "claims-changed",
      projectId,
      claimIds: changedIds,
      actorId: actor.id,
      summary: `${actor.name ?? "someone"} re-extracted the claims`,
    });
  return { model, threshold, ...totals };
}
