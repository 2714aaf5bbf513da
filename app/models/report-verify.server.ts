import { getDb } from "../db.server";
import { describeChainProblem, projectChain } from "../lib/audit-hash";
import type { ReportClaim, ReportHeader } from "../lib/export/report";
import { summaryDifference, verdictDifference } from "../lib/export/verify";
import { verifyAuditChain } from "./audit.server";
import { verdictsFromTrail } from "./claim-decision.server";

export type ReportVerification =
  { ok: true; claims: number; upToSeq: number; headHash: string } | { ok: false; problem: string; claimId: number | null };

const PAGE = 500;

/**
 * Checks a JSON report against the live audit trail: the trail is intact, its event at
 * the report's head position carries the report's head hash, every claim's verdict,
 * decider, decision time and deciding event are what the trail says up to that event,
 * and the summary counts the claims listed. Stops at the first claim that differs; a
 * rewritten trail is named together with the first claim the rewrite changed.
 */
export async function verifyReport(
  projectId: number,
  report: Pick<ReportHeader, "integrity" | "summary"> & { claims: ReportClaim[] },
): Promise<ReportVerification> {
  const chain = projectChain(projectId);
  const upToSeq = report.integrity.events;
  if (report.integrity.chain !== chain)
    return { ok: false, problem: `the report is of another trail (${report.integrity.chain}), not this project's`, claimId: null };
  const trail = await verifyAuditChain(chain);
  if (trail.problem)
    return {
      ok: false,
      problem: `the project's audit trail is broken: ${describeChainProblem(trail.problem, chain)}`,
      claimId: null,
    };
  const head = await getDb().auditEvent.findUnique({ where: { chain_seq: { chain, seq: upToSeq } }, select: { hash: true } });
  if (!head) return { ok: false, problem: `the trail has no event #${upToSeq}, the report's head`, claimId: null };
  const rewritten =
    head.hash === report.integrity.headHash
      ? null
      : `event #${upToSeq} of the trail has another hash than the report's head hash: the trail was rewritten since the report`;
  for (let i = 0; i < report.claims.length; i += PAGE) {
    const page = report.claims.slice(i, i + PAGE);
    const verdicts = await verdictsFromTrail(
      getDb(),
      projectId,
      page.map((c) => c.id),
      upToSeq,
    );
    for (const claim of page) {
      const difference = verdictDifference(claim, verdicts.get(claim.id)!, upToSeq);
      if (difference) return { ok: false, problem: rewritten ? `${rewritten}; ${difference}` : difference, claimId: claim.id };
    }
  }
  if (rewritten) return { ok: false, problem: rewritten, claimId: null };
  // After the claims, so that an edited verdict is named by its claim rather than by the counts it upsets.
  const summary = summaryDifference(report, report.claims);
  if (summary) return { ok: false, problem: summary, claimId: null };
  return { ok: true, claims: report.claims.length, upToSeq, headHash: head.hash };
}
