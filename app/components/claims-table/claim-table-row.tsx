import { type KeyboardEvent, type Ref, memo } from "react";
import { formatDateTime } from "../../lib/datetime";
import { paths } from "../../lib/paths";
import type { ClaimRow } from "../../lib/review-types";
import { REVIEW_STATE_SHORT, isReviewState } from "../../lib/review/review-state";
import { StatusBadge } from "../claim-summary";
import type { ClaimColumn, ClaimColumnId } from "./columns";
import { type OpenStatusMenu, STATUS_LISTBOX_ID, statusOptionId } from "./status-menu";

export interface RowProps {
  row: ClaimRow;
  columns: readonly ClaimColumn[];
  slug: string;
  timeZone: string;
  canTag: boolean;
  /** Position on this page (the keyboard's index). */
  index: number;
  /** Position in the whole result, for aria-rowindex (the header row is 1). */
  rowIndex: number;
  /** The row the keyboard and the panel are on: it carries aria-selected. */
  active: boolean;
  /** Ticked for a bulk change (its checkbox says so to assistive technology). */
  checked: boolean;
  /** Every claim matching the filters is in the bulk change: the checkbox is ticked and locked. */
  allMatching: boolean;
  /** Registers the row's element (keyed by its `data-claim-id`); stable, so unchanged rows are not rendered again. */
  rowRef: Ref<HTMLTableRowElement>;
  onActivate: (index: number) => void;
  onOpen: (claimId: number) => void;
  onToggleSelected: (claimId: number) => void;
  /** The shared status list, when it is open on this row (null for every other row). */
  statusMenu: OpenStatusMenu | null;
  onStatusClick: (row: ClaimRow, control: HTMLElement) => void;
  onStatusKeyDown: (row: ClaimRow, event: KeyboardEvent<HTMLElement>) => void;
  onStatusBlur: (row: ClaimRow) => void;
}

function statusCell({ row, canTag, statusMenu, onStatusClick, onStatusKeyDown, onStatusBlur }: RowProps) {
  if (!canTag) return <StatusBadge status={row.status} />;
  return (
    <button
      type="button"
      role="combobox"
      aria-label={`Status of claim ${row.id}`}
      aria-haspopup="listbox"
      aria-expanded={statusMenu !== null}
      aria-controls={statusMenu ? STATUS_LISTBOX_ID : undefined}
      aria-activedescendant={statusMenu ? statusOptionId(statusMenu.highlighted) : undefined}
      className={`status-select status-${row.status}`}
      onClick={(event) => onStatusClick(row, event.currentTarget)}
      onKeyDown={(event) => onStatusKeyDown(row, event)}
      // Firefox clicks a button on Space's keyup, which would close the list the keydown just opened.
      onKeyUp={(event) => {
        if (event.key === " ") event.preventDefault();
      }}
      onBlur={() => onStatusBlur(row)}
    >
      {row.status}
    </button>
  );
}

/** A cell's content: a plain call, not a component of its own (eight per row on the server). */
function cellContent(column: ClaimColumnId, props: RowProps) {
  const { row, slug } = props;
  switch (column) {
    case "select":
      return (
        <input
          type="checkbox"
          aria-label={`Select claim ${row.id}`}
          checked={props.checked}
          disabled={props.allMatching}
          onChange={() => props.onToggleSelected(row.id)}
        />
      );
    case "claim":
      // Plain links (client-side navigation: ClaimsGrid's click handler; data-discover as
      // React Router's <Link> sets it, so the routes are still discovered ahead): a <Link> per
      // link was 8% of a full page's server CPU, three per row.
      return (
        <div>
          <a href={paths.claim(slug, row.id)} className="claim-text" data-discover="true">
            {row.text}
          </a>
          <div className="meta">
            <a href={paths.document(slug, row.document.id, { claim: row.id })} data-discover="true">
              {row.document.title}
            </a>
            {row.speaker ? ` · ${row.speaker}` : ""}
          </div>
        </div>
      );
    case "status":
      return statusCell(props);
    case "review": {
      const state = isReviewState(row.reviewState) ? row.reviewState : "none";
      return <span className={`review-badge review-${state}`}>{REVIEW_STATE_SHORT[state]}</span>;
    }
    case "checkworthiness":
      return row.checkworthiness.toFixed(2);
    case "assignee":
      return row.assignee?.displayName ?? "—";
    case "sources":
      return row.sourceCount;
    case "fact":
      return row.fact && row.fact.outlets > 1 ? (
        <a
          href={paths.fact(slug, row.fact.id)}
          data-discover="true"
          aria-label={`${row.fact.outlets} outlets: show the other outlets' versions of claim ${row.id}`}
        >
          {row.fact.outlets} outlets
        </a>
      ) : (
        <span className="meta">{row.fact ? "one outlet" : "—"}</span>
      );
    case "lastChanged":
      return row.decision ? (
        <span className="meta">
          {row.decision.displayName}
          <br />
          {formatDateTime(row.decision.at, props.timeZone)}
        </span>
      ) : (
        <span className="meta">not decided</span>
      );
  }
}

/**
 * One claim: the keyboard's roving tab stop sits on the active row. Memoized: moving the
 * selection renders the two rows whose `active` changed, not every row in view.
 */
export const ClaimTableRow = memo(function ClaimTableRow(props: RowProps) {
  const { row, index, rowIndex, active, checked, rowRef, onActivate, onOpen } = props;
  return (
    <tr
      data-index={index}
      data-claim-id={row.id}
      ref={rowRef}
      tabIndex={active ? 0 : -1}
      aria-selected={active}
      aria-rowindex={rowIndex}
      className={`${active ? "active-row " : ""}${checked ? "checked-row " : ""}status-row-${row.status}`}
      onClick={() => onActivate(index)}
      onDoubleClick={() => onOpen(row.id)}
      onFocus={() => onActivate(index)}
    >
      {props.columns.map((column) => (
        <td key={column.id} className={`col-${column.id}`}>
          {cellContent(column.id, props)}
        </td>
      ))}
    </tr>
  );
});
