import { Form, Link } from "react-router";
import type { ClaimLoaderData } from "../routes/project.claim";
import { ReasonList, StatusBadge } from "./claim-summary";
import { formatDate, formatDateTime, formatPublished } from "../lib/datetime";
import { HistoryEntry } from "./history-sentence";
import { FindInOtherArticles } from "./suggestions";
import { TagForm } from "./tag-form";

/** A claim with its verdict form, assignment, reasons and history; on the claim page and in the table's panel. */
export function ClaimDetails({ data, error, sourceError }: { data: ClaimLoaderData; error?: string | null; sourceError?: string | null }) {
  const { project, claim, history, members, viewers, canTag, canAssign, sources, canAddSource, requireSource } = data;
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
      <h3>Sources ({sources.length})</h3>
      {sources.length === 0 ? (
        <p className="meta">
          {requireSource ? "No sources yet. Link one before marking this claim confirmed or disputed." : "No sources yet."}
        </p>
      ) : (
        <ul className="source-list">
          {sources.map((link) => (
            <li key={link.id}>
              <span className={`stance stance-${link.stance}`}>{link.stance}</span>{" "}
              {link.source.documentId ? (
                <Link to={`/projects/${project.slug}/documents/${link.source.documentId}`}>{link.source.title ?? "Imported article"}</Link>
              ) : (
                <a href={link.source.url ?? "#"} rel="noopener noreferrer nofollow" target="_blank">
                  {link.source.title ?? link.source.url}
                </a>
              )}
              {link.source.outlet ? <span className="meta"> · {link.source.outlet}</span> : null}
              {link.source.author ? <span className="meta"> · by {link.source.author}</span> : null}
              {link.source.publishedAt ? (
                <span className="meta"> · published {formatPublished(link.source.publishedAt, project.timeZone)}</span>
              ) : null}
              {link.source.accessedAt ? (
                <span className="meta"> · accessed {formatDate(link.source.accessedAt, project.timeZone)}</span>
              ) : null}
              {link.quote ? <blockquote className="source-quote">{link.quote}</blockquote> : null}
              {link.note ? <p className="meta">Note: {link.note}</p> : null}
              <p className="meta">
                Added by {link.addedBy ?? "someone"}, {formatDateTime(link.addedAt, project.timeZone)}
              </p>
              {canAddSource ? (
                <details className="edit-source">
                  <summary>Edit this link</summary>
                  <Form method="post" aria-label={`Edit source ${link.source.title ?? link.source.url ?? link.id}`}>
                    <input type="hidden" name="intent" value="edit-source" />
                    <input type="hidden" name="linkId" value={link.id} />
                    <div className="field">
                      <label htmlFor={`edit-stance-${link.id}`}>Stance</label>
                      <select id={`edit-stance-${link.id}`} name="stance" defaultValue={link.stance}>
                        <option value="supports">Supports the claim</option>
                        <option value="refutes">Refutes the claim</option>
                        <option value="context">Context</option>
                      </select>
                    </div>
                    <div className="field">
                      <label htmlFor={`edit-quote-${link.id}`}>Quoted excerpt</label>
                      <textarea id={`edit-quote-${link.id}`} name="quote" rows={2} defaultValue={link.quote ?? ""} />
                    </div>
                    <div className="field">
                      <label htmlFor={`edit-note-${link.id}`}>Note</label>
                      <input id={`edit-note-${link.id}`} name="note" defaultValue={link.note ?? ""} />
                    </div>
                    <button type="submit" className="button small">
                      Save link
                    </button>
                  </Form>
                </details>
              ) : null}
              {canAddSource ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="linkId" value={link.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="remove-source"
                    className="button small danger"
                    aria-label={`Remove source ${link.source.title ?? link.source.url ?? link.id}`}
                  >
                    Remove
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <FindInOtherArticles key={`find-${claim.id}`} slug={project.slug} claimId={claim.id} canLink={canAddSource} />
      {canAddSource ? (
        <details className="add-source" open={sources.length === 0 || undefined}>
          <summary>Link an external source</summary>
          <Form method="post" key={`add-source-${claim.version}`} aria-label="Link a source">
            <input type="hidden" name="intent" value="add-source" />
            <input type="hidden" name="claimId" value={claim.id} />
            <div className="field">
              <label htmlFor={`source-url-${claim.id}`}>Source address</label>
              <input
                id={`source-url-${claim.id}`}
                name="url"
                type="url"
                required
                placeholder="https://"
                aria-invalid={sourceError ? true : undefined}
                aria-describedby={sourceError ? `source-error-${claim.id}` : undefined}
              />
            </div>
            <div className="field">
              <label htmlFor={`source-title-${claim.id}`}>Title</label>
              <input id={`source-title-${claim.id}`} name="title" />
            </div>
            <div className="field">
              <label htmlFor={`source-outlet-${claim.id}`}>Outlet</label>
              <input id={`source-outlet-${claim.id}`} name="outlet" />
            </div>
            <div className="field">
              <label htmlFor={`source-author-${claim.id}`}>Author</label>
              <input id={`source-author-${claim.id}`} name="author" />
            </div>
            <div className="field">
              <label htmlFor={`source-published-${claim.id}`}>Publication date</label>
              <input id={`source-published-${claim.id}`} name="publishedAt" type="date" />
            </div>
            <div className="field">
              <label htmlFor={`source-accessed-${claim.id}`}>Date accessed</label>
              <input
                id={`source-accessed-${claim.id}`}
                name="accessedAt"
                type="date"
                defaultValue={new Date().toISOString().slice(0, 10)}
              />
            </div>
            <div className="field">
              <label htmlFor={`source-quote-${claim.id}`}>Quoted excerpt</label>
              <textarea id={`source-quote-${claim.id}`} name="quote" rows={2} />
            </div>
            <div className="field">
              <label htmlFor={`source-stance-${claim.id}`}>Stance</label>
              <select id={`source-stance-${claim.id}`} name="stance" defaultValue="supports">
                <option value="supports">Supports the claim</option>
                <option value="refutes">Refutes the claim</option>
                <option value="context">Context</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={`source-note-${claim.id}`}>Note</label>
              <input id={`source-note-${claim.id}`} name="note" />
            </div>
            {sourceError ? (
              <p className="field-error" id={`source-error-${claim.id}`} role="alert">
                {sourceError}
              </p>
            ) : null}
            <button type="submit" className="button">
              Link source
            </button>
          </Form>
        </details>
      ) : null}
      {canTag ? (
        <TagForm
          key={`${claim.id}-${claim.version}`}
          claimId={claim.id}
          version={claim.version}
          status={claim.status}
          rationale={claim.rationale}
          error={error}
        />
      ) : null}
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
              <HistoryEntry line={entry.line} iso={entry.iso} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
