import { type Row, flexRender } from "@tanstack/react-table";
import type { ClaimRow } from "../../lib/review-types";

interface RowProps {
  row: Row<ClaimRow>;
  /** Position on this page (the keyboard's index). */
  index: number;
  /** Position in the whole result, for aria-rowindex (the header row is 1). */
  rowIndex: number;
  /** The row the keyboard and the panel are on: it carries aria-selected. */
  active: boolean;
  /** Ticked for a bulk change (its checkbox says so to assistive technology). */
  checked: boolean;
  rowRef: (element: HTMLTableRowElement | null) => void;
  onActivate: (index: number) => void;
  onOpen: (claimId: number) => void;
}

/** One claim: the keyboard's roving tab stop sits on the active row. */
export function ClaimTableRow({ row, index, rowIndex, active, checked, rowRef, onActivate, onOpen }: RowProps) {
  return (
    <tr
      data-index={index}
      ref={rowRef}
      tabIndex={active ? 0 : -1}
      aria-selected={active}
      aria-rowindex={rowIndex}
      className={`${active ? "active-row " : ""}${checked ? "checked-row " : ""}status-row-${row.original.status}`}
      onClick={() => onActivate(index)}
      onDoubleClick={() => onOpen(row.original.id)}
      onFocus={() => onActivate(index)}
    >
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id} className={`col-${cell.column.id}`}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
}
