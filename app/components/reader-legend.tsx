const ENTRIES = [
  { status: "unverified", text: "Unverified: nobody has given a verdict yet." },
  { status: "confirmed", text: "Confirmed: the claim holds up." },
  { status: "disputed", text: "Disputed: the claim does not hold up." },
  { status: "dismissed", text: "Dismissed candidate: not worth checking (shown only on request)." },
] as const;

/** What the highlight colours in the reader mean; the same classes as the marks, so it cannot drift. */
export function ReaderLegend() {
  return (
    <details className="reader-legend">
      <summary>What the highlights mean</summary>
      <ul>
        {ENTRIES.map((entry) => (
          <li key={entry.status}>
            <span className={`claim-mark status-${entry.status}`} aria-hidden="true">
              Sample
            </span>{" "}
            {entry.text}
          </li>
        ))}
      </ul>
    </details>
  );
}
