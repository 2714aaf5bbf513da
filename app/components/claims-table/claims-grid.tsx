import { type Header, type Row, type Table, flexRender } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef } from "react";
import { Link } from "react-router";
import { type ClaimQuery, claimQueryToSearch } from "../../lib/claim-query";
import type { ClaimRow } from "../../lib/review-types";
import { DESCENDING_FIRST, SORT_OF_COLUMN } from "./columns";
import { ClaimTableRow } from "./claim-table-row";
import { isTypingTarget } from "./use-table-keyboard";

/** About the sticky header's height, in pixels. */
const HEADER_HEIGHT = 28;

interface GridProps {
  table: Table<ClaimRow>;
  query: ClaimQuery;
  total: number;
  compact: boolean;
  hydrated: boolean;
  active: number;
  allMatching: boolean;
  onActivate: (index: number) => void;
  onOpen: (claimId: number) => void;
}

function SortableHeader({ header, query }: { header: Header<ClaimRow, unknown>; query: ClaimQuery }) {
  const sort = SORT_OF_COLUMN[header.column.id];
  const sorted = sort && query.sort === sort ? query.dir : null;
  const label = flexRender(header.column.columnDef.header, header.getContext());
  return (
    <th
      scope="col"
      className={`col-${header.column.id}`}
      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
    >
      {sort ? (
        <Link
          className="sort-link"
          to={claimQueryToSearch({
            ...query,
            sort,
            dir: sorted === "asc" ? "desc" : sorted === "desc" ? "asc" : DESCENDING_FIRST.has(sort) ? "desc" : "asc",
            page: 1,
          })}
        >
          {label}
          <span aria-hidden="true">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : ""}</span>
        </Link>
      ) : (
        label
      )}
    </th>
  );
}

/**
 * Scrolls the table's own box (never the page: on a phone the table starts below the fold) so
 * that `row` is wholly in view, below the sticky header.
 */
function revealRow(box: HTMLElement, row: HTMLElement) {
  const boxRect = box.getBoundingClientRect();
  const rowRect = row.getBoundingClientRect();
  const header = box.querySelector("thead")?.getBoundingClientRect().height ?? HEADER_HEIGHT;
  const above = rowRect.top - (boxRect.top + header);
  const below = rowRect.bottom - (boxRect.top + box.clientHeight);
  if (above < 0) box.scrollTop += above;
  else if (below > 0) box.scrollTop += Math.min(below, above);
}

function Spacer({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden="true">
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} />
    </tr>
  );
}

/** The claims table itself: a sticky header and, once hydrated, only the rows in view (virtualized). */
export function ClaimsGrid({ table, query, total, compact, hydrated, active, allMatching, onActivate, onOpen }: GridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowRefs = useRef(new Map<number, HTMLTableRowElement>());
  const tableRows = table.getRowModel().rows;
  const virtualizer = useVirtualizer({
    count: tableRows.length,
    getScrollElement: () => scrollRef.current,
    // Rows hold a clamped claim (styles/claims-workspace.css): one or two lines high.
    estimateSize: () => (compact ? 26 : 42),
    // The sticky header covers the top of the scroll box: a row moved to from below stops under it.
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 12,
  });
  // Keyboard focus follows the selected row in the same commit: a dialog opened by the next
  // key returns focus to the element focused when it opened, and the focused row becomes
  // the selection again (onFocus). Focus still on the previous row would select it, and
  // the key after would tag the wrong claim.
  const activeId = useRef<number | undefined>(undefined);
  activeId.current = tableRows[active]?.original.id;
  useLayoutEffect(() => {
    if (!hydrated || tableRows.length === 0) return;
    virtualizer.scrollToIndex(active, { align: "auto" });
    const id = tableRows[active]?.original.id;
    if (id === undefined) return;
    const focusRow = () => {
      const element = rowRefs.current.get(id);
      // The virtualizer's estimate can leave the row half under the edge.
      if (element && scrollRef.current) revealRow(scrollRef.current, element);
      if (!isTypingTarget(document.activeElement)) element?.focus({ preventScroll: true });
    };
    // A row scrolled far into view is rendered on the next frame.
    if (rowRefs.current.has(id)) focusRow();
    else requestAnimationFrame(focusRow);
  }, [active, hydrated]); // eslint-disable-line react-hooks/exhaustive-deps

  // Opening or closing the panel (or resizing the window) changes the table's height: the
  // selected row stays in view.
  useEffect(() => {
    const box = scrollRef.current;
    if (!hydrated || !box || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      const id = activeId.current;
      const row = id === undefined ? undefined : rowRefs.current.get(id);
      if (row) revealRow(box, row);
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, [hydrated]);

  // Until hydrated every row is rendered (it works without JavaScript); then only the visible ones.
  const virtualItems = hydrated ? virtualizer.getVirtualItems() : null;
  const visible: Array<{ row: Row<ClaimRow>; index: number }> = virtualItems
    ? virtualItems.map((item) => ({ row: tableRows[item.index]!, index: item.index }))
    : tableRows.map((row, index) => ({ row, index }));
  const first = virtualItems?.[0];
  const last = virtualItems?.[virtualItems.length - 1];
  const paddingTop = first ? first.start : 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - last.end : 0;
  const columnCount = table.getVisibleLeafColumns().length;

  return (
    <div ref={scrollRef} className="table-scroll">
      <table className={`data-table claims-table${compact ? " compact" : ""}`} aria-label="Claims" aria-rowcount={total}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <SortableHeader key={header.id} header={header} query={query} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          <Spacer height={paddingTop} columns={columnCount} />
          {visible.map(({ row, index }) => (
            <ClaimTableRow
              key={row.id}
              row={row}
              index={index}
              rowIndex={(query.page - 1) * query.size + index + 2}
              active={index === active}
              checked={row.getIsSelected() || allMatching}
              rowRef={(element) => {
                if (element) {
                  rowRefs.current.set(row.original.id, element);
                  if (hydrated) virtualizer.measureElement(element);
                } else rowRefs.current.delete(row.original.id);
              }}
              onActivate={onActivate}
              onOpen={onOpen}
            />
          ))}
          <Spacer height={paddingBottom} columns={columnCount} />
        </tbody>
      </table>
      {tableRows.length === 0 ? <p className="empty">No claims match these filters.</p> : null}
    </div>
  );
}
