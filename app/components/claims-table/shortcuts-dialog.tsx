import type { RefObject } from "react";

export const SHORTCUTS: Array<[string, string]> = [
  ["j or ↓", "next claim"],
  ["k or ↑", "previous claim"],
  ["Enter", "open the claim's details"],
  ["c or 1", "mark confirmed (asks for a rationale)"],
  ["d or 2", "mark disputed (asks for a rationale)"],
  ["u or 3", "mark unverified"],
  ["x", "select or unselect for a bulk change"],
  ["/", "search"],
  ["Esc", "close the panel or dialog"],
  ["?", "show these shortcuts"],
];

export function ShortcutsDialog({ dialogRef }: { dialogRef: RefObject<HTMLDialogElement | null> }) {
  return (
    <dialog ref={dialogRef} aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <table className="data-table">
        <tbody>
          {SHORTCUTS.map(([keys, meaning]) => (
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
