import { Link } from "react-router";
import { formatDate, formatDateTime, formatPublished } from "../lib/datetime";
import { STANCES, STANCE_LABELS } from "../lib/stances";
import type { SourceLinkView } from "../lib/review-types";
import { ClaimForm, useClaimFormResult } from "./claim-form";
import { paths } from "../lib/paths";

type SourceLink = SourceLinkView;

interface ClaimFormTarget {
  action: string;
  claimId: number;
  inPanel: boolean;
}

function StanceOptions() {
  return (
    <>
      {STANCES.map((stance) => (
        <option key={stance} value={stance}>
          {STANCE_LABELS[stance]}
        </option>
      ))}
    </>
  );
}

function SourceItem(props: { slug: string; timeZone: string; link: SourceLink; canEdit: boolean; target: ClaimFormTarget }) {
  const { slug, timeZone, link, canEdit, target } = props;
  const name = link.source.title ?? link.source.url ?? link.id;
  return (
    <li>
      <span className={`stance stance-${link.stance}`}>{link.stance}</span>{" "}
      {link.source.documentId ? (
        <Link to={paths.document(slug, link.source.documentId)}>{link.source.title ?? "Imported article"}</Link>
      ) : (
        <a href={link.source.url ?? "#"} rel="noopener noreferrer nofollow" target="_blank">
          {link.source.title ?? link.source.url}
        </a>
      )}
      {link.source.outlet ? <span className="meta"> · {link.source.outlet}</span> : null}
      {link.source.author ? <span className="meta"> · by {link.source.author}</span> : null}
      {link.source.publishedAt ? <span className="meta"> · published {formatPublished(link.source.publishedAt, timeZone)}</span> : null}
      {link.source.accessedAt ? <span className="meta"> · accessed {formatDate(link.source.accessedAt, timeZone)}</span> : null}
      {link.quote ? <blockquote className="source-quote">{link.quote}</blockquote> : null}
      {link.note ? <p className="meta">Note: {link.note}</p> : null}
      <p className="meta">
        Added by {link.addedBy ?? "someone"}, {formatDateTime(link.addedAt, timeZone)}
      </p>
      {canEdit ? (
        <details className="edit-source">
          <summary>Edit this link</summary>
          <ClaimForm {...target} name={`edit-source-${link.id}`} aria-label={`Edit source ${name}`}>
            <input type="hidden" name="intent" value="edit-source" />
            <input type="hidden" name="linkId" value={link.id} />
            <div className="field">
              <label htmlFor={`edit-stance-${link.id}`}>Stance</label>
              <select id={`edit-stance-${link.id}`} name="stance" defaultValue={link.stance}>
                <StanceOptions />
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
          </ClaimForm>
        </details>
      ) : null}
      {canEdit ? (
        <ClaimForm {...target} name={`remove-source-${link.id}`} className="inline-form">
          <input type="hidden" name="linkId" value={link.id} />
          <button type="submit" name="intent" value="remove-source" className="button small danger" aria-label={`Remove source ${name}`}>
            Remove
          </button>
        </ClaimForm>
      ) : null}
    </li>
  );
}

/** The claim's linked sources, each editable by those who may add sources. */
export function SourceList(props: {
  slug: string;
  timeZone: string;
  sources: SourceLink[];
  requireSource: boolean;
  canEdit: boolean;
  target: ClaimFormTarget;
}) {
  const { slug, timeZone, sources, requireSource, canEdit, target } = props;
  return (
    <>
      <h3>Sources ({sources.length})</h3>
      {sources.length === 0 ? (
        <p className="meta">
          {requireSource ? "No sources yet. Link one before marking this claim confirmed or disputed." : "No sources yet."}
        </p>
      ) : (
        <ul className="source-list">
          {sources.map((link) => (
            <SourceItem key={link.id} slug={slug} timeZone={timeZone} link={link} canEdit={canEdit} target={target} />
          ))}
        </ul>
      )}
    </>
  );
}

/** Links an external page to the claim. */
export function AddSourceForm(props: { target: ClaimFormTarget; version: number; open: boolean; error?: string | null }) {
  const { target, version, open } = props;
  const claimId = target.claimId;
  const result = useClaimFormResult(claimId, "add-source", target.inPanel);
  const error = props.error ?? (result?.ok === false ? (result.fieldErrors.source ?? result.error) : null);
  return (
    <details className="add-source" open={open || undefined}>
      <summary>Link an external source</summary>
      <ClaimForm {...target} name="add-source" key={`add-source-${version}`} aria-label="Link a source">
        <input type="hidden" name="intent" value="add-source" />
        <div className="field">
          <label htmlFor={`source-url-${claimId}`}>Source address</label>
          <input
            id={`source-url-${claimId}`}
            name="url"
            type="url"
            required
            placeholder="https://"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `source-error-${claimId}` : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={`source-title-${claimId}`}>Title</label>
          <input id={`source-title-${claimId}`} name="title" />
        </div>
        <div className="field">
          <label htmlFor={`source-outlet-${claimId}`}>Outlet</label>
          <input id={`source-outlet-${claimId}`} name="outlet" />
        </div>
        <div className="field">
          <label htmlFor={`source-author-${claimId}`}>Author</label>
          <input id={`source-author-${claimId}`} name="author" />
        </div>
        <div className="field">
          <label htmlFor={`source-published-${claimId}`}>Publication date</label>
          <input id={`source-published-${claimId}`} name="publishedAt" type="date" />
        </div>
        <div className="field">
          <label htmlFor={`source-accessed-${claimId}`}>Date accessed</label>
          <input id={`source-accessed-${claimId}`} name="accessedAt" type="date" defaultValue={new Date().toISOString().slice(0, 10)} />
        </div>
        <div className="field">
          <label htmlFor={`source-quote-${claimId}`}>Quoted excerpt</label>
          <textarea id={`source-quote-${claimId}`} name="quote" rows={2} />
        </div>
        <div className="field">
          <label htmlFor={`source-stance-${claimId}`}>Stance</label>
          <select id={`source-stance-${claimId}`} name="stance" defaultValue="supports">
            <StanceOptions />
          </select>
        </div>
        <div className="field">
          <label htmlFor={`source-note-${claimId}`}>Note</label>
          <input id={`source-note-${claimId}`} name="note" />
        </div>
        {error ? (
          <p className="field-error" id={`source-error-${claimId}`} role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" className="button">
          Link source
        </button>
      </ClaimForm>
    </details>
  );
}
