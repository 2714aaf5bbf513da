import { formatDateTime } from "../datetime";
import { REVIEW_STATE_LABELS } from "../review/review-state";
import type { ReportReview } from "./report";

// The editorial review of a claim as the HTML and PDF reports print it: one line per step,
// who and when, in the project's time zone.

type Step = NonNullable<ReportReview["proposal"]>;

function stepLine(label: string, step: Step, timeZone: string): string {
  return `${label}: ${step.status} by ${step.byName ?? step.by ?? "a former member"}, ${formatDateTime(step.at, timeZone)}${step.rationale ? ` — ${step.rationale}` : ""}`;
}

/** Nothing for a claim never reviewed twice nor approved: the verdict line says it all. */
export function reviewLines(review: ReportReview | undefined, timeZone: string): string[] {
  if (!review || (review.state === "none" && !review.approval)) return [];
  const lines = [`Review: ${REVIEW_STATE_LABELS[review.state]}${review.round > 1 ? ` (round ${review.round})` : ""}`];
  if (review.proposalHidden) lines.push("Proposal: hidden until the second review");
  else if (review.proposal) lines.push(stepLine("Proposal", review.proposal, timeZone));
  if (review.secondReview) lines.push(stepLine("Second review", review.secondReview, timeZone));
  if (review.adjudication) lines.push(stepLine("Adjudication", review.adjudication, timeZone));
  if (review.approval)
    lines.push(
      `Approved by ${review.approval.byName ?? review.approval.by ?? "a former member"}, ${formatDateTime(review.approval.at, timeZone)}`,
    );
  return lines;
}
