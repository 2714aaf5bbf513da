import { Prisma, type Tx, getDb } from "../db.server";
import { AppError } from "../lib/app-error";
import type { ClaimQuery } from "../lib/claim-query";
import type { ClaimStatus } from "../lib/claim-status";
import { assertAssignable } from "./claim-assignment.server";
import { bulkChangeDecides } from "../lib/verdict";
import { recordDecisions } from "./claim-decision.server";
import { claimConditions } from "./claim-filter.server";
import { announce, notifyInTransaction } from "./notifications/notify.server";
import { type AuditEntry, writeProject } from "./unit-of-work.server";
import type { Actor } from "./user.server";

export const UNDO_WINDOW_MS = 30_000;
const CHUNK = 500;

export type BulkTarget = { ids: number[] } | { query: ClaimQuery; viewerId: number };
export interface BulkChange {
  status?: ClaimStatus;
  rationale?: string | null;
  assigneeId?: number | null;
}

type Reader = Pick<Tx, "$queryRaw" | "project">;

async function resolveTarget(db: Reader, projectId: number, target: BulkTarget, change: BulkChange) {
  if ("ids" in target && target.ids.length === 0) return { matched: 0, changing: [] };
  const conditions =
    "ids" in target
      ? Prisma.sql`c."projectId" = ${projectId} AND c."id" IN (${Prisma.join(target.ids)})`
      : claimConditions({ projectId, query: target.query, viewerId: target.viewerId });
  const claims = await db.$queryRaw<
    Array<{
      id: number;
      status: string;
      rationale: string | null;
      assigneeId: number | null;
      version: number;
      sourceCount: number;
      decisionSeq: number | null;
      reviewState: string;
    }>
  >`
    SELECT c."id", c."status", c."rationale", c."assigneeId", c."version", c."sourceCount", c."decisionSeq", c."reviewState" FROM "Claim" c WHERE ${conditions} ORDER BY c."id"`;
  if (change.status !== undefined) await assertBulkVerdictAllowed(db, projectId, claims);
  if (change.status && change.status !== "unverified") {
    const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { requireSourceForVerdict: true } });
    const unsourced = project.requireSourceForVerdict ? claims.filter((c) => c.sourceCount === 0).length : 0;
    if (unsourced > 0)
      throw new AppError(
        "invalid_input",
        `${unsourced} of the ${claims.length} claims have no source; link sources first or narrow the selection (a project setting requires a source for ${change.status}).`,
      );
  }
  const changing = claims.filter(
    (c) =>
      (change.status !== undefined && (c.status !== change.status || (change.rationale ?? null) !== (c.rationale ?? null))) ||
      (change.assigneeId !== undefined && c.assigneeId !== change.assigneeId),
  );
  return { matched: claims.length, changing };
}

/** Verdicts set in bulk bypass the second review and would overwrite approved ones: both are refused. */
async function assertBulkVerdictAllowed(db: Reader, projectId: number, claims: Array<{ reviewState: string }>) {
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { secondReview: true } });
  if (project.secondReview)
    throw new AppError(
      "invalid_input",
      "This project has second review on: verdicts are given claim by claim, not in bulk (bulk assignment still works).",
    );
  const locked = claims.filter((c) => c.reviewState === "approved").length;
  if (locked > 0)
    throw new AppError(
      "locked",
      `${locked} of the ${claims.length} claims are approved and locked; reopen them first or narrow the selection.`,
    );
}

function validateBulkChange(change: BulkChange) {
  if (change.status === undefined && change.assigneeId === undefined)
    throw new AppError("invalid_input", "Choose a status or an assignee to set.");
  if (change.status && change.status !== "unverified" && !change.rationale?.trim())
    throw new AppError("invalid_input", `Give a rationale for marking claims ${change.status}.`);
}

/** How many claims a bulk change would touch, without changing anything. */
export async function previewBulkChange(options: { projectId: number; target: BulkTarget; change: BulkChange }) {
  const { projectId, target, change } = options;
  validateBulkChange(change);
  if (change.assigneeId) await assertAssignable(projectId, change.assigneeId);
  const { matched, changing } = await resolveTarget(getDb(), projectId, target, { ...change, rationale: change.rationale?.trim() || null });
  return { matched, willChange: changing.length };
}

/**
 * Applies a status and/or assignee to many claims in one transaction, recording
 * each claim's previous values so the change can be undone for UNDO_WINDOW_MS.
 * Each changed claim gets its own audit event.
 */
