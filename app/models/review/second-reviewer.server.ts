import { getDb } from "../../db.server";
import { AppError } from "../../lib/app-error";
import { SECOND_REVIEWER_ACTION } from "../../lib/review/audit-actions";
import { can, isProjectRole } from "../../lib/roles";
import { staleClaimError } from "../claim-version.server";
import { announce, notifyInTransaction } from "../notifications/notify.server";
import { writeProject } from "../unit-of-work.server";
import type { Actor } from "../user.server";
import { advanceClaim, checkVersion, readClaimForReview } from "./claim-state.server";

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
      throw new AppError("invalid_input", "The second reviewer must be an active member who can tag (reviewers and above).");
  }
  const result = await writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }) => {
    const claim = await readClaimForReview(tx, projectId, claimId);
    if (!claim) return null;
    if (!checkVersion(claim, options.expectedVersion)) throw await staleClaimError(tx, claimId);
    if (claim.secondReviewerId === reviewerId) return { claim, notify: [] as number[] };
    if (reviewerId !== null && claim.reviewState === "proposed" && claim.proposedById === reviewerId)
      throw new AppError("invalid_input", "The author of the proposal cannot give its second review: name someone else.");
    if (!(await advanceClaim(tx, claim, { secondReviewerId: reviewerId }, actor.id))) throw await staleClaimError(tx, claimId);
    await audit({
      action: SECOND_REVIEWER_ACTION,
      targetType: "claim",
      targetId: claimId,
      details: { from: claim.secondReviewerId, to: reviewerId, version: claim.version + 1 },
    });
    claimsChanged([claimId], `${actor.name} named the second reviewer of claim ${claimId}`);
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
    return { claim: (await readClaimForReview(tx, projectId, claimId))!, notify };
  });
  if (!result) return null;
  await announce(result.notify);
  return result.claim;
}
