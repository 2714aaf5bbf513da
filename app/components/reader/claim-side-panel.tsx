import { Form, Link } from "react-router";
import type { Reason } from "../../lib/extraction/reasons";
import { paths } from "../../lib/paths";
import { ReasonList, StatusBadge } from "../claim-summary";
import { ReaderLegend } from "../reader-legend";
import { TagForm } from "../tag-form";

/** A claim as the reader's side panel shows it. */
export interface ReaderPanelClaim {
  id: number;
  text: string;
  status: string;
  rationale: string | null;
  speaker: string | null;
  checkworthiness: number;
  origin: string;
  version: number;
  dismissed: boolean;
  reasons: Reason[];
}

export interface ClaimSidePanelProps {
  slug: string;
  claim: ReaderPanelClaim | null;
  /** The claim was added on the visit that led here: its heading takes the focus, once. */
  justAdded: boolean;
  needsReanchoring: Array<Pick<ReaderPanelClaim, "id" | "text">>;
  /** Where the panel's own forms (dismiss, restore) post: the reader's action. */
  formAction: string;
  canTag: boolean;
  canDismiss: boolean;
  canRestore: boolean;
}

/**
 * Focuses an element when it mounts. One function for every render, so React calls it only when the
 * element appears (the selected claim's heading is keyed by the claim), not again on each re-render.
 * React's autoFocus only acts on form controls, not on a heading.
 */
function focusOnMount(element: HTMLElement | null) {
  element?.focus();
}

/** The reader's side panel: the selected claim, its verdict form, the legend and the claims to re-anchor. */
export function ClaimSidePanel(props: ClaimSidePanelProps) {
  const { slug, claim, needsReanchoring } = props;
  return (
    <aside className="claim-panel card" aria-label="Selected claim">
      {claim ? (
        // Keyed by the claim, so a newly added claim mounts its own heading (see focusOnMount).
        <SelectedClaim key={claim.id} {...props} claim={claim} />
      ) : (
        <p className="meta">Choose a highlighted claim to see why it was picked.</p>
      )}
      <ReaderLegend />
      {needsReanchoring.length > 0 ? (
        <section aria-labelledby="reanchor-heading">
          <h2 id="reanchor-heading">Needs re-anchoring ({needsReanchoring.length})</h2>
          <p className="meta">
            These claims were not found in this version of the article. Add the passage again by selecting it, then dismiss the old claim.
          </p>
          <ul>
            {needsReanchoring.map((old) => (
              <li key={old.id}>
                <Link to={paths.claim(slug, old.id)}>Claim {old.id}</Link>: <q>{old.text}</q>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}

function SelectedClaim({
  slug,
  claim,
  justAdded,
  formAction,
  canTag,
  canDismiss,
  canRestore,
}: ClaimSidePanelProps & { claim: ReaderPanelClaim }) {
  return (
    <>
      {/* The server says when the claim was just added (a one-visit notice): focus moves to it then, for keyboard users. */}
      <h2 tabIndex={-1} ref={justAdded ? focusOnMount : undefined}>
        Claim {claim.id}
      </h2>
      <blockquote>{claim.text}</blockquote>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          {claim.dismissed ? (
            <span className="status-badge status-dismissed">dismissed candidate</span>
          ) : (
            <StatusBadge status={claim.status} />
          )}
        </dd>
        <dt>Speaker</dt>
        <dd>{claim.speaker ?? "not stated"}</dd>
        <dt>Check-worthiness</dt>
        <dd>{claim.checkworthiness.toFixed(2)}</dd>
        <dt>Added</dt>
        <dd>{claim.origin === "manual" ? "by a reviewer" : "by extraction"}</dd>
      </dl>
      {canTag && !claim.dismissed ? (
        <TagForm
          action={paths.claim(slug, claim.id)}
          claimId={claim.id}
          inPanel
          version={claim.version}
          status={claim.status}
          rationale={claim.rationale}
        />
      ) : null}
      <h3>Why it was picked</h3>
      <ReasonList reasons={claim.reasons} />
      <p>
        <Link to={paths.claim(slug, claim.id)}>Open claim</Link>
      </p>
      {claim.dismissed && canRestore ? <DismissForm action={formAction} claim={claim} intent="restore" /> : null}
      {!claim.dismissed && canDismiss ? <DismissForm action={formAction} claim={claim} intent="dismiss" /> : null}
    </>
  );
}

function DismissForm({ action, claim, intent }: { action: string; claim: ReaderPanelClaim; intent: "dismiss" | "restore" }) {
  return (
    <Form method="post" action={action} preventScrollReset>
      <input type="hidden" name="claimId" value={claim.id} />
      <input type="hidden" name="version" value={claim.version} />
      <button type="submit" name="intent" value={intent} className={intent === "dismiss" ? "button danger" : "button"}>
        {intent === "dismiss" ? "Dismiss claim" : "Restore as claim"}
      </button>
    </Form>
  );
}
