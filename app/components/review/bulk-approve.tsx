import { useFetcher } from "react-router";
import { failureMessage, succeeded } from "../../lib/action-result";
import type { TableFormResult } from "../../lib/review-types";

interface BulkApproveProps {
  /** The table route, whose action approves. */
  action: string;
  /** The current filters as a query string, for approving every matching claim. */
  search: string;
  selectedIds: number[];
  allMatching: boolean;
  total: number;
}

function skippedSentence(skipped: Record<string, number>): string {
  const parts = [
    [skipped.notReviewed, "not reviewed twice"],
    [skipped.proposed, "waiting for a second review"],
    [skipped.disagreed, "waiting for adjudication"],
    [skipped.approved, "already approved"],
  ].filter(([count]) => Number(count) > 0);
  return parts.length > 0 ? ` Left as they are: ${parts.map(([count, why]) => `${count} ${why}`).join(", ")}.` : "";
}

/** An editor's sign-off of the selected claims, or of all matching the filters: only final verdicts are approved. */
export function BulkApprove({ action, search, selectedIds, allMatching, total }: BulkApproveProps) {
  const preview = useFetcher<TableFormResult>();
  const apply = useFetcher<TableFormResult>();
  const nothingChosen = !allMatching && selectedIds.length === 0;
  const previewed = succeeded(preview.data)?.approval;
  const applied = succeeded(apply.data)?.approval;
  const fields = (intent: string) => {
    const form = new FormData();
    form.set("intent", intent);
    form.set("scope", allMatching ? "filter" : "selected");
    form.set("search", search);
    if (!allMatching) for (const id of selectedIds) form.append("ids", String(id));
    return form;
  };
  return (
    <section className="bulk-approve card" aria-label="Bulk approval">
      <span>{allMatching ? `All ${total} matching claims` : `${selectedIds.length} selected`}</span>{" "}
      {(
        [
          [preview, "approve-preview", "button small", "Preview approval"],
          [apply, "approve-apply", "button small primary", "Approve verdicts"],
        ] as const
      ).map(([fetcher, intent, className, label]) => (
        <button
          key={intent}
          type="button"
          className={className}
          disabled={nothingChosen}
          onClick={() => void fetcher.submit(fields(intent), { method: "post", action })}
        >
          {label}
        </button>
      ))}
      <div aria-live="polite">
        {previewed && !applied ? (
          <p>
            This will approve {previewed.approved} of {previewed.matched} claims.{skippedSentence(previewed.skipped)}
          </p>
        ) : null}
        {applied ? (
          <p>
            Approved {applied.approved} of {applied.matched} claims; their verdicts are locked.{skippedSentence(applied.skipped)}
          </p>
        ) : null}
        {[failureMessage(preview.data), failureMessage(apply.data)].filter(Boolean).map((message) => (
          <p key={message} className="field-error" role="alert">
            {message}
          </p>
        ))}
      </div>
    </section>
  );
}
