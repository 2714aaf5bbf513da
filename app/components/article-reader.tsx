import { useEffect, useRef, useState } from "react";
import { Form, Link } from "react-router";
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

/**
 * The article with its claims highlighted. Selecting text offers "Add claim": a plain form
 * post to the reader's action, which redirects to the reader with the new claim selected.
 */
export function ArticleReader(props: {
  text: string;
  claims: HighlightClaim[];
  selectedClaimId: number | null;
  canAddClaim: boolean;
  claimHref: (id: number) => string;
  /** Where the selection bar posts: the reader's action. */
  formAction: string;
  /** Why the last selection was refused, if it was. */
  selectionError: string | null;
}) {
  const { text, claims, selectedClaimId, canAddClaim, claimHref, formAction, selectionError } = props;
  const container = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<{ start: number; end: number } | null>(null);

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
        <Form
          method="post"
          action={formAction}
          preventScrollReset
          className="selection-bar"
          aria-label="Selected text"
          onSubmit={() => setSelected(null)}
        >
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
        </Form>
      ) : null}
      {selectionError ? (
        <p className="alert alert-error" role="alert" id="selection-add-error">
          {selectionError}
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
