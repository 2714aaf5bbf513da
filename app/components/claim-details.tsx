import { Form, Link } from "react-router";
import type { ClaimLoaderData } from "../routes/project.claim";
import { ReasonList, StatusBadge } from "./claim-summary";
import { TagForm } from "./tag-form";

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A claim with its verdict form, assignment, reasons and history; on the claim page and in the table's panel. */
export function ClaimDetails({ data, error }: { data: ClaimLoaderData; error?: string | null }) {
  const { project, claim, history, members, viewers, canTag, canAssign } = data;
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
          <Link to={`/projects/${project.slug}/documents/${claim.document.id}?claim=${claim.id}`}>{claim.document.title}</Link>
        </dd>
        <dt>Speaker</dt>
        <dd>{claim.speaker ?? "not stated"}</dd>
        <dt>Check-worthiness</dt>
        <dd>{claim.checkworthiness.toFixed(2)}</dd>
        <dt>Assignee</dt>
        <dd>{claim.assignee?.displayName ?? "nobody"}</dd>
        <dt>Last change</dt>
        <dd>
          {claim.lastChangedBy ? `${claim.lastChangedBy.displayName}, ` : ""}
          {dateTime.format(new Date(claim.lastChangedAt))} UTC (version {claim.version})
        </dd>
      </dl>
      {canTag ? <TagForm key={`${claim.id}-${claim.version}`} claimId={claim.id} version={claim.version} status={claim.status} rationale={claim.rationale} error={error} /> : null}
      {canAssign ? (
        <Form method="post" className="inline-form assign-form">
          <input type="hidden" name="intent" value="assign" />
          <input type="hidden" name="claimId" value={claim.id} />
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
        </Form>
      ) : null}
      <h3>Why it was picked</h3>
      <ReasonList reasons={claim.reasons} />
      <h3>History</h3>
      {history.length === 0 ? (
        <p className="meta">No changes yet.</p>
      ) : (
        <ol className="timeline">
          {history.map((entry) => (
            <li key={entry.id}>
              <time dateTime={entry.at}>{dateTime.format(new Date(entry.at))} UTC</time> <strong>{entry.who}</strong> {entry.what}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

