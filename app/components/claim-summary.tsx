import { type Reason, describeReason } from "../lib/extraction/reasons";

export function ReasonList({ reasons }: { reasons: Reason[] }) {
  if (reasons.length === 0) return <p className="meta">No check-worthiness signals.</p>;
  return (
    <ul className="reasons">
      {reasons.map((reason) => {
        const { direction, label, evidence } = describeReason(reason);
        return (
          <li key={`${reason.kind}-${direction}`}>
            {direction === "for" ? "For" : "Against"}: {label} <q>{evidence}</q>
          </li>
        );
      })}
    </ul>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`status-badge status-${status}`}>{status}</span>;
}
