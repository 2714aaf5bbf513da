import { DECISION_KINDS, DECISION_KIND_LABELS, type DayCount } from "../../lib/review/progress";

const HEIGHT = 120;

function shortDay(day: string): string {
  const [, month, date] = day.split("-");
  return `${Number(date)}/${Number(month)}`;
}

/**
 * Decisions per day as stacked bars (SVG, drawn from data: no chart library needed for
 * this), with the same numbers in a table for screen readers and for reading exact values.
 */
export function DecisionsChart({ days, timeZone }: { days: DayCount[]; timeZone: string }) {
  const totals = days.map((day) => DECISION_KINDS.reduce((sum, kind) => sum + day.counts[kind], 0));
  const max = Math.max(1, ...totals);
  const width = 100 / Math.max(1, days.length);
  const all = totals.reduce((a, b) => a + b, 0);
  return (
    <figure className="decisions-chart">
      <figcaption>
        Decisions per day, last {days.length} days ({timeZone}): {all.toLocaleString("en")} in all
      </figcaption>
      <svg
        viewBox={`0 0 100 ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Bar chart of decisions per day; ${all} in the last ${days.length} days`}
      >
        {days.map((day, index) => {
          let y = HEIGHT;
          return (
            <g key={day.day}>
              {DECISION_KINDS.map((kind) => {
                const h = (day.counts[kind] / max) * (HEIGHT - 4);
                y -= h;
                return h > 0 ? (
                  <rect key={kind} className={`bar-${kind}`} x={index * width + width * 0.1} y={y} width={width * 0.8} height={h} />
                ) : null;
              })}
            </g>
          );
        })}
      </svg>
      <div className="chart-axis" aria-hidden="true">
        <span>{shortDay(days[0]?.day ?? "")}</span>
        <span>{shortDay(days[days.length - 1]?.day ?? "")}</span>
      </div>
      <ul className="chart-legend" aria-hidden="true">
        {DECISION_KINDS.map((kind) => (
          <li key={kind}>
            <span className={`swatch bar-${kind}`} /> {DECISION_KIND_LABELS[kind]}
          </li>
        ))}
      </ul>
      <details>
        <summary>The numbers by day</summary>
        <div className="table-scroll">
          <table className="data-table compact-table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                {DECISION_KINDS.map((kind) => (
                  <th key={kind} scope="col">
                    {DECISION_KIND_LABELS[kind]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {days
                .filter((_, i) => totals[i]! > 0)
                .map((day) => (
                  <tr key={day.day}>
                    <th scope="row">{day.day}</th>
                    {DECISION_KINDS.map((kind) => (
                      <td key={kind}>{day.counts[kind]}</td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
