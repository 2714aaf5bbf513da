import { getDb } from "../../db.server";
import { redactHistory } from "../../lib/review/blind-history";
import { type Viewer, isBlindTo, isReviewState } from "../../lib/review/review-state";
import type { ReviewView, ReviewVerdictView } from "../../lib/review/review-view";
import { claimHistory } from "../claim-history.server";

// Blindness is applied here, on the server, for every reader of a claim's review: the claim
// page and panel, `claimdesk claim show` and the history shown anywhere. The UI never
// receives what the viewer may not see.

export interface ClaimReviewFields {
  id: number;
  reviewState: string;
  reviewRound: number;
  proposedById: number | null;
  secondReviewerId: number | null;
  approvedAt: Date | null;
  approvedById: number | null;
}

/** The claim's review as this viewer may see it. */
export async function claimReviewView(options: {
  projectId: number;
  claim: ClaimReviewFields;
  viewer: Viewer;
  secondReviewOn: boolean;
}): Promise<ReviewView> {
  const { claim, viewer } = options;
  const db = getDb();
  const round =
    claim.reviewRound > 0
      ? await db.claimReviewRound.findUnique({ where: { claimId_round: { claimId: claim.id, round: claim.reviewRound } } })
      : null;
  const ids = [
    round?.firstReviewerId,
    round?.secondReviewerId,
    round?.adjudicatorId,
    claim.secondReviewerId,
    claim.approvedById,
    claim.proposedById,
  ].filter((id): id is number => typeof id === "number");
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, displayName: true } })).map((u) => [u.id, u]),
  );
  const person = (id: number | null | undefined) => (id ? (users.get(id) ?? { id, displayName: `user ${id}` }) : null);
  const hidden = isBlindTo(claim, viewer);
  const state = isReviewState(claim.reviewState) ? claim.reviewState : "none";
  const verdict = (
    reviewerId: number | null | undefined,
    status: string | null | undefined,
    rationale: string | null | undefined,
    at: Date | null | undefined,
  ): ReviewVerdictView | null =>
    status && at ? { reviewer: person(reviewerId), status, rationale: rationale ?? null, at: at.toISOString() } : null;
  const open = round && !round.closedAt;
  return {
    state,
    round: claim.reviewRound,
    proposalHidden: hidden,
    proposer: state === "proposed" ? person(claim.proposedById) : null,
    first: hidden || !open ? null : verdict(round.firstReviewerId, round.firstStatus, round.firstRationale, round.firstAt),
    second: open ? verdict(round.secondReviewerId, round.secondStatus, round.secondRationale, round.secondAt) : null,
    adjudication: open ? verdict(round.adjudicatorId, round.adjudicatedStatus, round.adjudicatedRationale, round.adjudicatedAt) : null,
    secondReviewer: person(claim.secondReviewerId),
    approved: claim.approvedAt ? { by: person(claim.approvedById)?.displayName ?? null, at: claim.approvedAt.toISOString() } : null,
    nextTag: nextTagFor({ state, claim, viewer, secondReviewOn: options.secondReviewOn }),
  };
}

function nextTagFor(options: { state: string; claim: ClaimReviewFields; viewer: Viewer; secondReviewOn: boolean }): ReviewView["nextTag"] {
  const { state, claim, viewer } = options;
  if (state === "approved") return "locked";
  if (!options.secondReviewOn) return "verdict";
  if (state === "disagreed") return "adjudication-pending";
  if (state === "proposed") {
    if (claim.proposedById === viewer.userId) return "revision";
    if (claim.secondReviewerId !== null && claim.secondReviewerId !== viewer.userId) return "not-yours";
    return "second-review";
  }
  return "proposal";
}

/** Every event of the claim, oldest first, with the open proposal hidden from a blind viewer. */
export async function visibleClaimHistory(options: { projectId: number; claim: ClaimReviewFields; viewer: Viewer }) {
  const events = await claimHistory(options.projectId, options.claim.id);
  const parsed = events.map((event) => ({ ...event, details: JSON.parse(event.details) as Record<string, unknown> }));
  return redactHistory(parsed, options.claim, options.viewer);
}
