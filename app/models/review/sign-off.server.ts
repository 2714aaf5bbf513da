import { Prisma } from "../../db.server";
import { AppError } from "../../lib/app-error";
import { APPROVAL_ACTION, REOPEN_ACTION } from "../../lib/review/audit-actions";
import { approvableStates, approvalBlocker, stateAfterReopen } from "../../lib/review/review-state";
import type { BulkTarget } from "../bulk-change.server";
import { claimConditions } from "../claim-filter.server";
import { staleClaimError } from "../claim-version.server";
import { type AuditEntry, writeProject } from "../unit-of-work.server";
import type { Actor } from "../user.server";
import { advanceClaim, checkVersion, readClaimForReview, requireUserActor } from "./claim-state.server";

// An editor's sign-off. Approving locks the claim's verdict (tags, adjudication and bulk
// verdicts are refused) until an editor reopens it with a reason. The routes check that
// the actor may approve.

const CHUNK = 500;

export async function approveClaim(options: { projectId: number; claimId: number; expectedVersion: number | null; actor: Actor }) {
  const { projectId, claimId, actor } = options;
  const actorId = requireUserActor(actor);
  return writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }) => {
    const claim = await readClaimForReview(tx, projectId, claimId);
    if (!claim) return null;
    if (!checkVersion(claim, options.expectedVersion)) throw await staleClaimError(tx, claimId);
    const blocker = approvalBlocker(claim.reviewState, claim.project.secondReview);
    if (blocker)
      throw new AppError(claim.reviewState === "approved" ? "locked" : "conflict", `Claim ${claimId} cannot be approved: ${blocker}.`);
    if (!(await advanceClaim(tx, claim, { reviewState: "approved", approvedAt: new Date(), approvedById: actorId }, actorId)))
      throw await staleClaimError(tx, claimId);
    await audit(approvalEvent(claim));
    claimsChanged([claimId], `${actor.name} approved claim ${claimId}`);
    return (await readClaimForReview(tx, projectId, claimId))!;
  });
}

function approvalEvent(
  claim: { id: number; status: string; rationale: string | null; reviewState: string; version: number },
  bulk = false,
) {
  return {
    action: APPROVAL_ACTION,
    targetType: "claim",
    targetId: claim.id,
    details: {
      status: claim.status,
      rationale: claim.rationale,
      from: claim.reviewState,
      version: claim.version + 1,
      ...(bulk ? { bulk } : {}),
    },
  } satisfies AuditEntry;
}

interface Skipped {
  notReviewed: number;
  proposed: number;
  disagreed: number;
  approved: number;
}
const noneSkipped = (): Skipped => ({ notReviewed: 0, proposed: 0, disagreed: 0, approved: 0 });

export interface BulkApproval {
  matched: number;
  approved: number;
  /** Claims left as they were, by reason: not reviewed twice (second review on), waiting for a second review, for adjudication, already approved. */
  skipped: Skipped;
}

/**
 * Approves every claim of the target whose verdict is final, in one transaction, each
 * from the version read (a claim changed meanwhile fails the whole approval, nothing is
 * half-applied). Claims that are not final are counted, not approved.
 */
export async function approveClaims(options: {
  projectId: number;
  target: BulkTarget;
  actor: Actor;
  preview?: boolean;
}): Promise<BulkApproval> {
  const { projectId, target, actor } = options;
  const actorId = requireUserActor(actor);
  const result = await writeProject({ projectId, actor, large: true }, async ({ tx, audit, claimsChanged }) => {
    if ("ids" in target && target.ids.length === 0) return { matched: 0, approved: [] as number[], skipped: noneSkipped() };
    const project = await tx.project.findUniqueOrThrow({ where: { id: projectId }, select: { secondReview: true } });
    const states = approvableStates(project.secondReview);
    const conditions =
      "ids" in target
        ? Prisma.sql`c."projectId" = ${projectId} AND c."id" IN (${Prisma.join(target.ids)})`
        : claimConditions({ projectId, query: target.query, viewerId: target.viewerId });
    const claims = await tx.$queryRaw<
      Array<{ id: number; status: string; rationale: string | null; reviewState: string; version: number }>
    >`
      SELECT c."id", c."status", c."rationale", c."reviewState", c."version" FROM "Claim" c WHERE ${conditions} ORDER BY c."id"`;
    const approvable = claims.filter((c) => states.includes(c.reviewState as never));
    const skipped = noneSkipped();
    for (const claim of claims) {
      if (states.includes(claim.reviewState as never)) continue;
      if (claim.reviewState === "none") skipped.notReviewed += 1;
      else if (claim.reviewState in skipped) skipped[claim.reviewState as keyof Skipped] += 1;
    }
    if (options.preview) return { matched: claims.length, approved: approvable.map((c) => c.id), skipped };
    const now = new Date();
    const byVersion = new Map<number, number[]>();
    for (const claim of approvable) byVersion.set(claim.version, [...(byVersion.get(claim.version) ?? []), claim.id]);
    for (const [version, ids] of byVersion) {
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        const updated = await tx.claim.updateMany({
          where: { projectId, id: { in: chunk }, version, reviewState: { in: [...states] } },
          data: {
            reviewState: "approved",
            approvedAt: now,
            approvedById: actorId,
            version: { increment: 1 },
            lastChangedAt: now,
            lastChangedById: actorId,
          },
        });
        if (updated.count !== chunk.length)
          throw new AppError(
            "conflict",
            `${chunk.length - updated.count} of these claims were changed by someone else meanwhile; nothing was approved. Try again.`,
          );
      }
    }
    if (approvable.length > 0) {
      await audit(...approvable.map((claim) => approvalEvent(claim, true)));
      claimsChanged(
        approvable.map((c) => c.id),
        `${actor.name} approved ${approvable.length} claims`,
      );
    }
    return { matched: claims.length, approved: approvable.map((c) => c.id), skipped };
  });
  return { matched: result.matched, approved: result.approved.length, skipped: result.skipped };
}

/** Unlocks an approved claim, back to the state it had before approval; the reason is kept in the trail. */
export async function reopenClaim(options: {
  projectId: number;
  claimId: number;
  reason: string;
  expectedVersion: number | null;
  actor: Actor;
}) {
  const { projectId, claimId, actor } = options;
  const actorId = requireUserActor(actor);
  const reason = options.reason.trim();
  if (!reason) throw new AppError("invalid_input", "Give a reason for reopening the claim.", { field: "reason" });
  return writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }) => {
    const claim = await readClaimForReview(tx, projectId, claimId);
    if (!claim) return null;
    if (!checkVersion(claim, options.expectedVersion)) throw await staleClaimError(tx, claimId);
    if (claim.reviewState !== "approved") throw new AppError("conflict", `Claim ${claimId} is not approved: there is nothing to reopen.`);
    const round =
      claim.reviewRound > 0
        ? await tx.claimReviewRound.findUnique({ where: { claimId_round: { claimId, round: claim.reviewRound } } })
        : null;
    const restored = stateAfterReopen(round);
    if (!(await advanceClaim(tx, claim, { reviewState: restored, approvedAt: null, approvedById: null }, actorId)))
      throw await staleClaimError(tx, claimId);
    await audit({
      action: REOPEN_ACTION,
      targetType: "claim",
      targetId: claimId,
      details: { reason, status: claim.status, restoredState: restored, version: claim.version + 1 },
    });
    claimsChanged([claimId], `${actor.name} reopened claim ${claimId}`);
    return (await readClaimForReview(tx, projectId, claimId))!;
  });
}
