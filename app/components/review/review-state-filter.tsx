import { REVIEW_STATES, REVIEW_STATE_LABELS } from "../../lib/review/review-state";

/** The review state filter of the claims table (`?review=proposed&review=disagreed`); several may be chosen. */
export function ReviewStateFilter({ selected }: { selected: readonly string[] | undefined }) {
  return (
    <fieldset>
      <legend>Review</legend>
      {REVIEW_STATES.map((state) => (
        <label key={state} className="checkbox-inline">
          <input type="checkbox" name="review" value={state} defaultChecked={selected?.includes(state) ?? false} />{" "}
          {REVIEW_STATE_LABELS[state]}
        </label>
      ))}
    </fieldset>
  );
}
