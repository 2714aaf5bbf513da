import type { RefObject } from "react";

/** Each shortcut with what it needs: `tag` (tagClaim) or `bulk` (bulkEdit); the keyboard hook ignores the others' keys too. */
export const SHORTCUTS: Array<{ keys: string; meaning: string; needs?: "tag" | "bulk" }> = [
  { keys: "j or ↓", meaning: "next claim" },
  { keys: "k or ↑", meaning: "previous claim" },
  { keys: "Enter", meaning: "open the claim's details" },
  { keys: "c or 1", meaning: "mark confirmed (asks for a rationale)", needs: "tag" },
  { keys: "d or 2", meaning: "mark disputed (asks for a rationale)", needs: "tag" },
  { keys: "u or 3", meaning: "mark unverified", needs: "tag" },
  { keys: "x", meaning: "select or unselect for a bulk change", needs: "bulk" },
  { keys: "/", meaning: "search" },
  { keys: "Esc", meaning: "close the panel or dialog" },
  { keys: "?", meaning: "show these shortcuts" },
];

/** The shortcuts a person with these rights can use. */
export function shortcutsFor(rights: { canTag: boolean; canBulk: boolean }) {
  return SHORTCUTS.filter(({ needs }) => !needs || (needs === "tag" ? rights.canTag : rights.canBulk));
}

export function ShortcutsDialog({
  dialogRef,
  canTag,
  canBulk,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  canTag: boolean;
  canBulk: boolean;
}) {
  return (
    <dialog ref={dialogRef} aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="data-table">
        <tbody>
          {shortcutsFor({ canTag, canBulk }).map(({ keys, meaning }) => (
            <tr key={keys}>
              <th scope="row">
                <kbd>{keys}</kbd>
              </th>
              <td>{meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="button">
          Close
        </button>
      </form>
    </dialog>
  );
}
