import { CLAIM_STATUSES, type ClaimStatus, STATUS_KEYS } from "./claim-status";

/** What a key pressed on a row's status control does (the select-only combobox pattern of WAI-ARIA). */
export type StatusMenuAction =
  | { kind: "open"; highlighted: ClaimStatus }
  | { kind: "highlight"; highlighted: ClaimStatus }
  | { kind: "choose"; status: ClaimStatus }
  | { kind: "close" }
  /** Tab: the list closes and focus moves on as usual. */
  | { kind: "close-and-continue" }
  /** Not the control's key: the table's shortcuts (c, d, u, j, k…) act on the row. */
  | { kind: "none" };

/**
 * Closed, Enter, Space and the arrows open the list on the claim's status; other keys are the
 * table's. Open, the arrows (or j and k), Home and End move the highlight, Enter and Space
 * choose it, the table's verdict keys (c, d, u, 1, 2, 3) choose their status, Escape closes
 * and Tab closes and moves on.
 */
export function statusMenuAction(options: {
  key: string;
  open: boolean;
  /** The claim's status now. */
  current: ClaimStatus;
  /** The highlighted option while open. */
  highlighted: ClaimStatus;
}): StatusMenuAction {
  const { key, open, current, highlighted } = options;
  if (!open) {
    return key === "Enter" || key === " " || key === "ArrowDown" || key === "ArrowUp"
      ? { kind: "open", highlighted: current }
      : { kind: "none" };
  }
  const at = CLAIM_STATUSES.indexOf(highlighted);
  const last = CLAIM_STATUSES.length - 1;
  switch (key) {
    case "ArrowDown":
    case "j":
      return { kind: "highlight", highlighted: CLAIM_STATUSES[Math.min(at + 1, last)]! };
    case "ArrowUp":
    case "k":
      return { kind: "highlight", highlighted: CLAIM_STATUSES[Math.max(at - 1, 0)]! };
    case "Home":
      return { kind: "highlight", highlighted: CLAIM_STATUSES[0] };
    case "End":
      return { kind: "highlight", highlighted: CLAIM_STATUSES[last]! };
    case "Enter":
    case " ":
      return { kind: "choose", status: highlighted };
    case "Escape":
      return { kind: "close" };
    case "Tab":
      return { kind: "close-and-continue" };
  }
  const status = STATUS_KEYS[key];
  return status ? { kind: "choose", status } : { kind: "none" };
}
