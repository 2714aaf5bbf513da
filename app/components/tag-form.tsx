import { useState } from "react";
import { CLAIM_STATUSES } from "../lib/claim-status";
import { ClaimForm, useClaimFormResult } from "./claim-form";

interface TagFormProps {
  action: string;
  claimId: number;
  inPanel: boolean;
  version: number;
  status: string;
  rationale: string | null;
  error?: string | null;
  /** What was typed in the form when it was refused (on the claim page; in the panel the form's own result has it). */
  values?: Record<string, string>;
}

/**
 * The plain form for setting a verdict: posts to the claim route's action and works without JavaScript.
 * It answers the version the person read: a live update shows the claim as it is now but leaves a
 * form they have started alone, and a refused verdict (someone saved first) comes back as they left
 * it, beside its message, now answering the new version.
 */
export function TagForm(props: TagFormProps) {
  const { action, claimId, inPanel } = props;
  const result = useClaimFormResult(claimId, "tag", inPanel);
  const failed = result?.ok === false ? result : null;
  const error = props.error ?? failed?.error ?? null;
  const typed = props.values ?? failed?.values;
  const typedKey = typed ? JSON.stringify(typed) : "";
  const [shown, setShown] = useState({ version: props.version, typedKey, generation: 0 });
  const [dirty, setDirty] = useState(false);
  // Adjusted while rendering (not in an effect), so the fields never show a version they do not answer.
  if (typedKey !== shown.typedKey || (!dirty && props.version !== shown.version)) {
    setShown({ version: props.version, typedKey, generation: shown.generation + 1 });
    setDirty(false);
  }
  const status = typed?.status ?? props.status;
  const rationale = typed ? (typed.rationale ?? "") : (props.rationale ?? "");
  return (
    <ClaimForm
      action={action}
      claimId={claimId}
      name="tag"
      inPanel={inPanel}
      className="tag-form"
      aria-label="Set verdict"
      onChange={() => setDirty(true)}
      onSubmit={() => setDirty(false)}
    >
      <input type="hidden" name="intent" value="tag" />
      <input type="hidden" name="version" value={shown.version} />
      <fieldset key={`status-${shown.generation}`}>
        <legend>Verdict</legend>
        {CLAIM_STATUSES.map((s) => (
          <label key={s} className="checkbox-inline">
            <input type="radio" name="status" value={s} defaultChecked={s === status} /> {s}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`rationale-${claimId}`}>Rationale</label>
        <textarea
          key={`rationale-${shown.generation}`}
          id={`rationale-${claimId}`}
          name="rationale"
          rows={3}
          defaultValue={rationale}
          aria-describedby={error ? `tag-error-${claimId}` : undefined}
        />
      </div>
      {error ? (
        <p className="field-error" id={`tag-error-${claimId}`} role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button primary">
        Save verdict
      </button>
    </ClaimForm>
  );
}
