import type { ClaimSort } from "../../lib/claim-query";
import type { HideableColumn } from "../../lib/table-preferences";

/** The order each sortable column's header link asks the server for. */
export const SORT_OF_COLUMN: Partial<Record<ClaimColumnId, ClaimSort>> = {
  claim: "position",
  status: "status",
  checkworthiness: "checkworthiness",
  assignee: "assignee",
  sources: "sources",
  lastChanged: "decided",
};
/** Orders whose first click shows the largest (or newest) first. */
export const DESCENDING_FIRST = new Set<ClaimSort>(["checkworthiness", "lastChanged", "decided", "sources"]);

export type ClaimColumnId = "select" | "claim" | "review" | HideableColumn;

export interface ClaimColumn {
  /** Also the cells' class (`col-ID`); hideable ids match `HIDEABLE_COLUMNS`. */
  id: ClaimColumnId;
  header: string;
  /** The header is for assistive technology only. */
  headerHidden?: boolean;
}

interface ColumnOptions {
  canBulk: boolean;
  /** Second review is on: a column shows each claim's review state. */
  reviewColumn: boolean;
  /** The columns the reviewer has hidden (view options). */
  hidden: readonly string[];
}

const ALL_COLUMNS: readonly ClaimColumn[] = [
  { id: "select", header: "Select", headerHidden: true },
  // The Claim column sorts by where claims stand in their articles, not by their words: the header says so, so "▲" is not read as A to Z.
  { id: "claim", header: "Claim (article order)" },
  { id: "status", header: "Status" },
  { id: "review", header: "Review" },
  { id: "checkworthiness", header: "Check-worthiness" },
  { id: "assignee", header: "Assignee" },
  { id: "sources", header: "Sources" },
  { id: "fact", header: "Fact" },
  { id: "lastChanged", header: "Verdict by" },
];

/**
 * The claims table's visible columns, in order. A plain list rather than a table library's
 * model: the rows are rendered straight from the loader's data (on the server a 50-row page
 * spent 7% of its CPU in @tanstack/table-core's row model, docs/benchmarks.md 2026-12-03).
 */
export function visibleClaimColumns({ canBulk, reviewColumn, hidden }: ColumnOptions): ClaimColumn[] {
  return ALL_COLUMNS.filter(
    (column) => (column.id !== "select" || canBulk) && (column.id !== "review" || reviewColumn) && !hidden.includes(column.id),
  );
}
