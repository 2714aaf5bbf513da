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

/** A change to many claims at once: preview, apply, then undo for a short while. */
export function BulkBar({ action, search, total, members, selectedIds, allMatching, setAllMatching, onApplied }: BulkBarProps) {
  const previewFetcher = useFetcher<TableFormResult>();
  const applyFetcher = useFetcher<TableFormResult>();
  const undoFetcher = useFetcher<TableFormResult>();
  const formRef = useRef<HTMLFormElement>(null);
  const bulkResult = succeeded(applyFetcher.data)?.bulk;
  const preview = succeeded(previewFetcher.data)?.preview;
  const undone = succeeded(undoFetcher.data)?.undone;
  const undoSeconds = useSecondsLeft(bulkResult?.undoUntil);
  const nothingChosen = !allMatching && selectedIds.length === 0;

  useEffect(() => {
    const bulk = succeeded(applyFetcher.data)?.bulk;
    if (applyFetcher.state === "idle" && bulk) onApplied(bulk.changed);
  }, [applyFetcher.state, applyFetcher.data]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <section className="bulk-bar card" aria-label="Bulk change">
      <applyFetcher.Form method="post" action={action} ref={formRef} className="bulk-form">
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
        {failureMessage(previewFetcher.data) ? <p className="field-error">{failureMessage(previewFetcher.data)}</p> : null}
        {failureMessage(applyFetcher.data) ? <p className="field-error">{failureMessage(applyFetcher.data)}</p> : null}
        {bulkResult && !undone ? (
          <undoFetcher.Form method="post" action={action} className="inline-form">
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
        {failureMessage(undoFetcher.data) ? <p className="field-error">{failureMessage(undoFetcher.data)}</p> : null}
      </div>
    </section>
  );
}
