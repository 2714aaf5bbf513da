import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { Link } from "react-router";
import { CLAIM_STATUSES, type ClaimStatus } from "../../lib/claim-status";
import type { ClaimSort } from "../../lib/claim-query";
import { formatDateTime } from "../../lib/datetime";
import { paths } from "../../lib/paths";
import type { ClaimRow } from "../../lib/review-types";
import { REVIEW_STATE_SHORT, isReviewState } from "../../lib/review/review-state";
import { StatusBadge } from "../claim-summary";

/** The order each sortable column's header link asks the server for. */
export const SORT_OF_COLUMN: Record<string, ClaimSort> = {
  claim: "position",
  status: "status",
  checkworthiness: "checkworthiness",
  assignee: "assignee",
  sources: "sources",
  lastChanged: "decided",
};
/** Orders whose first click shows the largest (or newest) first. */
export const DESCENDING_FIRST = new Set<ClaimSort>(["checkworthiness", "lastChanged", "decided", "sources"]);

interface ColumnOptions {
  slug: string;
  timeZone: string;
  canTag: boolean;
  canBulk: boolean;
  /** Every claim matching the filters is in the bulk change: the row checkboxes are ticked and locked. */
  allMatching: boolean;
  /** Second review is on: a column shows each claim's review state. */
  reviewColumn?: boolean;
  requestTag: (row: ClaimRow, status: ClaimStatus) => void;
}

function selectColumn(allMatching: boolean): ColumnDef<ClaimRow> {
  return {
    id: "select",
    header: () => <span className="visually-hidden">Select</span>,
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={`Select claim ${row.original.id}`}
        checked={allMatching || row.getIsSelected()}
        disabled={allMatching}
        onChange={row.getToggleSelectedHandler()}
      />
    ),
  };
}

function StatusCell({ row, canTag, requestTag }: { row: ClaimRow; canTag: boolean; requestTag: ColumnOptions["requestTag"] }) {
  if (!canTag) return <StatusBadge status={row.status} />;
  return (
    <select
      aria-label={`Status of claim ${row.id}`}
      className={`status-select status-${row.status}`}
      value={row.status}
      onChange={(event) => requestTag(row, event.target.value as ClaimStatus)}
    >
      {CLAIM_STATUSES.map((status) => (
        <option key={status} value={status}>
          {status}
        </option>
      ))}
    </select>
  );
}

const reviewStateColumn: ColumnDef<ClaimRow> = {
  id: "review",
  header: "Review",
  cell: ({ row }) => {
    const state = isReviewState(row.original.reviewState) ? row.original.reviewState : "none";
    return <span className={`review-badge review-${state}`}>{REVIEW_STATE_SHORT[state]}</span>;
  },
};

/** The claims table's columns; ids match `HIDEABLE_COLUMNS` and `SORT_OF_COLUMN`. */
export function useClaimColumns({
  slug,
  timeZone,
  canTag,
  canBulk,
  allMatching,
  reviewColumn = false,
  requestTag,
}: ColumnOptions): ColumnDef<ClaimRow>[] {
  return useMemo<ColumnDef<ClaimRow>[]>(
    () => [
      ...(canBulk ? [selectColumn(allMatching)] : []),
      {
        id: "claim",
        // The Claim column sorts by where claims stand in their articles, not by their words: the header says so, so "▲" is not read as A to Z.
        header: "Claim (article order)",
        cell: ({ row }) => (
          <div>
            <Link to={paths.claim(slug, row.original.id)} className="claim-text">
              {row.original.text}
            </Link>
            <div className="meta">
              <Link to={paths.document(slug, row.original.document.id, { claim: row.original.id })}>{row.original.document.title}</Link>
              {row.original.speaker ? ` · ${row.original.speaker}` : ""}
            </div>
          </div>
        ),
      },
      { id: "status", header: "Status", cell: ({ row }) => <StatusCell row={row.original} canTag={canTag} requestTag={requestTag} /> },
      ...(reviewColumn ? [reviewStateColumn] : []),
      { id: "checkworthiness", header: "Check-worthiness", cell: ({ row }) => row.original.checkworthiness.toFixed(2) },
      { id: "assignee", header: "Assignee", cell: ({ row }) => row.original.assignee?.displayName ?? "—" },
      { id: "sources", header: "Sources", cell: ({ row }) => row.original.sourceCount },
      {
        id: "fact",
        header: "Fact",
        cell: ({ row }) =>
          row.original.fact && row.original.fact.outlets > 1 ? (
            <Link
              to={paths.fact(slug, row.original.fact.id)}
              aria-label={`${row.original.fact.outlets} outlets: show the other outlets' versions of claim ${row.original.id}`}
            >
              {row.original.fact.outlets} outlets
            </Link>
          ) : (
            <span className="meta">{row.original.fact ? "one outlet" : "—"}</span>
          ),
      },
      {
        id: "lastChanged",
        header: "Verdict by",
        cell: ({ row }) =>
          row.original.decision ? (
            <span className="meta">
              {row.original.decision.displayName}
              <br />
              {formatDateTime(row.original.decision.at, timeZone)}
            </span>
          ) : (
            <span className="meta">not decided</span>
          ),
      },
    ],
    [canBulk, canTag, allMatching, reviewColumn, slug, timeZone, requestTag],
  );
}
