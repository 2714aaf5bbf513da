import { useEffect, useRef, useState } from "react";
import { Link, useFetcher } from "react-router";
import { type HighlightClaim, segmentParagraphs } from "../lib/highlight";

const STATUS_LABEL: Record<string, string> = { unverified: "unverified", confirmed: "confirmed", disputed: "disputed" };

/** Offsets in the document's text of the current selection, when it lies inside the article. */
function selectionOffsets(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const locate = (node: Node, offset: number) => {
    const element = (node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element))?.closest<HTMLElement>("[data-start]");
    if (!element || !container.contains(element)) return null;
    const base = Number(element.dataset.start);
    return node.nodeType === Node.TEXT_NODE ? base + offset : base + (offset > 0 ? (element.textContent?.length ?? 0) : 0);
  };
  const start = locate(range.startContainer, range.startOffset);
  const end = locate(range.endContainer, range.endOffset);
  return start !== null && end !== null && end > start ? { start, end } : null;
}

export function ArticleReader(props: {
  text: string;
  claims: HighlightClaim[];
  selectedClaimId: number | null;
  canAddClaim: boolean;
  claimHref: (id: number) => string;
  /** Called once per claim added from the selection bar. */
  onAdded: (id: number) => void;
}) {
  const { text, claims, selectedClaimId, canAddClaim, claimHref, onAdded } = props;
  const container = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<{ start: number; end: number } | null>(null);
  const fetcher = useFetcher<{ ok: boolean; error?: string; addedClaimId?: number }>();
  const addedClaimId = fetcher.data?.ok ? fetcher.data.addedClaimId : undefined;
  useEffect(() => {
    if (addedClaimId !== undefined) onAdded(addedClaimId);
    // Only a new result counts: onAdded changes identity on every render of the route.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.data]);

  useEffect(() => {
    if (!canAddClaim) return;
    const onChange = () => setSelected(container.current ? selectionOffsets(container.current) : null);
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [canAddClaim]);

  const paragraphs = segmentParagraphs(text, claims);
  return (
    <div>
      {canAddClaim && selected ? (
        <fetcher.Form method="post" className="selection-bar" onSubmit={() => setSelected(null)}>
          <input type="hidden" name="intent" value="add-claim" />
          <input type="hidden" name="start" value={selected.start} />
          <input type="hidden" name="end" value={selected.end} />
          <span className="meta">
            “{text.slice(selected.start, Math.min(selected.end, selected.start + 80))}
            {selected.end - selected.start > 80 ? "…" : ""}”
          </span>
          <button type="submit" className="button primary small">
            Add claim
          </button>
        </fetcher.Form>
      ) : null}
      {fetcher.data?.error && fetcher.state === "idle" ? (
        <p className="alert alert-error" role="alert" id="selection-add-error">
          {fetcher.data.error}
        </p>
      ) : null}
      <div ref={container} className="article-text" aria-label="Article text">
        {paragraphs.map((segments, index) => (
          <p key={index}>
            {segments.map((segment) =>
              segment.claim ? (
                <Link
                  key={segment.start}
                  to={claimHref(segment.claim.id)}
                  preventScrollReset
                  data-start={segment.start}
                  className={`claim-mark status-${segment.claim.status}${segment.claim.id === selectedClaimId ? " selected" : ""}`}
                  aria-label={`Claim ${segment.claim.id}, ${STATUS_LABEL[segment.claim.status] ?? segment.claim.status}: ${text.slice(segment.start, segment.end)}`}
                  aria-current={segment.claim.id === selectedClaimId ? "true" : undefined}
                >
                  {text.slice(segment.start, segment.end)}
                </Link>
              ) : (
                <span key={segment.start} data-start={segment.start}>
                  {text.slice(segment.start, segment.end)}
                </span>
              ),
            )}
          </p>
        ))}
      </div>
    </div>
  );
}
