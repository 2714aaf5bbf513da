import { CLAIM_STATUSES } from "../lib/claim-status";
import { ClaimForm, useClaimFormResult } from "./claim-form";

/** The plain form for setting a verdict: posts to the claim route's action and works without JavaScript. */
export function TagForm(props: {
  action: string;
  claimId: number;
  inPanel: boolean;
  version: number;
  status: string;
  rationale: string | null;
  error?: string | null;
}) {
  const { action, claimId, inPanel, version, status, rationale } = props;
  const result = useClaimFormResult(claimId, "tag", inPanel);
  const error = props.error ?? (result?.ok === false ? result.error : null);
  return (
    <ClaimForm action={action} claimId={claimId} name="tag" inPanel={inPanel} className="tag-form" aria-label="Set verdict">
      <input type="hidden" name="intent" value="tag" />
      <input type="hidden" name="version" value={version} />
      <fieldset>
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
          id={`rationale-${claimId}`}
          name="rationale"
          rows={3}
          defaultValue={rationale ?? ""}
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
