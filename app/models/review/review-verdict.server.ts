import { getDb } from "../../db.server";
import { AppError } from "../../lib/app-error";
import type { ClaimStatus } from "../../lib/claim-status";
import { PROPOSAL_ACTION, SECOND_REVIEW_ACTION } from "../../lib/review/audit-actions";
import { seesProposals } from "../../lib/review/review-state";
import type { ProjectRole } from "../../lib/roles";
import { recordDecisions } from "../claim-decision.server";
import { tagClaim } from "../claim-verdict.server";
import { staleClaimError } from "../claim-version.server";
import { type NotificationInput, announce, membersWithRole, notifyInTransaction } from "../notifications/notify.server";
import { writeProject } from "../unit-of-work.server";
import type { Actor } from "../user.server";
import {
  type ClaimForReview,
  advanceClaim,
  assertNotLocked,
  assertVerdictAllowed,
  checkVersion,
  readClaimForReview,
  requireUserActor,
} from "./claim-state.server";

export interface Verdict {
  status: ClaimStatus;
  rationale: string | null;
  /** The version the reviewer saw; null to take the current one. */
  expectedVersion: number | null;
}

/** What a tag did: set the verdict, proposed it, revised the proposal, or gave the second review. */
export type ReviewOutcome = "verdict" | "proposed" | "revised" | "agreed" | "disagreed" | "unchanged";

export interface ReviewClaimOptions {
  projectId: number;
  claimId: number;
  verdict: Verdict;
  actor: Actor;
  /** The actor's role: a second review by someone who could see the proposal is recorded as not blind. */
  role: ProjectRole;
}

/**
 * A reviewer's verdict on a claim, as the project's review requires. With second review
 * off it is the verdict (as it always was: claim-verdict's tagClaim). With it on, the first
 * verdict of a round is a proposal its author may revise; a verdict by anyone else is the
 * second review: the same status makes the claim agreed and gives it that status, another
 * sends it to an editor. An approved claim refuses every verdict until reopened. Null when
 * the claim is not in the project.
 */
export async function reviewClaim(options: ReviewClaimOptions) {
  const { projectId, claimId } = options;
  const facts = await getDb().claim.findFirst({
    where: { id: claimId, projectId },
    select: { reviewState: true, project: { select: { secondReview: true } } },
  });
  if (!facts) return null;
  assertNotLocked({ id: claimId, reviewState: facts.reviewState });
  // The plain path, unchanged since before editorial review (it re-checks the lock inside its transaction).
  if (!facts.project.secondReview && facts.reviewState === "none") {
    const { verdict, actor } = options;
    const claim = await tagClaim({ projectId, claimId, actor, ...verdict });
    return claim ? { claim, outcome: "verdict" as ReviewOutcome } : null;
  }
  return reviewInRound(options);
}

interface RoundResult {
  claim: ClaimForReview;
  outcome: ReviewOutcome;
  notify: number[];
}

