import { Link } from "react-router";
import { DETAIL_KIND_LABELS, type FactVersionView } from "../lib/facts";
import { paths } from "../lib/paths";
import { HighlightedPassage } from "./suggestions";

export interface FactVersionsProps {
  slug: string;
  fact: { id: number; labelClaimId: number | null; versions: FactVersionView[] };
  /** Each version gets a checkbox `claimIds` (the verdict and split forms), ticked when it states the label's details. */
  selectable: boolean;
  /** Each version gets a "move to fact" field, submitted by the form `move-<claimId>` rendered by MoveForms. */
  canMove: boolean;
}

export const moveFormId = (claimId: number) => `move-claim-${claimId}`;

/** The fact's versions side by side, one card per claim, the details that differ highlighted. */
export function FactVersions({ slug, fact, selectable, canMove }: FactVersionsProps) {
  return (
    <ul className="fact-versions" aria-label="Versions of this fact">
      {fact.versions.map((version) => {
        const marks = Object.values(version.values).filter((v): v is string => Boolean(v));
        const checkboxId = `fact-claim-${version.claimId}`;
        return (
          <li key={version.claimId} className={`card fact-version${version.sameAsLabel ? "" : " differs"}`}>
            <header>
              <strong>{version.outlet ?? version.documentTitle}</strong>
              {version.outlet ? <span className="meta"> · {version.documentTitle}</span> : null}
            </header>
            <blockquote>
              <HighlightedPassage text={version.text} marks={marks} />
            </blockquote>
            {Object.keys(version.values).length > 0 ? (
              <p className="meta">
                {Object.entries(version.values)
                  .map(([kind, value]) => `${DETAIL_KIND_LABELS[kind as keyof typeof DETAIL_KIND_LABELS]}: ${value}`)
                  .join(" · ")}
                {version.sameAsLabel ? "" : " (differs from the label's)"}
              </p>
            ) : null}
            <p>
              <span className={`status-badge status-${version.status}`}>{version.status}</span>
              {version.rationale ? <span className="meta"> “{version.rationale}”</span> : null}
              <span className="meta">
                {" "}
                · {version.sourceCount === 1 ? "1 source" : `${version.sourceCount} sources`}
                {version.claimId === fact.labelClaimId ? " · the fact's label" : ""}
                {version.pinned ? " · placed by hand" : ""}
              </span>
            </p>
            <p>
              <Link to={paths.claim(slug, version.claimId)}>Claim {version.claimId}</Link> ·{" "}
              <Link to={paths.document(slug, version.documentId, { claim: version.claimId })}>in the article</Link>
            </p>
            {selectable ? (
              <p>
                <input type="hidden" name="versions" value={`${version.claimId}:${version.version}`} />
                <input type="checkbox" id={checkboxId} name="claimIds" value={version.claimId} defaultChecked={version.sameAsLabel} />{" "}
                <label htmlFor={checkboxId}>
                  Include claim {version.claimId}
                  {version.sameAsLabel ? "" : " (details differ)"}
                </label>
              </p>
            ) : null}
            {canMove ? (
              <p className="inline-form">
                <input
                  name="to"
                  form={moveFormId(version.claimId)}
                  size={8}
                  placeholder="fact or new"
                  aria-label={`Move claim ${version.claimId} to fact (a number, or new)`}
                />{" "}
                <button className="button small" form={moveFormId(version.claimId)}>
                  Move claim {version.claimId}
                </button>
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
