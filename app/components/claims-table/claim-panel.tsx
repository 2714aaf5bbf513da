import { Link } from "react-router";
import { paths } from "../../lib/paths";
import type { ClaimPage } from "../../lib/review-types";
import { ClaimDetails } from "../claim-details";
import { ClaimContext } from "./claim-context";

/**
 * The open claim beside the table, a workspace of its own: the claim in its article, then the
 * claim page's details (verdict, sources, other articles, reasons, history).
 */
export function ClaimPanel({ claimId, page, onClose }: { claimId: number; page: ClaimPage | null; onClose: () => void }) {
  return (
    <aside className="claim-panel card" aria-label="Claim details">
      <div className="panel-head">
        <h2>Claim {claimId}</h2>
        {page ? (
          <Link className="meta" to={paths.claim(page.project.slug, claimId)}>
            Open its page
          </Link>
        ) : null}
        <button type="button" className="button small" onClick={onClose}>
          Close
        </button>
      </div>
      {page?.context ? <ClaimContext context={page.context} status={page.claim.status} /> : null}
      {page ? <ClaimDetails data={page} inPanel /> : <p className="meta">Loading…</p>}
    </aside>
  );
}
