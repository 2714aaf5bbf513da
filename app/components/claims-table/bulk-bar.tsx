import { useEffect, useRef, useState } from "react";
import { useFetcher } from "react-router";
import { failureMessage, succeeded } from "../../lib/action-result";
import { CLAIM_STATUSES } from "../../lib/claim-status";
import type { Person, TableFormResult } from "../../lib/review-types";

interface BulkBarProps {
  /** The table route with the current view: posting there keeps the view without JavaScript. */
  action: string;
  /** The current filters as a query string, for a change to every matching claim. */
  search: string;
  total: number;
  members: Person[];
  selectedIds: number[];
  allMatching: boolean;
  setAllMatching: (all: boolean) => void;
  /** After a change is applied: the selection is spent. */
  onApplied: (changed: number) => void;
}

function useSecondsLeft(until: string | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until ? Math.max(0, Math.ceil((new Date(until).getTime() - now) / 1000)) : 0;
}

type BulkStep = "preview" | "apply" | "undo";

/**
 * A change to many claims at once: preview, apply, then undo for a short while. Each fetcher
 * keeps its last answer; only the latest step's is shown (a preview is gone once applied or
 * undone, or once the claims it counted are no longer the ones chosen), except the undo
 * button, which stays for its 30 seconds until used.
 */
export function BulkBar({ action, search, total, members, selectedIds, allMatching, setAllMatching, onApplied }: BulkBarProps) {
  const previewFetcher = useFetcher<TableFormResult>();
  const applyFetcher = useFetcher<TableFormResult>();
  const undoFetcher = useFetcher<TableFormResult>();
  const formRef = useRef<HTMLFormElement>(null);
  const target = allMatching ? `all:${search}` : `ids:${selectedIds.join(",")}`;
  const [latest, setLatest] = useState<{ step: BulkStep; target: string } | null>(null);
  const isLatest = (step: BulkStep) => latest?.step === step;
  // The change whose undo was asked for: its button is gone, unless the undo failed.
  const [undoAsked, setUndoAsked] = useState<number | null>(null);
  const bulkResult = succeeded(applyFetcher.data)?.bulk;
  const preview = isLatest("preview") && latest?.target === target ? succeeded(previewFetcher.data)?.preview : undefined;
  const undone = isLatest("undo") ? succeeded(undoFetcher.data)?.undone : undefined;
  const undoSeconds = useSecondsLeft(bulkResult?.undoUntil);
  const nothingChosen = !allMatching && selectedIds.length === 0;

  useEffect(() => {
    const bulk = succeeded(applyFetcher.data)?.bulk;
    if (applyFetcher.state === "idle" && bulk) onApplied(bulk.changed);
  }, [applyFetcher.state, applyFetcher.data]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section className="bulk-bar card" aria-label="Bulk change">
      <applyFetcher.Form
        method="post"
        action={action}
        ref={formRef}
        className="bulk-form"
        onSubmit={() => setLatest({ step: "apply", target })}
      >
        <input type="hidden" name="scope" value={allMatching ? "filter" : "selected"} />
        <input type="hidden" name="search" value={search} />
        {allMatching ? null : selectedIds.map((id) => <input key={id} type="hidden" name="ids" value={id} />)}
        <span>{allMatching ? `All ${total} matching claims` : `${selectedIds.length} selected`}</span>
        <label className="checkbox-inline">
          <input type="checkbox" checked={allMatching} onChange={(e) => setAllMatching(e.target.checked)} /> Select all {total} claims
          matching the filters
        </label>
        <label>
          Set status{" "}
          <select name="status" defaultValue="">
            <option value="">(keep)</option>
            {CLAIM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Bulk rationale <input name="rationale" />
        </label>
        <label>
          Set assignee{" "}
          <select name="assigneeId" defaultValue="keep">
            <option value="keep">(keep)</option>
            <option value="none">Nobody</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button small"
          disabled={nothingChosen}
          onClick={() => {
            const form = new FormData(formRef.current!);
            form.set("intent", "bulk-preview");
            setLatest({ step: "preview", target });
            void previewFetcher.submit(form, { method: "post", action });
          }}
        >
          Preview change
        </button>
        <button type="submit" name="intent" value="bulk-apply" className="button small primary" disabled={nothingChosen}>
          Apply change
        </button>
      </applyFetcher.Form>
      <div aria-live="polite" className="bulk-messages">
        {preview ? (
          <p>
            This will change {preview.willChange} of {preview.matched} claims.
          </p>
        ) : null}
        {isLatest("preview") && failureMessage(previewFetcher.data) ? (
          <p className="field-error">{failureMessage(previewFetcher.data)}</p>
        ) : null}
        {isLatest("apply") && failureMessage(applyFetcher.data) ? <p className="field-error">{failureMessage(applyFetcher.data)}</p> : null}
        {bulkResult && (bulkResult.operationId !== undoAsked || failureMessage(undoFetcher.data)) ? (
          <undoFetcher.Form
            method="post"
            action={action}
            className="inline-form"
            onSubmit={() => {
              setLatest({ step: "undo", target });
              setUndoAsked(bulkResult.operationId);
            }}
          >
            <span>Changed {bulkResult.changed} claims.</span>
            <input type="hidden" name="intent" value="undo" />
            <input type="hidden" name="operationId" value={bulkResult.operationId} />
            {undoSeconds > 0 ? (
              <button type="submit" className="button small">
                Undo ({undoSeconds} s)
              </button>
            ) : null}
          </undoFetcher.Form>
        ) : null}
        {undone ? (
          <p>
            Undone: {undone.restored} claims restored
            {undone.skipped ? `, ${undone.skipped} left as others changed them since` : ""}.
          </p>
        ) : null}
        {isLatest("undo") && failureMessage(undoFetcher.data) ? <p className="field-error">{failureMessage(undoFetcher.data)}</p> : null}
      </div>
    </section>
  );
}
