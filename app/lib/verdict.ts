import type { ClaimStatus } from "./claim-status";

// Who set a claim's verdict, derived from the claim's audit events. The write paths
// (tag, bulk change, undo) store the result in Claim.decisionSeq as they go; this is the
// definition they follow, and what `claimdesk report verify` and the upgrade of older
// databases recompute from the trail.

/**
 * The audit actions that can set a claim's status: a tag or bulk change, an undo, and in
 * editorial review (docs/decisions/010) a second review that agrees with the proposal and
 * an editor's adjudication.
 */
export const VERDICT_ACTIONS = ["claim.status_changed", "claim.change_undone", "claim.review_second", "claim.adjudicated"] as const;

export interface TrailEvent {
  id: number;
  seq: number;
  hash: string;
  action: string;
  actorId: number | null;
  actorName: string | null;
  createdAt: Date;
  details: Record<string, unknown>;
}

export interface Verdict {
  status: ClaimStatus;
  rationale: string | null;
  /** The event whose decision is in effect; null while nobody has decided. */
  decision: TrailEvent | null;
}

export const UNDECIDED: Verdict = { status: "unverified", rationale: null, decision: null };

const bulkOperationOf = (event: TrailEvent) => (typeof event.details.bulkOperationId === "number" ? event.details.bulkOperationId : null);

/**
 * True when a bulk change would make a decision on a claim: it sets the status, and the
 * status or the rationale differs. A bulk change that only reassigns a claim is not one.
 */
export function bulkChangeDecides(
  claim: { status: string; rationale: string | null },
  change: { status?: string; rationale: string | null },
): boolean {
  return change.status !== undefined && (claim.status !== change.status || (claim.rationale ?? null) !== (change.rationale ?? null));
}

/**
 * Folds one claim's events (in chain order) into its verdict. A status change (a tag or
 * a bulk change) is a decision by its actor; an undo of a bulk change restores the
 * verdict, decider and time that the change replaced. Assignments, sources, edits and
 * anything else are not decisions.
 */
export function verdictFromTrail(events: Iterable<TrailEvent>): Verdict {
  let verdict = UNDECIDED;
  const replacedBy = new Map<number, Verdict>();
  for (const event of events) {
    if (event.action === "claim.status_changed") {
      const to = event.details.to;
      if (to !== "unverified" && to !== "confirmed" && to !== "disputed") continue;
      const rationale = typeof event.details.rationale === "string" ? event.details.rationale : null;
      const bulk = bulkOperationOf(event);
      // Older bulk changes recorded unchanged verdicts of claims they only reassigned.
      if (bulk !== null && !bulkChangeDecides(verdict, { status: to, rationale })) continue;
      if (bulk !== null) replacedBy.set(bulk, verdict);
      verdict = { status: to, rationale, decision: event };
    } else if (event.action === "claim.review_second" || event.action === "claim.adjudicated") {
      // A second review decides only when it agrees (the proposer's rationale stays); an adjudication always does.
      const agreed = event.action === "claim.adjudicated" || event.details.outcome === "agreed";
      const to = event.details.to;
      if (!agreed || (to !== "unverified" && to !== "confirmed" && to !== "disputed")) continue;
      const rationaleField = event.action === "claim.adjudicated" ? event.details.rationale : event.details.firstRationale;
      verdict = { status: to, rationale: typeof rationaleField === "string" ? rationaleField : null, decision: event };
    } else if (event.action === "claim.change_undone") {
      const bulk = bulkOperationOf(event);
      const restored = bulk === null ? undefined : replacedBy.get(bulk);
      if (restored) {
        verdict = restored;
        replacedBy.delete(bulk!);
      }
    }
  }
  return verdict;
}
