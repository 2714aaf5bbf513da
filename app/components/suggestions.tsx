import { useEffect, useState } from "react";
import { useFetcher, useRevalidator } from "react-router";
import type { ActionResult } from "../lib/action-result";
import { STANCE_OF_RELATION, type Suggestion, type SuggestionsResult } from "../lib/review-types";
import { paths } from "../lib/paths";

/** The passage with the given phrases marked, for the details that differ. */
export function HighlightedPassage({ text, marks }: { text: string; marks: string[] }) {
  const wanted = marks.filter((m) => m && text.includes(m));
  if (wanted.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${wanted.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`, "g");
  return (
    <>
      {text.split(pattern).map((part, index) =>
        wanted.includes(part) ? (
          <mark key={index} className="difference">
            {part}
          </mark>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}

function SuggestionItem({
  slug,
  claimId,
  suggestion,
  canLink,
}: {
  slug: string;
  claimId: number;
  suggestion: Suggestion;
  canLink: boolean;
}) {
  const action = useFetcher<ActionResult<{ intent: string }>>();
  const revalidator = useRevalidator();
  useEffect(() => {
    if (action.state === "idle" && action.data?.ok) revalidator.revalidate();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [action.state, action.data]);
  if (action.data?.ok === true)
    return (
      <li className="meta">
        {action.data.intent === "link-passage" ? "Linked as a source." : "Rejected; it will not be suggested again."}
      </li>
    );
  return (
    <li className={`suggestion relation-${suggestion.relation}`}>
      <span className={`relation relation-${suggestion.relation}`}>{suggestion.relation}</span>{" "}
      <span className="meta">score {suggestion.score.toFixed(2)}</span>
      <blockquote>
        <HighlightedPassage text={suggestion.text} marks={suggestion.differences.map((d) => d.there)} />
        <footer>{suggestion.documentTitle}</footer>
      </blockquote>
      {suggestion.differences.length > 0 ? (
        <p className="meta">Differs: {suggestion.differences.map((d) => `${d.kind} ${d.here} here, ${d.there} there`).join("; ")}</p>
      ) : null}
      {canLink ? (
        <action.Form method="post" action={paths.claimSuggestions(slug, claimId)} className="inline-form">
          <input type="hidden" name="documentId" value={suggestion.documentId} />
          <input type="hidden" name="start" value={suggestion.start} />
          <input type="hidden" name="end" value={suggestion.end} />
          <label className="visually-hidden" htmlFor={`stance-${suggestion.documentId}-${suggestion.start}`}>
            Stance of this passage
          </label>
          <select
            id={`stance-${suggestion.documentId}-${suggestion.start}`}
            name="stance"
            defaultValue={STANCE_OF_RELATION[suggestion.relation]}
          >
            <option value="supports">supports</option>
            <option value="refutes">refutes</option>
            <option value="context">context</option>
          </select>
          <button type="submit" name="intent" value="link-passage" className="button small">
            Link as source
          </button>
          <button type="submit" name="intent" value="reject-suggestion" className="button small">
            Not relevant
          </button>
        </action.Form>
      ) : null}
      {action.data?.ok === false ? (
        <p className="field-error" role="alert">
          {action.data.error}
        </p>
      ) : null}
    </li>
  );
}

/** "Find in other articles": loads suggestions on request and lets reviewers link or reject them. */
export function FindInOtherArticles({ slug, claimId, canLink }: { slug: string; claimId: number; canLink: boolean }) {
  const loader = useFetcher<SuggestionsResult>();
  const suggestions = loader.data?.ok ? loader.data.suggestions : undefined;
  const [asked, setAsked] = useState(false);
  return (
    <section aria-labelledby={`find-${claimId}`}>
      <h3 id={`find-${claimId}`}>Other articles</h3>
      <button
        type="button"
        className="button small"
        onClick={() => {
          setAsked(true);
          loader.load(paths.claimSuggestions(slug, claimId));
        }}
      >
        Find in other articles
      </button>
      <div aria-live="polite">
        {asked && loader.state === "loading" ? <p className="meta">Searching…</p> : null}
        {loader.data?.ok && loader.data.note ? <p className="meta">{loader.data.note}</p> : null}
        {loader.data?.ok === false ? <p className="field-error">{loader.data.error}</p> : null}
        {suggestions && suggestions.length === 0 ? <p className="meta">No passages in other articles match this claim.</p> : null}
        {suggestions && suggestions.length > 0 ? (
          <ol className="suggestion-list" aria-label="Passages in other articles">
            {suggestions.map((s) => (
              <SuggestionItem key={`${s.documentId}-${s.start}`} slug={slug} claimId={claimId} suggestion={s} canLink={canLink} />
            ))}
          </ol>
        ) : null}
      </div>
    </section>
  );
}
