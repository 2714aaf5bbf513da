import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { CLAIM_STATUSES, type ClaimStatus, isClaimStatus } from "../../lib/claim-status";
import type { ClaimRow } from "../../lib/review-types";
import { statusMenuAction } from "../../lib/status-menu-keys";

export const STATUS_LISTBOX_ID = "claim-status-listbox";
export const statusOptionId = (status: ClaimStatus) => `claim-status-option-${status}`;

/** The one status list of the table, open below one row's control. */
export interface OpenStatusMenu {
  claimId: number;
  highlighted: ClaimStatus;
  anchor: HTMLElement;
}

/**
 * Each row's status is a button (a select-only combobox) that opens one list shared by the
 * table, instead of a <select> of three options per row: 150 <option> elements were a large
 * part of a full page's server rendering (docs/benchmarks.md, 2026-12-03). Focus stays on the
 * row's control while the list is open (aria-activedescendant), as with a native select.
 */
export function useStatusMenu({ rows, requestTag }: { rows: ClaimRow[]; requestTag: (row: ClaimRow, status: ClaimStatus) => void }) {
  const [menu, setMenu] = useState<OpenStatusMenu | null>(null);
  // Read by the callbacks the rows hold (kept the same, so the rows are not rendered again).
  const rowsRef = useRef(rows);
  const menuRef = useRef(menu);
  useLayoutEffect(() => {
    rowsRef.current = rows;
    menuRef.current = menu;
  });

  const close = useCallback(() => setMenu(null), []);
  const choose = useCallback(
    (claimId: number, status: ClaimStatus) => {
      setMenu(null);
      const row = rowsRef.current.find((candidate) => candidate.id === claimId);
      if (row && row.status !== status) requestTag(row, status);
    },
    [requestTag],
  );
  const toggle = useCallback((row: ClaimRow, anchor: HTMLElement) => {
    // Safari does not focus a clicked button: the list's keys go to the control that opened it.
    anchor.focus();
    setMenu((open) =>
      open?.claimId === row.id ? null : { claimId: row.id, anchor, highlighted: isClaimStatus(row.status) ? row.status : "unverified" },
    );
  }, []);
  const onKeyDown = useCallback(
    (row: ClaimRow, event: KeyboardEvent<HTMLElement>) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const open = menuRef.current?.claimId === row.id ? menuRef.current : null;
      const current = isClaimStatus(row.status) ? row.status : "unverified";
      const action = statusMenuAction({ key: event.key, open: !!open, current, highlighted: open?.highlighted ?? current });
      if (action.kind === "none") return;
      if (action.kind === "close-and-continue") return setMenu(null);
      // Handled here: the table's own shortcuts (on the window) leave the key alone.
      event.preventDefault();
      if (action.kind === "open" || action.kind === "highlight")
        setMenu({ claimId: row.id, anchor: event.currentTarget, highlighted: action.highlighted });
      else if (action.kind === "choose") choose(row.id, action.status);
      else setMenu(null);
    },
    [choose],
  );

  // The list belongs to a row on screen: a reload without its claim, or the row scrolled out of the
  // table's window (its control gone from the page), closes it for good rather than hiding it.
  const shown = menu && menu.anchor.isConnected && rows.some((row) => row.id === menu.claimId) ? menu : null;
  // Cleared while rendering (React's pattern for state that follows props), so it cannot come back with the claim.
  if (menu && !shown) setMenu(null);
  // Focus leaving the control (a shortcut to the search box, a tab) closes the list too.
  const onBlur = useCallback((row: ClaimRow) => {
    if (menuRef.current?.claimId === row.id) setMenu(null);
  }, []);
  return { menu: shown, toggle, onKeyDown, onBlur, choose, close };
}

/** The shared list of statuses, placed under (or, near the bottom of the window, over) the open control, following it. */
export function StatusListbox({
  menu,
  current,
  onChoose,
  onClose,
}: {
  menu: OpenStatusMenu | null;
  current: string | undefined;
  onChoose: (claimId: number, status: ClaimStatus) => void;
  onClose: () => void;
}) {
  const list = useRef<HTMLUListElement>(null);
  // Scrolling (selecting a row scrolls it into view) or resizing moves the control: the list follows it.
  const [, setPlacement] = useState(0);
  // A click elsewhere closes it.
  useEffect(() => {
    if (!menu) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!list.current?.contains(target) && !menu.anchor.contains(target)) onClose();
    };
    // Scrolled out of the table's window, the row's control is gone: the list closes instead of floating.
    const follow = () => (menu.anchor.isConnected ? setPlacement((count) => count + 1) : onClose());
    document.addEventListener("pointerdown", onPointerDown);
    window.addEventListener("scroll", follow, true);
    window.addEventListener("resize", follow);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      window.removeEventListener("scroll", follow, true);
      window.removeEventListener("resize", follow);
    };
  }, [menu, onClose]);
  if (!menu) return null;
  const box = menu.anchor.getBoundingClientRect();
  // About three options' height: near the bottom of the window the list opens upwards.
  const upwards = box.bottom + 110 > window.innerHeight;
  return (
    <ul
      ref={list}
      id={STATUS_LISTBOX_ID}
      role="listbox"
      aria-label={`Status of claim ${menu.claimId}`}
      className="status-listbox"
      style={{
        left: box.left,
        minWidth: box.width,
        ...(upwards ? { bottom: window.innerHeight - box.top } : { top: box.bottom }),
      }}
    >
      {CLAIM_STATUSES.map((status) => (
        <li
          key={status}
          id={statusOptionId(status)}
          role="option"
          // The highlighted option is the selected one while the list is open (WAI-ARIA select-only combobox); the claim's status is marked apart.
          aria-selected={status === menu.highlighted}
          className={`status-option status-${status}${status === menu.highlighted ? " highlighted" : ""}${status === current ? " current" : ""}`}
          // Focus stays on the row's control.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(menu.claimId, status)}
        >
          {status}
        </li>
      ))}
    </ul>
  );
}
