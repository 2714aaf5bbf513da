import type { ReactNode, RefObject } from "react";
import { Form, Link, useNavigate } from "react-router";
import { type ClaimQuery, PAGE_SIZES, claimQueryToSearch, parseClaimQuery } from "../../lib/claim-query";
import { CLAIM_STATUSES, type ClaimStatus } from "../../lib/claim-status";
import type { Person } from "../../lib/review-types";
import { DocumentFilter } from "./document-filter";

/** Counts by status, each a link to that status, then "My queue" and the shortcuts. */
export function StatusCounts({
  query,
  counts,
  onShowShortcuts,
}: {
  query: ClaimQuery;
  counts: Record<ClaimStatus, number>;
  onShowShortcuts: () => void;
}) {
  return (
    <ul className="status-counts" aria-label="Claims by status">
      {CLAIM_STATUSES.map((status) => (
        <li key={status}>
          <Link
            to={claimQueryToSearch({ ...query, status: [status], page: 1 })}
            className={`status-${status}`}
            aria-current={query.status.length === 1 && query.status[0] === status ? "true" : undefined}
          >
            <strong>{counts[status]}</strong> {status}
          </Link>
        </li>
      ))}
      <li>
        <Link to={claimQueryToSearch({ ...query, assignee: "me", page: 1 })}>My queue</Link>
      </li>
      <li>
        <button type="button" className="link-button help-button" onClick={onShowShortcuts}>
          Keyboard shortcuts (?)
        </button>
      </li>
    </ul>
  );
}

interface FiltersProps {
  slug: string;
  query: ClaimQuery;
  documents: Array<{ id: number; title: string }>;
  documentsComplete: boolean;
  members: Person[];
  searchInput: RefObject<HTMLInputElement | null>;
  /** More filters, inside the form (the review state filter). */
  children?: ReactNode;
}

/**
 * The filters form: a GET form, so the filters live in the URL. Its fields are uncontrolled,
 * so the form is keyed by the URL's query: after any navigation (a status link, "My queue",
 * the back button) it is built again from the URL rather than keeping what it showed before.
 */
export function FiltersForm({ slug, query, documents, documentsComplete, members, searchInput, children }: FiltersProps) {
  const navigate = useNavigate();
  return (
    <Form
      key={claimQueryToSearch(query)}
      method="get"
      className="filters"
      aria-label="Filter claims"
      onSubmit={(event) => {
        // Without JavaScript the browser submits every field; with it, the URL keeps only what differs from the defaults.
        event.preventDefault();
        const fields = new URLSearchParams();
        for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string") fields.append(key, value);
        void navigate(claimQueryToSearch({ ...parseClaimQuery(fields), page: 1 }) || "?");
      }}
    >
      <fieldset>
        <legend>Status</legend>
        {CLAIM_STATUSES.map((status) => (
          <label key={status} className="checkbox-inline">
            <input type="checkbox" name="status" value={status} defaultChecked={query.status.includes(status)} /> {status}
          </label>
        ))}
      </fieldset>
      <label className="checkbox-inline">
        <input type="checkbox" name="reanchor" value="1" defaultChecked={query.reanchor === "1"} /> Needs re-anchoring
      </label>
      <DocumentFilter slug={slug} options={documents} complete={documentsComplete} selected={query.document} />
      <label>
        Assignee{" "}
        <select name="assignee" defaultValue={query.assignee ?? ""}>
          <option value="">Anyone</option>
          <option value="me">Me</option>
          <option value="none">Nobody</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </select>
      </label>
      <label>
        Sources{" "}
        <select name="sources" defaultValue={query.sources ?? ""}>
          <option value="">Any</option>
          <option value="yes">With sources</option>
          <option value="no">Without sources</option>
        </select>
      </label>
      <label>
        Score from <input name="min" type="number" min={0} max={1} step={0.05} defaultValue={query.min ?? ""} className="score-input" />
      </label>
      <label>
        to <input name="max" type="number" min={0} max={1} step={0.05} defaultValue={query.max ?? ""} className="score-input" />
      </label>
      <label>
        Search claims <input ref={searchInput} name="q" type="search" defaultValue={query.q ?? ""} />
      </label>
      <label>
        Rows per page{" "}
        <select name="size" defaultValue={query.size}>
          {PAGE_SIZES.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      {/* Filters set elsewhere (review states from the review section, dismissed candidates) are kept when these are applied. */}
      {children ?? (query.review ?? []).map((state) => <input key={state} type="hidden" name="review" value={state} />)}
      {query.dismissed ? <input type="hidden" name="dismissed" value={query.dismissed} /> : null}
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <button type="submit" className="button small">
        Apply filters
      </button>
      <Link to="?" className="meta">
        Clear
      </Link>
    </Form>
  );
}
