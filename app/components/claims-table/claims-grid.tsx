import { useVirtualizer } from "@tanstack/react-virtual";
import { type KeyboardEvent, type MouseEvent, useCallback, useEffect, useLayoutEffect, useRef } from "react";
import { Link, useNavigate } from "react-router";
import { type ClaimQuery, claimQueryToSearch } from "../../lib/claim-query";
import { isPlainLinkClick } from "../../lib/link-clicks";
import type { ClaimRow } from "../../lib/review-types";
import { type ClaimColumn, DESCENDING_FIRST, SORT_OF_COLUMN } from "./columns";
import { ClaimTableRow } from "./claim-table-row";
import type { OpenStatusMenu } from "./status-menu";
import { isTypingTarget } from "./use-table-keyboard";

/** About the sticky header's height, in pixels. */
const HEADER_HEIGHT = 28;

interface GridProps {
  rows: ClaimRow[];
  columns: readonly ClaimColumn[];
  slug: string;
  timeZone: string;
  canTag: boolean;
  /** Claims ticked for a bulk change. */
  selected: Readonly<Record<number, boolean>>;
  onToggleSelected: (claimId: number) => void;
  /** The shared status list, if open (on one row). */
  statusMenu: OpenStatusMenu | null;
  onStatusClick: (row: ClaimRow, control: HTMLElement) => void;
  onStatusKeyDown: (row: ClaimRow, event: KeyboardEvent<HTMLElement>) => void;
  onStatusBlur: (row: ClaimRow) => void;
  query: ClaimQuery;
  total: number;
  compact: boolean;
  hydrated: boolean;
  active: number;
  allMatching: boolean;
  onActivate: (index: number) => void;
  onOpen: (claimId: number) => void;
}

function SortableHeader({ column, query }: { column: ClaimColumn; query: ClaimQuery }) {
  const sort = SORT_OF_COLUMN[column.id];
  const sorted = sort && query.sort === sort ? query.dir : null;
  const label = column.headerHidden ? <span className="visually-hidden">{column.header}</span> : column.header;
  return (
    <th
      scope="col"
      className={`col-${column.id}`}
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
export function ClaimsGrid(props: GridProps) {
  const { rows, columns, selected, query, total, compact, hydrated, active, allMatching, onActivate, onOpen } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rowRefs = useRef(new Map<number, HTMLTableRowElement>());
  const navigate = useNavigate();
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    // Rows hold a clamped claim (styles/claims-workspace.css): one or two lines high.
    estimateSize: () => (compact ? 26 : 42),
    // Sizes follow the claim, not the position: a live update or a sort that moves a row keeps its measured height.
    getItemKey: (index) => rows[index]!.id,
    // The sticky header covers the top of the scroll box: a row moved to from below stops under it.
    scrollPaddingStart: HEADER_HEIGHT,
    overscan: 12,
  });
  // One ref callback for every row (a new one per row and render would render every row
  // again): the row says which claim it is. It changes once, at hydration, so that the rows
  // the server rendered are measured from then on.
  const rowRef = useCallback(
    (element: HTMLTableRowElement | null) => {
      if (!element) return;
      const id = Number(element.dataset.claimId);
      rowRefs.current.set(id, element);
      if (hydrated) virtualizer.measureElement(element);
      return () => {
        if (rowRefs.current.get(id) === element) rowRefs.current.delete(id);
      };
    },
    [hydrated, virtualizer],
  );
  // Keyboard focus follows the selected row in the same commit: a dialog opened by the next
  // key returns focus to the element focused when it opened, and the focused row becomes
  // the selection again (onFocus). Focus still on the previous row would select it, and
  // the key after would tag the wrong claim.
  const activeId = useRef<number | undefined>(undefined);
  activeId.current = rows[active]?.id;
  useLayoutEffect(() => {
    if (!hydrated || rows.length === 0) return;
    virtualizer.scrollToIndex(active, { align: "auto" });
    const id = rows[active]?.id;
    if (id === undefined) return;
    const focusRow = () => {
      const element = rowRefs.current.get(id);
      // The virtualizer's estimate can leave the row half under the edge.
      if (element && scrollRef.current) revealRow(scrollRef.current, element);
      // Focus already inside the row (its status control, a link) stays there.
      if (!isTypingTarget(document.activeElement) && !element?.contains(document.activeElement)) element?.focus({ preventScroll: true });
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

  // The rows' links are plain anchors: a plain click on one navigates in the app, as <Link> would.
  const onClick = (event: MouseEvent<HTMLElement>) => {
    const link = (event.target as Element).closest("a");
    if (!link || !event.currentTarget.contains(link) || link.origin !== window.location.origin) return;
    if (!isPlainLinkClick(event, { target: link.getAttribute("target"), download: link.hasAttribute("download") })) return;
    event.preventDefault();
    void navigate(`${link.pathname}${link.search}${link.hash}`);
  };

  // Until hydrated every row is rendered (it works without JavaScript); then only the visible ones.
  const virtualItems = hydrated ? virtualizer.getVirtualItems() : null;
  const visible: Array<{ row: ClaimRow; index: number }> = virtualItems
    ? virtualItems.map((item) => ({ row: rows[item.index]!, index: item.index }))
    : rows.map((row, index) => ({ row, index }));
  const first = virtualItems?.[0];
  const last = virtualItems?.[virtualItems.length - 1];
  const paddingTop = first ? first.start : 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - last.end : 0;

  return (
    <div ref={scrollRef} className="table-scroll" onClick={onClick}>
      <table className={`data-table claims-table${compact ? " compact" : ""}`} aria-label="Claims" aria-rowcount={total}>
        <thead>
          <tr>
            {columns.map((column) => (
              <SortableHeader key={column.id} column={column} query={query} />
            ))}
          </tr>
        </thead>
        <tbody>
          <Spacer height={paddingTop} columns={columns.length} />
          {visible.map(({ row, index }) => (
            <ClaimTableRow
              key={row.id}
              row={row}
              columns={columns}
              slug={props.slug}
              timeZone={props.timeZone}
              canTag={props.canTag}
              index={index}
              rowIndex={(query.page - 1) * query.size + index + 2}
              active={index === active}
              checked={!!selected[row.id] || allMatching}
              allMatching={allMatching}
              rowRef={rowRef}
              onActivate={onActivate}
              onOpen={onOpen}
              onToggleSelected={props.onToggleSelected}
              statusMenu={props.statusMenu?.claimId === row.id ? props.statusMenu : null}
              onStatusClick={props.onStatusClick}
              onStatusKeyDown={props.onStatusKeyDown}
              onStatusBlur={props.onStatusBlur}
            />
          ))}
          <Spacer height={paddingBottom} columns={columns.length} />
        </tbody>
      </table>
      {rows.length === 0 ? <p className="empty">No claims match these filters.</p> : null}
    </div>
  );
}
