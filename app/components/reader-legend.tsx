import type { ClaimStatus } from "../lib/claim-status";

type MarkKind = ClaimStatus | "dismissed";

// Keyed by every kind of mark the reader draws, so a new status fails to compile until it is explained here.
const MEANINGS: Record<MarkKind, string> = {
  unverified: "Unverified: nobody has given a verdict yet.",
  confirmed: "Confirmed: the claim holds up.",
  disputed: "Disputed: the claim does not hold up.",
  dismissed: "Dismissed candidate: not worth checking (shown only on request).",
};

/** What the highlight colours in the reader mean, drawn with the marks' own classes. */
export function ReaderLegend() {
  return (
    <details className="reader-legend">
      <summary>What the highlights mean</summary>
      <ul>
        {(Object.keys(MEANINGS) as MarkKind[]).map((kind) => (
          <li key={kind}>
            <span className={`claim-mark status-${kind}`} aria-hidden="true">
              Sample
            </span>{" "}
            {MEANINGS[kind]}
          </li>
        ))}
      </ul>
    </details>
  );
}
