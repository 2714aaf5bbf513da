import { getDb } from "../../db.server";
import { SECOND_REVIEWER_ACTION } from "../../lib/review/audit-actions";
import { ReviewError } from "../../lib/review/errors";
import { can, isProjectRole } from "../../lib/roles";
import { appendAuditEvents } from "../audit.server";
import { ClaimInputError } from "../claim.server";
import { publishProjectEvent } from "../events.server";
import { announce, notifyInTransaction } from "../notifications/notify.server";
import type { Actor } from "../user.server";
import { advanceClaim, checkVersion, readClaimForReview, staleClaimError } from "./claim-state.server";

/**
 * Names who gives a claim's second review (null: any reviewer but the proposer). The
 * person must be an active member who can tag, and not the author of the open proposal.
 * They are told: that the claim waits for them if it does, else that they were named.
 */
export async function assignSecondReviewer(options: {
  projectId: number;
  claimId: number;
  reviewerId: number | null;
  expectedVersion: number | null;
  actor: Actor;
}) {
  const { projectId, claimId, reviewerId, actor } = options;
  if (reviewerId !== null) {
    const member = await getDb().membership.findUnique({
      where: { projectId_userId: { projectId, userId: reviewerId } },
      include: { user: { select: { disabledAt: true } } },
    });
    if (!member || member.user.disabledAt || !isProjectRole(member.role) || !can(member.role, "tagClaim"))
      throw new ClaimInputError("The second reviewer must be an active member who can tag (reviewers and above).");
  }
  const result = await getDb().$transaction(async (tx) => {
    const claim = await readClaimForReview(tx, projectId, claimId);
    if (!claim) return null;
    if (!checkVersion(claim, options.expectedVersion)) return { stale: true as const };
    if (claim.secondReviewerId === reviewerId) return { claim, notify: [] as number[], changed: false };
    if (reviewerId !== null && claim.reviewState === "proposed" && claim.proposedById === reviewerId)
      throw new ReviewError("invalid", "The author of the proposal cannot give its second review: name someone else.");
    if (!(await advanceClaim(tx, claim, { secondReviewerId: reviewerId }, actor.id))) return { stale: true as const };
    await appendAuditEvents(tx, projectId, [
      {
        actorId: actor.id,
        actorName: actor.name,
        ip: actor.ip,
        action: SECOND_REVIEWER_ACTION,
        targetType: "claim",
        targetId: claimId,
        details: { from: claim.secondReviewerId, to: reviewerId, version: claim.version + 1 },
      },
    ]);
    const notify =
      reviewerId === null
        ? []
        : await notifyInTransaction(tx, {
            projectId,
            actor,
            inputs: [
              claim.reviewState === "proposed"
                ? { userId: reviewerId, kind: "second_review", claimId }
                : { userId: reviewerId, kind: "assignment", claimId, details: { as: "second-reviewer" } },
            ],
          });
    return { claim: (await readClaimForReview(tx, projectId, claimId))!, notify, changed: true };
  });
  if (!result) return null;
  if ("stale" in result) throw await staleClaimError(claimId);
  if (result.changed)
    await publishProjectEvent({
      type: "claims-changed",
      projectId,
      claimIds: [claimId],
      actorId: actor.id,
      summary: `${actor.name} named the second reviewer of claim ${claimId}`,
    });
  await announce(result.notify);
  return result.claim;
}
