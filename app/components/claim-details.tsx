import { Link } from "react-router";
import type { ClaimPage } from "../lib/review-types";
import { ClaimForm, useClaimFormResult } from "./claim-form";
import { formatDateTime } from "../lib/datetime";
import { ReasonList, StatusBadge } from "./claim-summary";
import { ClaimDiscussion } from "./comments/claim-discussion";
import { HistoryEntry } from "./history-sentence";
import { AddSourceForm, SourceList } from "./claim-sources";
import { FindInOtherArticles } from "./suggestions";
import { ReviewSection } from "./review/review-section";
import { TagForm } from "./tag-form";
import { paths } from "../lib/paths";
import type { ActionFailure } from "../lib/action-result";
import { claimFormErrors } from "../lib/review-forms";

function AssignForm(props: { action: string; inPanel: boolean; claim: ClaimPage["claim"]; members: ClaimPage["members"]; error?: string }) {
  const { action, inPanel, claim, members } = props;
  const result = useClaimFormResult(claim.id, "assign", inPanel);
  const error = props.error ?? (result?.ok === false ? result.error : null);
  return (
    <ClaimForm action={action} claimId={claim.id} name="assign" inPanel={inPanel} className="inline-form assign-form">
      <input type="hidden" name="intent" value="assign" />
      <input type="hidden" name="version" value={claim.version} />
      <label htmlFor={`assignee-${claim.id}`}>Assign to</label>
      <select id={`assignee-${claim.id}`} name="assigneeId" defaultValue={claim.assignee?.id ?? ""} key={claim.version}>
        <option value="">Nobody</option>
        {members.map((m) => (
          <option key={m.id} value={m.id}>
            {m.displayName}
          </option>
        ))}
      </select>
      <button type="submit" className="button small">
        Assign
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </ClaimForm>
  );
}

/**
 * A claim with its verdict form, assignment, reasons and history; on the claim page and
 * in the table's panel. Every form posts to the claim's route; in the panel it does so
 * without leaving the table.
 */
export function ClaimDetails({
  data,
  failure,
  inPanel = false,
}: {
  data: ClaimPage;
  /** On the claim page, the route's failed form (in the panel each form reads its own result). */
  failure?: ActionFailure | null;
  inPanel?: boolean;
}) {
  const errors = claimFormErrors(failure);
  const { project, claim, history, members, viewers, canTag, canAssign, sources, canAddSource, requireSource } = data;
  const action = paths.claim(project.slug, claim.id);
  const target = { action, claimId: claim.id, inPanel };
  return (
    <div className="claim-details">
      <blockquote className="claim-quote">{claim.text}</blockquote>
      {viewers.length > 0 ? (
        <p className="presence" role="status">
          Also viewing: {viewers.join(", ")}
        </p>
      ) : null}
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={claim.status} />
          {claim.rationale ? <span className="rationale"> “{claim.rationale}”</span> : null}
        </dd>
        <dt>Article</dt>
        <dd>
          <Link to={paths.document(project.slug, claim.document.id, { claim: claim.id })}>{claim.document.title}</Link>
        </dd>
        <dt>Speaker</dt>
        <dd>{claim.speaker ?? "not stated"}</dd>
        <dt>Check-worthiness</dt>
        <dd>{claim.checkworthiness.toFixed(2)}</dd>
        <dt>Assignee</dt>
        <dd>{claim.assignee?.displayName ?? "nobody"}</dd>
        <dt>Verdict by</dt>
        <dd>
          {claim.decision
            ? `${claim.decision.displayName}, ${formatDateTime(claim.decision.at, project.timeZone)}`
            : "nobody yet (not decided)"}
        </dd>
        <dt>Last change</dt>
        <dd>
          {formatDateTime(claim.lastChangedAt, project.timeZone)} (version {claim.version})
        </dd>
      </dl>
      {/* The verdict first: reviewers tag from here (in the panel as on the page). */}
      <ReviewSection
        key={`review-${claim.id}-${claim.version}`}
        review={data.review}
        claimId={claim.id}
        version={claim.version}
        secondReview={data.secondReview}
        canAdjudicate={data.canAdjudicate}
        canApprove={data.canApprove}
        canAssign={canAssign}
        members={members}
        action={action}
        timeZone={project.timeZone}
      />
      {canTag ? (
        <TagForm
          key={claim.id}
          action={action}
          claimId={claim.id}
          inPanel={inPanel}
          version={claim.version}
          status={claim.status}
          rationale={claim.rationale}
          error={errors.tag}
          values={errors.tagValues}
        />
      ) : null}
      <SourceList
        slug={project.slug}
        timeZone={project.timeZone}
        sources={sources}
        requireSource={requireSource}
        canEdit={canAddSource}
        target={target}
      />
      <FindInOtherArticles key={`find-${claim.id}`} slug={project.slug} claimId={claim.id} canLink={canAddSource} />
      {canAddSource ? (
        <AddSourceForm target={target} version={claim.version} open={sources.length === 0 && !inPanel} error={errors.source} />
      ) : null}
      {canAssign ? <AssignForm action={action} inPanel={inPanel} claim={claim} members={members} error={errors.assign} /> : null}
      <h3>Why it was picked</h3>
      <ReasonList reasons={claim.reasons} />
      <ClaimDiscussion key={`discussion-${claim.id}`} slug={project.slug} claimId={claim.id} />
      <h3>History</h3>
      {history.length === 0 ? (
        <p className="meta">No changes yet.</p>
      ) : (
        <ol className="timeline">
          {history.map((entry) => (
            <li key={entry.id}>
              <HistoryEntry line={entry.line} iso={entry.iso} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
