import { type ProjectRole, roleAtLeast } from "../roles";

// The editorial review of a claim (docs/decisions/010-editorial-review.md). Client-safe: the
// table, the claim panel, the CLI and the models share these names and rules.

export const REVIEW_STATES = ["none", "proposed", "agreed", "disagreed", "adjudicated", "approved"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export function isReviewState(value: unknown): value is ReviewState {
  return typeof value === "string" && (REVIEW_STATES as readonly string[]).includes(value);
}

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = {
  none: "Not in review",
  proposed: "Awaiting second review",
  agreed: "Agreed",
  disagreed: "Awaiting adjudication",
  adjudicated: "Adjudicated",
  approved: "Approved",
};

/**
 * The review states worth offering as a filter or a count: all of them with second review on;
 * with it off only "not in review" and "approved" (sign-off works without second review), plus
 * any state claims still hold from a time it was on.
 */
export function offeredReviewStates(options: { secondReview: boolean; inUse: ReadonlySet<ReviewState> }): ReviewState[] {
  if (options.secondReview) return [...REVIEW_STATES];
  return REVIEW_STATES.filter((state) => state === "none" || state === "approved" || options.inUse.has(state));
}

/** Short labels for the table column and filter chips. */
export const REVIEW_STATE_SHORT: Record<ReviewState, string> = {
  none: "—",
  proposed: "proposed",
  agreed: "agreed",
  disagreed: "disagreed",
  adjudicated: "adjudicated",
  approved: "approved",
};

/** Editors and owners see proposals before the second review; everyone else is blind to them. */
export function seesProposals(role: ProjectRole): boolean {
  return roleAtLeast(role, "editor");
}

export interface Viewer {
  userId: number | null;
  role: ProjectRole;
}

export interface ClaimReviewFacts {
  reviewState: string;
  proposedById: number | null;
}

/**
 * Whether the viewer must not see the open proposal of this claim: it waits for its
 * second review, and the viewer is neither its author nor an editor.
 */
export function isBlindTo(claim: ClaimReviewFacts, viewer: Viewer): boolean {
  return claim.reviewState === "proposed" && !seesProposals(viewer.role) && claim.proposedById !== viewer.userId;
}

/**
 * States in which the claim's status is a final verdict an editor may approve. With second
 * review on, only verdicts that went through it; without, any current verdict.
 */
export function approvableStates(secondReview: boolean): readonly ReviewState[] {
  return secondReview ? ["agreed", "adjudicated"] : ["none", "agreed", "adjudicated"];
}

/** Why a claim in this state cannot be approved now, or null when it can. */
export function approvalBlocker(state: string, secondReview: boolean): string | null {
  switch (state) {
    case "proposed":
      return "its verdict waits for a second review";
    case "disagreed":
      return "its reviewers disagree and it waits for adjudication";
    case "approved":
      return "it is already approved";
    case "none":
      return secondReview ? "it has not been reviewed twice yet (this project has second review on)" : null;
    default:
      return null;
  }
}

/** The state a reopened claim returns to: what it was before approval, unlocked. */
export function stateAfterReopen(
  round: { outcome: string | null; adjudicatedAt: Date | string | null; closedAt: Date | string | null } | null,
) {
  if (!round || round.closedAt) return "none" satisfies ReviewState;
  if (round.adjudicatedAt) return "adjudicated" satisfies ReviewState;
  if (round.outcome === "agreed") return "agreed" satisfies ReviewState;
  return "none" satisfies ReviewState;
}
