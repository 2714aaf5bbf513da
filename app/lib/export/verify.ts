import type { Verdict } from "../verdict";
import type { ReportClaim, ReportHeader } from "./report";

// What `claimdesk report verify` compares: a claim's verdict as a report states it with
// the verdict recomputed from the audit trail up to the report's head event.

type ReportedVerdict = Pick<ReportClaim, "id" | "status" | "rationale" | "decidedBy" | "decidedAt" | "decisionEvent">;

function describe(v: { status: string; decidedBy: string | null; decidedAt: string | null }): string {
  return v.decidedBy ? `${v.status}, decided by ${v.decidedBy} at ${v.decidedAt}` : `${v.status}, decided by nobody`;
}

/** Null when the report states the claim's verdict as the trail does; else one line saying how they differ. */
export function verdictDifference(reported: ReportedVerdict, trail: Verdict, upToSeq: number): string | null {
  const derived = {
    status: trail.status,
    rationale: trail.rationale,
    decidedBy: trail.decision?.actorName ?? null,
    decidedAt: trail.decision?.createdAt.toISOString() ?? null,
    event: trail.decision ? { id: trail.decision.id, seq: trail.decision.seq, hash: trail.decision.hash } : null,
  };
  const event = reported.decisionEvent;
  const sameEvent =
    (event === null && derived.event === null) ||
    (event !== null &&
      derived.event !== null &&
      event.id === derived.event.id &&
      event.seq === derived.event.seq &&
      event.hash === derived.event.hash);
  const same =
    reported.status === derived.status &&
    (reported.rationale ?? null) === derived.rationale &&
    reported.decidedBy === derived.decidedBy &&
    reported.decidedAt === derived.decidedAt &&
    sameEvent;
  if (same) return null;
  const what =
    reported.status !== derived.status
      ? "verdict"
      : reported.decidedBy !== derived.decidedBy
        ? "decider"
        : reported.decidedAt !== derived.decidedAt
          ? "decision time"
          : (reported.rationale ?? null) !== derived.rationale
            ? "rationale"
            : "decision event";
  return `claim ${reported.id}: the ${what} differs: the report says ${describe(reported)}${event ? ` (event #${event.seq})` : ""}; the trail up to event #${upToSeq} says ${describe(derived)}${derived.event ? ` (event #${derived.event.seq})` : ""}`;
}

/** Null when the summary's counts are those of the claims listed. */
export function summaryDifference(header: Pick<ReportHeader, "summary">, claims: Array<Pick<ReportClaim, "status">>): string | null {
  const counted = { total: claims.length, confirmed: 0, disputed: 0, unverified: 0 };
  for (const claim of claims) counted[claim.status] += 1;
  const { summary } = header;
  const differs = (["total", "confirmed", "disputed", "unverified"] as const).find((key) => summary[key] !== counted[key]);
  return differs
    ? `the summary says ${summary[differs]} ${differs === "total" ? "claims" : differs} but the report lists ${counted[differs]}`
    : null;
}
