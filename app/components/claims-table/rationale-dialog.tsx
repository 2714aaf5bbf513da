import type { RefObject } from "react";
import type { PendingTag } from "./use-tagging";

interface RationaleDialogProps {
  dialogRef: RefObject<HTMLDialogElement | null>;
  pending: PendingTag | null;
  onSave: (pending: PendingTag, rationale: string) => void;
  onClose: () => void;
  announce: (message: string) => void;
}

/** Asks for the rationale a confirmed or disputed verdict needs. Enter saves. */
export function RationaleDialog({ dialogRef, pending, onSave, onClose, announce }: RationaleDialogProps) {
  return (
    <dialog ref={dialogRef} aria-labelledby="rationale-title" onClose={onClose}>
      <form
        method="dialog"
        onSubmit={(event) => {
          const rationale = String(new FormData(event.currentTarget).get("rationale") ?? "").trim();
          if (
            pending &&
            event.nativeEvent instanceof SubmitEvent &&
            (event.nativeEvent.submitter as HTMLButtonElement | null)?.value === "save"
          ) {
            if (!rationale) {
              event.preventDefault();
              announce("A rationale is required.");
              return;
            }
            onSave(pending, rationale);
          }
          event.currentTarget.reset();
        }}
      >
        <h2 id="rationale-title">
          Mark claim {pending?.claimId} {pending?.status}
        </h2>
        <div className="field">
          <label htmlFor="rationale-input">Rationale</label>
          <textarea
            id="rationale-input"
            name="rationale"
            rows={3}
            autoFocus
            required
            onKeyDown={(event) => {
              if (event.key === "Enter" && !event.shiftKey) {
                event.preventDefault();
                event.currentTarget.form?.querySelector<HTMLButtonElement>('button[value="save"]')?.click();
              }
            }}
          />
          <p className="hint">Enter saves; Shift+Enter adds a line.</p>
        </div>
        <button type="submit" value="save" className="button primary">
          Save verdict
        </button>{" "}
        <button type="submit" value="cancel" className="button" formNoValidate>
          Cancel
        </button>
      </form>
    </dialog>
  );
}