export async function applyBulkChange(options: { projectId: number; target: BulkTarget; change: BulkChange; actor: Actor }) {
  const { projectId, target, change, actor } = options;
  validateBulkChange(change);
  if (change.assigneeId) await assertAssignable(projectId, change.assigneeId);
  const rationale = change.rationale?.trim() || null;
  const operation = await writeProject({ projectId, actor, large: true }, async ({ tx, audit, claimsChanged, afterCommit }) => {
    const { changing } = await resolveTarget(tx, projectId, target, { ...change, rationale });
    const created = await tx.bulkOperation.create({
      data: { projectId, actorId: actor.id, change: JSON.stringify({ ...change, rationale }) },
    });
    const now = new Date();
    const data: Prisma.ClaimUncheckedUpdateManyInput = { version: { increment: 1 }, lastChangedAt: now, lastChangedById: actor.id };
    if (change.status !== undefined) Object.assign(data, { status: change.status, rationale });
    if (change.assigneeId !== undefined) Object.assign(data, { assigneeId: change.assigneeId });
    // Each claim changes only from the version read above: one changed by someone in the
    // meantime fails the whole change instead of being overwritten.
    const byVersion = new Map<number, typeof changing>();
    for (const claim of changing) byVersion.set(claim.version, [...(byVersion.get(claim.version) ?? []), claim]);
    for (const [version, claims] of byVersion) {
      for (let i = 0; i < claims.length; i += CHUNK) {
        const ids = claims.slice(i, i + CHUNK).map((c) => c.id);
        const updated = await tx.claim.updateMany({ where: { projectId, id: { in: ids }, version }, data });
        if (updated.count !== ids.length)
          throw new AppError(
            "conflict",
            `${ids.length - updated.count} of these claims were changed by someone else meanwhile; nothing was applied. Preview the change again.`,
          );
      }
    }
    for (let i = 0; i < changing.length; i += CHUNK) {
      const chunk = changing.slice(i, i + CHUNK);
      await tx.bulkOperationItem.createMany({
        data: chunk.map((c) => ({
          operationId: created.id,
          claimId: c.id,
          previousStatus: c.status,
          previousRationale: c.rationale,
          previousAssigneeId: c.assigneeId,
          previousDecisionSeq: c.decisionSeq,
          versionAfter: c.version + 1,
        })),
      });
    }
    // A claim whose verdict stays as it was is only reassigned: that is not a decision.
    const decides = changing.map((c) => bulkChangeDecides(c, { status: change.status, rationale }));
    const appended = await audit(
      ...changing.map((c, i) => ({
        action: decides[i] ? "claim.status_changed" : "claim.assigned",
        targetType: "claim",
        targetId: c.id,
        details: {
          bulkOperationId: created.id,
          ...(decides[i] ? { from: c.status, to: change.status, rationale } : {}),
          ...(change.assigneeId !== undefined ? { assigneeFrom: c.assigneeId, assigneeTo: change.assigneeId } : {}),
          version: c.version + 1,
        },
      })),
    );
    await recordDecisions(
      tx,
      projectId,
      changing.flatMap((c, i) => (decides[i] ? [{ claimId: c.id, seq: appended[i]!.seq }] : [])),
    );
    claimsChanged(
      changing.map((c) => c.id),
      `${actor.name} changed ${changing.length} claims`,
    );
    // One notification for the whole change, not one per claim.
    if (change.assigneeId && changing.length > 0) {
      const notify = await notifyInTransaction(tx, {
        projectId,
        actor,
        inputs: [
          {
            userId: change.assigneeId,
            kind: "assignment",
            claimId: changing.length === 1 ? changing[0]!.id : null,
            details: { count: changing.length },
          },
        ],
      });
      afterCommit(() => announce(notify));
    }
    return { id: created.id, changed: changing.length, createdAt: created.createdAt };
  });
  return { operationId: operation.id, changed: operation.changed, undoUntil: new Date(operation.createdAt.getTime() + UNDO_WINDOW_MS) };
}

/**
 * Restores the values a bulk change replaced, for claims nobody has changed since;
 * the others are left alone and counted. Only the person who made the change can
 * undo it, within the undo window.
 */
export interface UndoBulkChangeOptions {
  projectId: number;
  operationId: number;
  actor: Actor;
  /** When the undo was asked for (tests set it to step past the window). */
  now?: Date;
}

export async function undoBulkChange(options: UndoBulkChangeOptions) {
  const { projectId, operationId, actor, now = new Date() } = options;
  return writeProject({ projectId, actor, large: true }, async ({ tx, audit, claimsChanged }) => {
    const operation = await tx.bulkOperation.findFirst({ where: { id: operationId, projectId }, include: { items: true } });
    if (!operation) return null;
    if (operation.actorId !== actor.id) throw new AppError("conflict", "Only the person who made a bulk change can undo it.");
    if (operation.undoneAt) throw new AppError("conflict", "This change has already been undone.");
    if (now.getTime() - operation.createdAt.getTime() > UNDO_WINDOW_MS)
      throw new AppError("conflict", "The 30 seconds to undo this change have passed.");
    const claimed = await tx.bulkOperation.updateMany({ where: { id: operationId, undoneAt: null }, data: { undoneAt: now } });
    if (claimed.count === 0) throw new AppError("conflict", "This change has already been undone.");
    const restored: number[] = [];
    const events: AuditEntry[] = [];
    let skipped = 0;
    for (const item of operation.items) {
      const updated = await tx.claim.updateMany({
        where: { id: item.claimId, version: item.versionAfter },
        data: {
          status: item.previousStatus,
          rationale: item.previousRationale,
          assigneeId: item.previousAssigneeId,
          // The earlier decider comes back with the earlier verdict.
          decisionSeq: item.previousDecisionSeq,
          version: { increment: 1 },
          lastChangedAt: now,
          lastChangedById: actor.id,
        },
      });
      if (updated.count === 0) {
        skipped += 1;
        continue;
      }
      restored.push(item.claimId);
      events.push({
        action: "claim.change_undone",
        targetType: "claim",
        targetId: item.claimId,
        details: {
          bulkOperationId: operationId,
          restoredStatus: item.previousStatus,
          restoredAssigneeId: item.previousAssigneeId,
          version: item.versionAfter + 1,
        },
      });
    }
    await audit(...events);
    claimsChanged(restored, `${actor.name} undid a bulk change`);
    return { restored: restored.length, skipped };
  });
}
