import { type RefObject, useLayoutEffect } from "react";
import { type ClaimStatus, STATUS_KEYS } from "../../lib/claim-status";
import type { ClaimRow } from "../../lib/review-types";

export function isTypingTarget(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(element.tagName));
}

interface KeyboardOptions {
  rows: ClaimRow[];
  active: number;
  setActive: (update: (index: number) => number) => void;
  openPanel: (claimId: number) => void;
  closePanel: () => void;
  requestTag: (row: ClaimRow, status: ClaimStatus) => void;
  /** Null for a role without bulk changes: `x` does nothing. */
  toggleSelected: ((claimId: number) => void) | null;
  searchInput: RefObject<HTMLInputElement | null>;
  showShortcuts: () => void;
  /** Keys go to an open dialog, not to the table. */
  dialogOpen: () => boolean;
}

/** The table's keyboard shortcuts (listed in `SHORTCUTS`), on the window while no field has focus. */
export function useTableKeyboard({
  rows,
  active,
  setActive,
  openPanel,
  closePanel,
  requestTag,
  toggleSelected,
  searchInput,
  showShortcuts,
  dialogOpen,
}: KeyboardOptions) {
  // A layout effect, so the handler is replaced in the same commit that shows new rows: a
  // key pressed right after a change is never handled with the previous rows' versions.
  useLayoutEffect(() => {
    function onKey(event: KeyboardEvent) {
      // A key a control of the table already handled (a row's status list) is not a shortcut too.
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      if (dialogOpen()) return;
      const row = rows[active];
      const key = event.key;
      const status = STATUS_KEYS[key];
      if (key === "j" || key === "ArrowDown") setActive((i) => Math.min(i + 1, rows.length - 1));
      else if (key === "k" || key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
      else if (key === "Enter" && row) openPanel(row.id);
      else if (key === "Escape") closePanel();
      else if (key === "/") searchInput.current?.focus();
      else if (key === "?") showShortcuts();
      else if (key === "x" && row && toggleSelected) toggleSelected(row.id);
      else if (status && row) requestTag(row, status);
      else return;
      event.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [rows, active, setActive, openPanel, closePanel, requestTag, toggleSelected, searchInput, showShortcuts, dialogOpen]);
}
