import type { ClaimPage } from "../../lib/review-types";
import { ClaimDetails } from "../claim-details";

/** The open claim beside the table: the same page as the claim's own route. */
export function ClaimPanel({ claimId, page, onClose }: { claimId: number; page: ClaimPage | null; onClose: () => void }) {
  return (
    <aside className="claim-panel card" aria-label="Claim details">
      <div className="panel-head">
        <h2>Claim {claimId}</h2>
        <button type="button" className="button small" onClick={onClose}>
          Close
        </button>
      </div>
      {page ? <ClaimDetails data={page} inPanel /> : <p className="meta">Loading…</p>}
    </aside>
  );
}
