import { Link } from "react-router";
import type { ClaimQuery } from "../../lib/claim-query";
import { claimQueryToSearch } from "../../lib/claim-query";
import { CLAIM_STATUSES } from "../../lib/claim-status";
import type { ProjectProgress } from "../../lib/review/progress";
import { offeredReviewStates, REVIEW_STATES, REVIEW_STATE_LABELS } from "../../lib/review/review-state";
import { DecisionsChart } from "./decisions-chart";

/** "3 days 4 hours", "5 hours 10 minutes", "12 minutes": two units are enough to compare. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
  const days = Math.floor(hours / 24);
  return `${days} days${hours % 24 ? ` ${hours % 24} h` : ""}`;
}

interface Props {
  progress: ProjectProgress;
  claimsPath: string;
  secondReview: boolean;
}

/** The project page's progress: where the claims are, who did what, how fast, and the daily rhythm. */
export function ProgressDashboard({ progress, claimsPath, secondReview }: Props) {
  const link = (query: Partial<ClaimQuery>) => `${claimsPath}${claimQueryToSearch(query)}`;
  const inUse = new Set(REVIEW_STATES.filter((state) => progress.byReviewState[state] > 0));
  const states = offeredReviewStates({ secondReview, inUse });
  return (
    <section className="progress" aria-labelledby="progress-title">
      <h2 id="progress-title">Progress</h2>
      <div className="progress-grid">
        <div>
          <h3>Claims by verdict</h3>
          <ul className="stat-list" aria-label="Claims by verdict">
            {CLAIM_STATUSES.map((status) => (
              <li key={status} className={`status-${status}`}>
                <Link to={link({ status: [status] })}>
                  <strong>{progress.byStatus[status].toLocaleString("en")}</strong> {status}
                </Link>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3>Claims by review state</h3>
          <ul className="stat-list compact" aria-label="Claims by review state">
            {states.map((state) => (
              <li key={state}>
                <Link to={link({ review: [state] })}>
                  <strong>{progress.byReviewState[state].toLocaleString("en")}</strong> {REVIEW_STATE_LABELS[state].toLowerCase()}
                </Link>
              </li>
            ))}
          </ul>
        </div>
        <div className="median">
          <h3>Time to a verdict</h3>
          {progress.medianMsToVerdict === null ? (
            <p className="meta">No verdicts yet.</p>
          ) : (
            <p>
              <strong>{formatDuration(progress.medianMsToVerdict)}</strong>{" "}
              <span className="meta">
                median from import to the current verdict, over {progress.claimsWithVerdict.toLocaleString("en")} claims
              </span>
            </p>
          )}
        </div>
      </div>
      <DecisionsChart days={progress.days} timeZone={progress.timeZone} />
      <h3>Reviewers</h3>
      {progress.reviewers.length === 0 ? (
        <p className="meta">Nobody has reviewed a claim yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table compact-table">
            <thead>
              <tr>
                <th scope="col">Reviewer</th>
                <th scope="col">Verdicts</th>
                <th scope="col">Proposals</th>
                <th scope="col">Second reviews</th>
                <th scope="col">Adjudications</th>
                <th scope="col">Approvals</th>
              </tr>
            </thead>
            <tbody>
              {progress.reviewers.map((reviewer) => (
                <tr key={reviewer.id}>
                  <th scope="row">{reviewer.displayName}</th>
                  <td>{reviewer.verdicts.toLocaleString("en")}</td>
                  <td>{reviewer.proposals.toLocaleString("en")}</td>
                  <td>{reviewer.secondReviews.toLocaleString("en")}</td>
                  <td>{reviewer.adjudications.toLocaleString("en")}</td>
                  <td>{reviewer.approvals.toLocaleString("en")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
