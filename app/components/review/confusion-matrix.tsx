import { Link } from "react-router";
import type { MatrixCell } from "../../lib/agreement/report";

interface ConfusionMatrixProps {
  caption: string;
  /** Whose verdicts are the rows and the columns. */
  rowsAre: string;
  columnsAre: string;
  categories: readonly string[];
  cells: MatrixCell[][];
  /** The link that lists a cell's claims. */
  cellHref: (row: number, column: number) => string;
  selected?: { row: number; column: number } | null;
}

/**
 * A confusion matrix as a heat map: a real table (screen readers read it cell by cell),
 * shaded by count, the diagonal (agreement) in green and the rest in red, each count a
 * link to the claims behind it.
 */
export function ConfusionMatrix({ caption, rowsAre, columnsAre, categories, cells, cellHref, selected }: ConfusionMatrixProps) {
  const max = Math.max(1, ...cells.flat().map((cell) => cell.count));
  return (
    <table className="confusion-matrix">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <td className="corner">
            <span className="axis-rows">{rowsAre} ↓</span> <span className="axis-columns">{columnsAre} →</span>
          </td>
          {categories.map((category) => (
            <th key={category} scope="col">
              {category}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {cells.map((row, i) => (
          <tr key={categories[i]}>
            <th scope="row">{categories[i]}</th>
            {row.map((cell, j) => {
              const share = cell.count / max;
              const isSelected = selected?.row === i && selected.column === j;
              const agreement = i === j;
              return (
                <td
                  key={categories[j]}
                  className={`${agreement ? "agree" : "disagree"}${isSelected ? " selected" : ""}`}
                  style={{ "--share": share.toFixed(3) } as React.CSSProperties}
                >
                  {cell.count > 0 ? (
                    <Link
                      to={cellHref(i, j)}
                      aria-label={`${cell.count} claims: ${rowsAre} ${categories[i]}, ${columnsAre} ${categories[j]}`}
                      aria-current={isSelected ? "true" : undefined}
                      preventScrollReset
                    >
                      {cell.count}
                    </Link>
                  ) : (
                    <span className="zero">0</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
