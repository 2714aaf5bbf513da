import type { ReviewState } from "./review-state";

// What one viewer may see of a claim's review (built by models/review/review-view.server.ts).
// Client-safe: the claim panel, the claim page and `claimdesk claim show` render it.

export interface ReviewVerdictView {
  reviewer: { id: number | null; displayName: string } | null;
  status: string;
  rationale: string | null;
  at: string;
}

export interface ReviewView {
  state: ReviewState;
  round: number;
  /** The open round's proposal is hidden from this viewer (they are blind to it until the second review). */
  proposalHidden: boolean;
  /** Who proposed the open round's verdict (shown even when the verdict itself is hidden). */
  proposer: { id: number; displayName: string } | null;
  first: ReviewVerdictView | null;
  second: ReviewVerdictView | null;
  adjudication: ReviewVerdictView | null;
  secondReviewer: { id: number; displayName: string } | null;
  approved: { by: string | null; at: string } | null;
  /** What the viewer's next tag would be: a first verdict, a revision, the second review, or nothing (the claim refuses tags). */
  nextTag: "verdict" | "proposal" | "revision" | "second-review" | "adjudication-pending" | "locked" | "not-yours";
}