async function reviewInRound(options: ReviewClaimOptions) {
  const { projectId, claimId, actor } = options;
  const actorId = requireUserActor(actor);
  const rationale = options.verdict.rationale?.trim() || null;
  const verdict = { status: options.verdict.status, rationale };
  const result = await writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }): Promise<RoundResult | null> => {
    const claim = await readClaimForReview(tx, projectId, claimId);
    if (!claim) return null;
    if (!checkVersion(claim, options.verdict.expectedVersion)) throw await staleClaimError(tx, claimId);
    assertNotLocked(claim);
    const write = async (data: Record<string, unknown>) => {
      if (!(await advanceClaim(tx, claim, data, actorId))) throw await staleClaimError(tx, claimId);
    };
    /** Records the step; one that sets the claim's status is recorded as its verdict's decision. */
    const record = async (action: string, details: Record<string, unknown>, recordOptions: { decides?: boolean } = {}) => {
      const [appended] = await audit({
        action,
        targetType: "claim",
        targetId: claimId,
        details: { ...details, version: claim.version + 1 },
      });
      if (recordOptions.decides) await recordDecisions(tx, projectId, [{ claimId, seq: appended!.seq }]);
    };
    const done = async (outcome: ReviewOutcome, summary: string, inputs: NotificationInput[] = []): Promise<RoundResult> => {
      claimsChanged([claimId], summary);
      return {
        claim: (await readClaimForReview(tx, projectId, claimId))!,
        outcome,
        notify: await notifyInTransaction(tx, { projectId, actor, inputs }),
      };
    };
    const unchanged = (current: ClaimForReview): RoundResult => ({ claim: current, outcome: "unchanged", notify: [] });

    // Second review switched off while a round was open: the verdict applies directly and ends the round.
    if (!claim.project.secondReview) {
      assertVerdictAllowed(claim, verdict);
      const open = claim.reviewState === "proposed" || claim.reviewState === "disagreed";
      await write({ status: verdict.status, rationale, reviewState: "none", proposedById: null });
      if (open)
        await tx.claimReviewRound.updateMany({
          where: { claimId, round: claim.reviewRound, closedAt: null },
          data: { closedAt: new Date() },
        });
      await record(
        "claim.status_changed",
        { from: claim.status, to: verdict.status, rationale, ...(open ? { closedRound: claim.reviewRound } : {}) },
        { decides: true },
      );
      return done("verdict", `${actor.name} marked claim ${claimId} ${verdict.status}`);
    }

    if (claim.reviewState === "disagreed")
      throw new AppError("conflict", `Claim ${claimId}'s reviewers disagree: it waits for an editor's adjudication.`);

    if (claim.reviewState === "proposed" && claim.proposedById === actorId) return revise(claim);
    if (claim.reviewState === "proposed") return secondReview(claim);
    // Tagging a final verdict again with the same verdict is not a new review.
    const final = claim.reviewState === "agreed" || claim.reviewState === "adjudicated";
    if (final && claim.status === verdict.status && (claim.rationale ?? null) === rationale) return unchanged(claim);
    return propose(claim);

    async function propose(current: ClaimForReview): Promise<RoundResult> {
      assertVerdictAllowed(current, verdict);
      const round = current.reviewRound + 1;
      await write({ reviewState: "proposed", reviewRound: round, proposedById: actorId });
      await tx.claimReviewRound.create({
        data: {
          projectId,
          claimId,
          round,
          firstReviewerId: actorId,
          firstStatus: verdict.status,
          firstRationale: rationale,
          firstAt: new Date(),
        },
      });
      await record(PROPOSAL_ACTION, { status: verdict.status, rationale, round });
      const named = current.secondReviewerId;
      return done(
        "proposed",
        `${actor.name} proposed a verdict for claim ${claimId}`,
        named ? [{ userId: named, kind: "second_review", claimId }] : [],
      );
    }

    async function revise(current: ClaimForReview): Promise<RoundResult> {
      const round = await tx.claimReviewRound.findUniqueOrThrow({ where: { claimId_round: { claimId, round: current.reviewRound } } });
      if (round.firstStatus === verdict.status && (round.firstRationale ?? null) === rationale) return unchanged(current);
      assertVerdictAllowed(current, verdict);
      await write({});
      await tx.claimReviewRound.update({
        where: { id: round.id },
        data: { firstStatus: verdict.status, firstRationale: rationale, firstAt: new Date() },
      });
      await record(PROPOSAL_ACTION, { status: verdict.status, rationale, round: current.reviewRound, revision: true });
      return done("revised", `${actor.name} revised their proposal for claim ${claimId}`);
    }

    async function secondReview(current: ClaimForReview): Promise<RoundResult> {
      if (current.secondReviewerId !== null && current.secondReviewerId !== actorId) {
        const named = await tx.user.findUnique({ where: { id: current.secondReviewerId }, select: { displayName: true } });
        throw new AppError("forbidden", `Claim ${claimId}'s second review is assigned to ${named?.displayName ?? "someone else"}.`);
      }
      assertVerdictAllowed(current, verdict);
      const round = await tx.claimReviewRound.findUniqueOrThrow({ where: { claimId_round: { claimId, round: current.reviewRound } } });
      const agreed = round.firstStatus === verdict.status;
      await write(
        agreed ? { reviewState: "agreed", status: verdict.status, rationale: round.firstRationale } : { reviewState: "disagreed" },
      );
      await tx.claimReviewRound.update({
        where: { id: round.id },
        data: {
          secondReviewerId: actorId,
          secondStatus: verdict.status,
          secondRationale: rationale,
          secondAt: new Date(),
          outcome: agreed ? "agreed" : "disagreed",
        },
      });
      await record(
        SECOND_REVIEW_ACTION,
        {
          status: verdict.status,
          rationale,
          round: current.reviewRound,
          outcome: agreed ? "agreed" : "disagreed",
          firstStatus: round.firstStatus,
          firstReviewerId: round.firstReviewerId,
          // Editors see proposals: their second review was not independent, and agreement can say so.
          blind: !seesProposals(options.role),
          // Agreed, the claim takes the status with the proposer's rationale (app/lib/verdict.ts reads these).
          ...(agreed ? { from: current.status, to: verdict.status, firstRationale: round.firstRationale } : {}),
        },
        { decides: agreed },
      );
      if (agreed)
        return done("agreed", `${actor.name} gave the second review of claim ${claimId}: the reviewers agree (${verdict.status})`);
      const editors = await membersWithRole(tx, projectId, "editor");
      return done(
        "disagreed",
        `${actor.name} gave the second review of claim ${claimId}: the reviewers disagree`,
        editors.map((userId) => ({ userId, kind: "adjudication", claimId })),
      );
    }
  });
  if (!result) return null;
  await announce(result.notify);
  return { claim: result.claim, outcome: result.outcome };
}
