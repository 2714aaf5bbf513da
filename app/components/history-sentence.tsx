import type { HistoryLine, Segment } from "../lib/history";

/** A history sentence's segments: titles in italics, addresses as links that open in a new tab. */
export function Segments({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        typeof segment === "string" ? (
          segment
        ) : "em" in segment ? (
          <em key={i}>{segment.em}</em>
        ) : (
          <a key={i} href={segment.href} rel="noopener noreferrer nofollow" target="_blank">
            {segment.text}
          </a>
        ),
      )}
    </>
  );
}

/** One line of a claim's history: "1 Dec 2026, 13:53 EST · Lucía Rivera linked a source …". */
export function HistoryEntry({ line, iso }: { line: HistoryLine; iso: string }) {
  return (
    <>
      <time dateTime={iso}>{line.at}</time> · <strong>{line.actor}</strong> <Segments segments={line.did} />
    </>
  );
}
