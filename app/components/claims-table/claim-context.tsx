import type { ArticleContext } from "../../lib/claim-context";

/** The claim where it stands in its article, highlighted between the paragraphs around it. */
export function ClaimContext({ context, status }: { context: ArticleContext; status: string }) {
  const { before, paragraph, after } = context;
  return (
    <figure className="claim-context" aria-label="The claim in its article">
      {before ? <p className="context-around">{before}</p> : null}
      <p>
        {paragraph.lead}
        <mark className={`status-${status}`}>{paragraph.claim}</mark>
        {paragraph.tail}
      </p>
      {after ? <p className="context-around">{after}</p> : null}
    </figure>
  );
}
