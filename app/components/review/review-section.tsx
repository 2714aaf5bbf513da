import { useFetcher } from "react-router";
import { CLAIM_STATUSES } from "../../lib/claim-status";
import { formatDateTime } from "../../lib/datetime";
import { REVIEW_STATE_LABELS, approvalBlocker } from "../../lib/review/review-state";
import type { ReviewVerdictView, ReviewView } from "../../lib/review/review-view";

type Result = { ok: boolean; error?: string; fieldErrors?: Record<string, string> } | undefined;

interface Props {
  review: ReviewView;
  claimId: number;
  version: number;
  secondReview: boolean;
  canAdjudicate: boolean;
  canApprove: boolean;
  canAssign: boolean;
  /** Members who can be named second reviewer. */
  members: Array<{ id: number; displayName: string }>;
  /** The claim route's action, where these forms post. */
  action: string;
  timeZone: string;
}

/** What the viewer's next tag does, in a sentence beside the verdict form. */
export function nextTagSentence(review: ReviewView): string | null {
  switch (review.nextTag) {
    case "proposal":
      return "Your verdict will be a proposal: a second reviewer gives theirs without seeing it.";
    case "revision":
      return "You proposed this verdict; tagging again revises your proposal. Someone else gives the second review.";
    case "second-review":
      return `Your verdict is the second review${review.proposer ? ` of ${review.proposer.displayName}'s proposal` : ""}; you will see the proposal once you submit.`;
    case "not-yours":
      return `The second review is assigned to ${review.secondReviewer?.displayName ?? "someone else"}.`;
    case "adjudication-pending":
      return "The reviewers disagree: an editor adjudicates this claim.";
    case "locked":
      return "The verdict is approved and locked; an editor can reopen it with a reason.";
    default:
      return null;
  }
}

function VerdictCard({ title, verdict, timeZone }: { title: string; verdict: ReviewVerdictView | null; timeZone: string }) {
  return (
    <div className="verdict-card">
      <h3>{title}</h3>
      {verdict ? (
        <>
          <p>
            <span className={`status-badge status-${verdict.status}`}>{verdict.status}</span> by{" "}
            {verdict.reviewer?.displayName ?? "a former member"}
          </p>
          {verdict.rationale ? <p className="rationale">{verdict.rationale}</p> : null}
          <p className="meta">
            <time dateTime={verdict.at}>{formatDateTime(verdict.at, timeZone)}</time>
          </p>
        </>
      ) : (
        <p className="meta">Not given yet.</p>
      )}
    </div>
  );
}

function FailureMessage({ result }: { result: Result }) {
  return result?.ok === false ? (
    <p className="field-error" role="alert">
      {result.error}
    </p>
  ) : null;
}

/** The claim's editorial review: its state, both verdicts side by side once revealed, and the editor's steps. */
export function ReviewSection({
  review,
  claimId,
  version,
  secondReview,
  canAdjudicate,
  canApprove,
  canAssign,
  members,
  action,
  timeZone,
}: Props) {
  const adjudicate = useFetcher<Result>();
  const approve = useFetcher<Result>();
  const reopen = useFetcher<Result>();
  const name = useFetcher<Result>();
  const inRound = review.round > 0 && (review.first !== null || review.proposalHidden || review.second !== null);
  const blocker = approvalBlocker(review.state, secondReview);
  const sentence = nextTagSentence(review);
  if (!secondReview && review.state === "none" && !canApprove) return null;
  return (
    <section className="review-section" aria-labelledby={`review-${claimId}`}>
      <h2 id={`review-${claimId}`}>
        Review <span className={`review-badge review-${review.state}`}>{REVIEW_STATE_LABELS[review.state]}</span>
      </h2>
      {sentence ? <p className="review-next">{sentence}</p> : null}
      {review.proposalHidden ? (
        <p className="alert alert-info">
          {review.proposer?.displayName ?? "A reviewer"} proposed a verdict. It stays hidden from you until the second review is given.
        </p>
      ) : null}
      {inRound && !review.proposalHidden ? (
        <div className="verdict-cards">
          <VerdictCard title="First review" verdict={review.first} timeZone={timeZone} />
          <VerdictCard title="Second review" verdict={review.second} timeZone={timeZone} />
          {review.state === "disagreed" || review.adjudication ? (
            <VerdictCard title="Adjudication" verdict={review.adjudication} timeZone={timeZone} />
          ) : null}
        </div>
      ) : null}
      {review.approved ? (
        <p>
          Approved by {review.approved.by ?? "a former member"} on{" "}
          <time dateTime={review.approved.at}>{formatDateTime(review.approved.at, timeZone)}</time>.
        </p>
      ) : null}

      {canAdjudicate && review.state === "disagreed" ? (
        <adjudicate.Form method="post" action={action} className="card adjudicate-form" aria-labelledby={`adjudicate-${claimId}`}>
          <h3 id={`adjudicate-${claimId}`}>Adjudicate</h3>
          <input type="hidden" name="intent" value="adjudicate" />
          <input type="hidden" name="claimId" value={claimId} />
          <input type="hidden" name="version" value={version} />
          <fieldset>
            <legend>Final verdict</legend>
            {CLAIM_STATUSES.map((status) => (
              <label key={status} className="checkbox-inline">
                <input type="radio" name="status" value={status} required /> {status}
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`adjudication-${claimId}`}>Rationale</label>
            <textarea id={`adjudication-${claimId}`} name="rationale" rows={3} maxLength={5000} required />
          </div>
          <FailureMessage result={adjudicate.data} />
          <button type="submit" className="button">
            Adjudicate
          </button>
        </adjudicate.Form>
      ) : null}

      {canApprove && !blocker ? (
        <approve.Form method="post" action={action} className="inline-form">
          <input type="hidden" name="intent" value="approve" />
          <input type="hidden" name="claimId" value={claimId} />
          <input type="hidden" name="version" value={version} />
          <button type="submit" className="button">
            Approve verdict
          </button>
          <FailureMessage result={approve.data} />
        </approve.Form>
      ) : null}

      {canApprove && review.state === "approved" ? (
        <reopen.Form method="post" action={action} className="reopen-form">
          <input type="hidden" name="intent" value="reopen" />
          <input type="hidden" name="claimId" value={claimId} />
          <input type="hidden" name="version" value={version} />
          <div className="field">
            <label htmlFor={`reopen-${claimId}`}>Reason for reopening</label>
            <input id={`reopen-${claimId}`} name="reason" maxLength={2000} required />
          </div>
          <FailureMessage result={reopen.data} />
          <button type="submit" className="button secondary">
            Reopen
          </button>
        </reopen.Form>
      ) : null}

      {canAssign && secondReview && review.state !== "approved" ? (
        <name.Form method="post" action={action} className="inline-form second-reviewer-form">
          <input type="hidden" name="intent" value="second-reviewer" />
          <input type="hidden" name="claimId" value={claimId} />
          <input type="hidden" name="version" value={version} />
          <label htmlFor={`second-${claimId}`}>Second reviewer</label>{" "}
          <select id={`second-${claimId}`} name="reviewerId" defaultValue={review.secondReviewer?.id ?? ""}>
            <option value="">Anyone but the proposer</option>
            {members
              .filter((member) => member.id !== review.proposer?.id)
              .map((member) => (
                <option key={member.id} value={member.id}>
                  {member.displayName}
                </option>
              ))}
          </select>{" "}
          <button type="submit" className="button secondary">
            Save
          </button>
          <FailureMessage result={name.data} />
        </name.Form>
      ) : null}
    </section>
  );
}
