import { AppError } from "../../lib/app-error";
import { ADJUDICATION_ACTION } from "../../lib/review/audit-actions";
import { recordDecisions } from "../claim-decision.server";
import { staleClaimError } from "../claim-version.server";
import { writeProject } from "../unit-of-work.server";
import type { Actor } from "../user.server";
import {
  advanceClaim,
  assertNotLocked,
  assertVerdictAllowed,
  checkVersion,
  readClaimForReview,
  requireUserActor,
} from "./claim-state.server";
import type { Verdict } from "./review-verdict.server";

/**
 * An editor's final verdict on a claim whose reviewers disagree. It needs a rationale
 * (whatever the status) and, like any verdict, a source where the project requires one.
 * The route checks that the actor may adjudicate; null when the claim is not in the project.
 */
export async function adjudicateClaim(options: { projectId: number; claimId: number; verdict: Verdict; actor: Actor }) {
  const { projectId, claimId, actor } = options;
  const actorId = requireUserActor(actor);
  const rationale = options.verdict.rationale?.trim() || null;
  const verdict = { status: options.verdict.status, rationale };
  return writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }) => {
    const claim = await readClaimForReview(tx, projectId, claimId);
    if (!claim) return null;
    if (!checkVersion(claim, options.verdict.expectedVersion)) throw await staleClaimError(tx, claimId);
    assertNotLocked(claim);
    if (claim.reviewState !== "disagreed")
      throw new AppError(
        "conflict",
        `Claim ${claimId} is not waiting for adjudication: only claims whose reviewers disagree are adjudicated.`,
      );
    assertVerdictAllowed(claim, verdict, { rationaleAlways: true });
    const round = await tx.claimReviewRound.findUniqueOrThrow({ where: { claimId_round: { claimId, round: claim.reviewRound } } });
    if (!(await advanceClaim(tx, claim, { status: verdict.status, rationale, reviewState: "adjudicated" }, actorId)))
      throw await staleClaimError(tx, claimId);
    await tx.claimReviewRound.update({
      where: { id: round.id },
      data: { adjudicatorId: actorId, adjudicatedStatus: verdict.status, adjudicatedRationale: rationale, adjudicatedAt: new Date() },
    });
    const [appended] = await audit({
      action: ADJUDICATION_ACTION,
      targetType: "claim",
      targetId: claimId,
      details: {
        status: verdict.status,
        rationale,
        round: claim.reviewRound,
        from: claim.status,
        to: verdict.status,
        firstStatus: round.firstStatus,
        secondStatus: round.secondStatus,
        version: claim.version + 1,
      },
    });
    await recordDecisions(tx, projectId, [{ claimId, seq: appended!.seq }]);
    claimsChanged([claimId], `${actor.name} adjudicated claim ${claimId}: ${verdict.status}`);
    return (await readClaimForReview(tx, projectId, claimId))!;
  });
}
