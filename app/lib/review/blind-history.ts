import { PROPOSAL_ACTION } from "./audit-actions";
import { type ClaimReviewFacts, type Viewer, isBlindTo } from "./review-state";

// A claim's history as a viewer may see it. Until the second review, the open round's
// proposal (status and rationale, and each revision of them) is hidden from everyone but
// its author and the editors: the entries stay, saying that a verdict was proposed and by
// whom, without what it was.

/** Audit actions whose details may carry a verdict that is not yet revealed. */
const REVEALING_ACTIONS = new Set([PROPOSAL_ACTION]);

export interface HistoryEntry {
  action: string;
  details: Record<string, unknown>;
}

export interface BlindClaim extends ClaimReviewFacts {
  reviewRound: number;
}

/** Whether an event would tell this viewer the claim's pending proposal. */
export function revealsPendingProposal(entry: HistoryEntry, claim: BlindClaim, viewer: Viewer): boolean {
  if (!REVEALING_ACTIONS.has(entry.action) || !isBlindTo(claim, viewer)) return false;
  const round = typeof entry.details.round === "number" ? entry.details.round : null;
  // An event without a round number cannot be placed: treat it as the open round's.
  return round === null || round === claim.reviewRound;
}

/** The entries with the pending proposal's details replaced by a note that they are hidden. */
export function redactHistory<E extends HistoryEntry>(entries: readonly E[], claim: BlindClaim, viewer: Viewer): E[] {
  return entries.map((entry) =>
    revealsPendingProposal(entry, claim, viewer)
      ? { ...entry, details: { round: entry.details.round ?? claim.reviewRound, hidden: true } }
      : entry,
  );
}
