import { Link, useFetcher } from "react-router";
import type { ClaimQuery } from "../../lib/claim-query";
import { paths } from "../../lib/paths";
import type { TableFormResult } from "../../lib/review-types";
import { HIDEABLE_COLUMNS, type TablePreferences } from "../../lib/table-preferences";

interface ViewOptionsProps {
  slug: string;
  query: ClaimQuery;
  total: number;
  pages: number;
  preferences: TablePreferences;
  /** The table route with the current view. */
  action: string;
}

/** Columns, density and moving on after a verdict (saved per user as soon as they change), and what the view holds. */
export function ViewOptions({ slug, query, total, pages, preferences, action }: ViewOptionsProps) {
  const fetcher = useFetcher<TableFormResult>();
  return (
    <div className="table-tools">
      <details className="column-menu view-options-menu">
        <summary>View options</summary>
        <fetcher.Form
          method="post"
          action={action}
          onChange={(event) => void fetcher.submit(event.currentTarget, { method: "post", action })}
        >
          <input type="hidden" name="intent" value="preferences" />
          <fieldset>
            <legend>Hide columns</legend>
            {HIDEABLE_COLUMNS.map((column) => (
              <label key={column.id} className="checkbox-inline">
                <input type="checkbox" name="hidden" value={column.id} defaultChecked={preferences.hidden.includes(column.id)} />{" "}
                {column.label}
              </label>
            ))}
          </fieldset>
          <label>
            Density{" "}
            <select name="density" defaultValue={preferences.density}>
              <option value="comfortable">Comfortable</option>
              <option value="compact">Compact</option>
            </select>
          </label>
          <label className="checkbox-inline">
            <input type="checkbox" name="advance" value="on" defaultChecked={preferences.advance} /> After a verdict, move to the next
            unreviewed claim
          </label>
          <noscript>
            <button type="submit" className="button small">
              Save view
            </button>
          </noscript>
        </fetcher.Form>
      </details>
      <span className="meta">
        {total} claims · page {query.page} of {pages} · <Link to={paths.export(slug, { ...query, page: 1 })}>Export these claims</Link>
      </span>
    </div>
  );
}
