import { projectChain } from "../lib/audit-hash";
import type { ClaimQuery } from "../lib/claim-query";
import type { ReportClaim, ReportHeader, ExportFormat } from "../lib/export/report";
import { REPORT_VERSION } from "../lib/export/report";
import { getDb } from "../db.server";
import { appendAuditEvent } from "./audit.server";
import { claimWhere } from "./claim-review.server";
import type { Actor } from "./user.server";

// Large enough that round trips do not dominate, small enough that memory stays flat, and
// under the 999 bound parameters a SQLite statement may have (the page's ids go in one IN list).
const PAGE = 900;
const DECISIONS = ["claim.status_changed", "claim.change_undone"];

/**
 * Records the export in the audit trail (who, which format, which filters), then
 * describes the report: summary, reviewers, period and the trail's head hash, which
 * therefore includes this export's own event.
 */
export async function beginExport(project: { id: number; slug: string }, format: ExportFormat, query: ClaimQuery, actor: Actor & { displayName: string }, viewerId: number): Promise<ReportHeader> {
  const db = getDb();
  const filters = describeFilters(query);
  await db.$transaction((tx) => appendAuditEvent(tx, { projectId: project.id, actorId: actor.id, actorName: actor.name, ip: actor.ip, action: "report.exported", targetType: "project", targetId: project.id, details: { format, filters } }));
  const where = claimWhere(project.id, query, viewerId);
  const [details, byStatus, head, reviewers, period] = await Promise.all([
    db.project.findUniqueOrThrow({ where: { id: project.id }, select: { slug: true, name: true, publisherName: true, publisherUrl: true } }),
    db.claim.groupBy({ by: ["status"], where, _count: { _all: true } }),
    db.auditChainHead.findUniqueOrThrow({ where: { chain: projectChain(project.id) } }),
    db.auditEvent.groupBy({ by: ["actorName"], where: { projectId: project.id, action: { in: DECISIONS } }, _count: { _all: true } }),
    db.auditEvent.aggregate({ where: { projectId: project.id, action: { in: DECISIONS } }, _min: { createdAt: true }, _max: { createdAt: true } }),
  ]);
  const summary = { total: 0, unverified: 0, confirmed: 0, disputed: 0 };
  for (const row of byStatus) {
    if (row.status === "unverified" || row.status === "confirmed" || row.status === "disputed") summary[row.status] = row._count._all;
    summary.total += row._count._all;
  }
  return {
    version: REPORT_VERSION,
    project: details,
    generatedAt: new Date().toISOString(),
    generatedBy: actor.displayName,
    filters,
    summary,
    period: { from: period._min.createdAt?.toISOString() ?? null, to: period._max.createdAt?.toISOString() ?? null },
    reviewers: reviewers.filter((r) => r.actorName).map((r) => ({ name: r.actorName!, decisions: r._count._all })).sort((a, b) => b.decisions - a.decisions),
    integrity: { chain: projectChain(project.id), events: head.seq, headHash: head.headHash, verify: `claimdesk audit verify --project ${project.slug}` },
  };
}

function describeFilters(query: ClaimQuery): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (query.status.length) filters.status = query.status;
  for (const key of ["document", "assignee", "sources", "min", "max", "q"] as const) if (query[key] !== undefined) filters[key] = query[key];
  if (query.dismissed) filters.includeDismissed = true;
  return filters;
}

/**
 * The claims of the report, in pages of PAGE by id so memory stays flat whatever
 * the number of claims. `withHistory` adds every audit event of each claim.
 */
export async function* exportClaims(projectId: number, query: ClaimQuery, viewerId: number, options: { withHistory: boolean }): AsyncGenerator<ReportClaim> {
  const db = getDb();
  const where = claimWhere(projectId, query, viewerId);
  let afterId = 0;
  for (;;) {
    const claims = await db.claim.findMany({
      where: { AND: [where, { id: { gt: afterId } }] },
      orderBy: { id: "asc" },
      take: PAGE,
      select: {
        id: true,
        text: true,
        speaker: true,
        status: true,
        rationale: true,
        version: true,
        checkworthiness: true,
        document: { select: { id: true, title: true, url: true, outlet: true, publishedAt: true } },
        sourceLinks: {
          where: { removedAt: null },
          orderBy: { addedAt: "asc" },
          select: { stance: true, quote: true, note: true, addedAt: true, addedBy: { select: { displayName: true } }, source: { select: { url: true, title: true, outlet: true, documentId: true } } },
        },
      },
    });
    if (claims.length === 0) return;
    afterId = claims[claims.length - 1]!.id;
    const ids = claims.map((c) => String(c.id));
    const events = await db.auditEvent.findMany({
      where: { projectId, targetType: "claim", targetId: { in: ids }, ...(options.withHistory ? {} : { action: { in: DECISIONS } }) },
      orderBy: { seq: "asc" },
      select: { targetId: true, action: true, actorName: true, createdAt: true, details: true },
    });
    const byClaim = new Map<string, typeof events>();
    for (const event of events) {
      const list = byClaim.get(event.targetId!) ?? [];
      list.push(event);
      byClaim.set(event.targetId!, list);
    }
    for (const claim of claims) {
      const history = byClaim.get(String(claim.id)) ?? [];
      const decision = [...history].reverse().find((e) => DECISIONS.includes(e.action));
      yield {
        id: claim.id,
        text: claim.text,
        speaker: claim.speaker,
        status: claim.status as ReportClaim["status"],
        rationale: claim.rationale,
        decidedBy: decision?.actorName ?? null,
        decidedAt: decision?.createdAt.toISOString() ?? null,
        version: claim.version,
        checkworthiness: claim.checkworthiness,
        document: { ...claim.document, publishedAt: claim.document.publishedAt?.toISOString() ?? null },
        sources: claim.sourceLinks.map((link) => ({
          url: link.source.url,
          title: link.source.title,
          outlet: link.source.outlet,
          stance: link.stance as ReportClaim["sources"][number]["stance"],
          quote: link.quote,
          note: link.note,
          addedBy: link.addedBy?.displayName ?? null,
          addedAt: link.addedAt.toISOString(),
          documentId: link.source.documentId,
        })),
        history: options.withHistory
          ? history.map((e) => ({ at: e.createdAt.toISOString(), actor: e.actorName, action: e.action, details: JSON.parse(e.details) as Record<string, unknown> }))
          : [],
      };
    }
  }
}
