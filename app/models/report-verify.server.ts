import { getDb } from "../db.server";
import { describeChainProblem, projectChain } from "../lib/audit-hash";
import type { ReportClaim, ReportHeader } from "../lib/export/report";
import { summaryDifference, verdictDifference } from "../lib/export/verify";
import { verifyAuditChain } from "./audit.server";
import { verdictsFromTrail } from "./claim-decision.server";

export type ReportVerification =
  { ok: true; claims: number; upToSeq: number; headHash: string } | { ok: false; problem: string; claimId: number | null };

export type HeadVerification =
  { ok: true; upToSeq: number; headHash: string } | { ok: false; problem: string; kind: "broken" | "missing" | "rewritten" };

const PAGE = 500;

/**
 * Checks what every report states of the trail (a printed one states nothing else): the
 * trail is intact and still holds the report's head hash at the report's head position.
 */
export async function verifyReportHead(projectId: number, head: { seq: number; hash: string }): Promise<HeadVerification> {
  const chain = projectChain(projectId);
  const trail = await verifyAuditChain(chain);
  if (trail.problem)
    return {
      ok: false,
      problem: `the project's audit trail is broken: ${describeChainProblem(trail.problem, chain)}`,
      kind: "broken",
    };
  const event = await getDb().auditEvent.findUnique({ where: { chain_seq: { chain, seq: head.seq } }, select: { hash: true } });
  if (!event) return { ok: false, problem: `the trail has no event #${head.seq}, the report's head`, kind: "missing" };
  if (event.hash !== head.hash)
    return {
      ok: false,
      problem: `event #${head.seq} of the trail has another hash than the report's head hash: the trail was rewritten since the report`,
      kind: "rewritten",
    };
  return { ok: true, upToSeq: head.seq, headHash: event.hash };
}

/**
 * Checks a JSON report against the live audit trail: the head as above, every claim's
 * verdict, decider, decision time and deciding event are what the trail says up to the
 * head event, and the summary counts the claims listed. Stops at the first claim that
 * differs; a rewritten trail is named together with the first claim the rewrite changed.
 */
export async function verifyReport(
  projectId: number,
  report: Pick<ReportHeader, "integrity" | "summary"> & { claims: ReportClaim[] },
): Promise<ReportVerification> {
  const upToSeq = report.integrity.events;
  if (report.integrity.chain !== projectChain(projectId))
    return { ok: false, problem: `the report is of another trail (${report.integrity.chain}), not this project's`, claimId: null };
  const head = await verifyReportHead(projectId, { seq: upToSeq, hash: report.integrity.headHash });
  if (!head.ok && head.kind !== "rewritten") return { ok: false, problem: head.problem, claimId: null };
  const rewritten = head.ok ? null : head.problem;
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
  return { ok: true, claims: report.claims.length, upToSeq, headHash: report.integrity.headHash };
}
