import { REASON_LABELS, type Reason } from "../lib/extraction/reasons";

export function ReasonList({ reasons }: { reasons: Reason[] }) {
  if (reasons.length === 0) return <p className="meta">No check-worthiness signals.</p>;
  return (
    <ul className="reasons">
      {reasons.map((reason) => (
        <li key={reason.kind}>
          Contains {REASON_LABELS[reason.kind] ?? reason.kind}: <q>{reason.evidence}</q>
        </li>
      ))}
    </ul>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`status-badge status-${status}`}>{status}</span>;
}
