import v8 from "node:v8";
import vm from "node:vm";
import { projectChain } from "../lib/audit-hash";
import type { ClaimQuery } from "../lib/claim-query";
import type { ReportClaim, ReportHeader, ExportFormat } from "../lib/export/report";
import { REPORT_VERSION } from "../lib/export/report";
import { Prisma, getDb } from "../db.server";
import { appendAuditEvent } from "./audit.server";
import { countClaimsByStatus } from "./claim-counts.server";
import { claimConditions } from "./claim-filter.server";
import type { Actor } from "./user.server";

// Large enough that round trips do not dominate, small enough that memory stays flat, and
// under the 999 bound parameters a SQLite statement may have (a page's ids go in one IN list
// to read its sources and history).
const PAGE = 500;
const DECISIONS = ["claim.status_changed", "claim.change_undone"];

/**
 * Records the export in the audit trail (who, which format, which filters), then
 * describes the report: summary, reviewers, period and the trail's head hash, which
 * therefore includes this export's own event.
 */
export async function beginExport(
  project: { id: number; slug: string },
  format: ExportFormat,
  query: ClaimQuery,
  actor: Actor & { displayName: string },
  viewerId: number,
): Promise<ReportHeader> {
  const db = getDb();
  const filters = describeFilters(query);
  await db.$transaction((tx) =>
    appendAuditEvent(tx, {
      projectId: project.id,
      actorId: actor.id,
      actorName: actor.name,
      ip: actor.ip,
      action: "report.exported",
      targetType: "project",
      targetId: project.id,
      details: { format, filters },
    }),
  );
  const conditions = claimConditions({ projectId: project.id, query, viewerId });
  const [details, byStatus, head, reviewers, period] = await Promise.all([
    db.project.findUniqueOrThrow({
      where: { id: project.id },
      select: { slug: true, name: true, publisherName: true, publisherUrl: true },
    }),
    countClaimsByStatus(conditions),
    db.auditChainHead.findUniqueOrThrow({ where: { chain: projectChain(project.id) } }),
    db.auditEvent.groupBy({ by: ["actorName"], where: { projectId: project.id, action: { in: DECISIONS } }, _count: { _all: true } }),
    db.auditEvent.aggregate({
      where: { projectId: project.id, action: { in: DECISIONS } },
      _min: { createdAt: true },
      _max: { createdAt: true },
    }),
  ]);
  const summary = { total: byStatus.unverified + byStatus.confirmed + byStatus.disputed, ...byStatus };
  return {
    version: REPORT_VERSION,
    project: details,
    generatedAt: new Date().toISOString(),
    generatedBy: actor.displayName,
    filters,
    summary,
    period: { from: period._min.createdAt?.toISOString() ?? null, to: period._max.createdAt?.toISOString() ?? null },
    reviewers: reviewers
      .filter((r) => r.actorName)
      .map((r) => ({ name: r.actorName!, decisions: r._count._all }))
      .sort((a, b) => b.decisions - a.decisions),
    integrity: {
      chain: projectChain(project.id),
      events: head.seq,
      headHash: head.headHash,
      verify: `claimdesk audit verify --project ${project.slug}`,
    },
  };
}

function describeFilters(query: ClaimQuery): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (query.status.length) filters.status = query.status;
  for (const key of ["document", "assignee", "sources", "min", "max", "q"] as const)
    if (query[key] !== undefined) filters[key] = query[key];
  if (query.dismissed) filters.includeDismissed = true;
  return filters;
}

interface ClaimRow {
  id: number;
  text: string;
  speaker: string | null;
  status: string;
  rationale: string | null;
  version: number;
  checkworthiness: number;
  documentId: number;
  documentTitle: string;
  documentUrl: string | null;
  documentOutlet: string | null;
  documentPublishedAt: Date | null;
}

interface SourceRow {
  claimId: number;
  stance: string;
  quote: string | null;
  note: string | null;
  addedAt: Date;
  addedBy: string | null;
  url: string | null;
  title: string | null;
  outlet: string | null;
  documentId: number | null;
}

// V8 sizes its heap to the allocation rate: a 100,000-claim export at full speed grew the
// process by 75-125 MB although each page is garbage once written (docs/benchmarks.md). A
// full collection every GC_EVERY_CLAIMS claims keeps it flat, for about 20 ms each.
const GC_EVERY_CLAIMS = 20_000;
let collect: (() => void) | null | undefined;
let claimsSinceCollection = 0;
function collectGarbageNow(claims: number) {
  claimsSinceCollection += claims;
  if (claimsSinceCollection < GC_EVERY_CLAIMS) return;
  claimsSinceCollection = 0;
  if (collect === undefined) {
    try {
      v8.setFlagsFromString("--expose-gc");
      collect = vm.runInNewContext("gc") as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}

interface EventRow {
  targetId: string;
  action: string;
  actorName: string | null;
  createdAt: Date;
  details: string;
}

/** Rows grouped by a key, in their order. */
function groupBy<Row, Key>(rows: Row[], keyOf: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

/**
 * The claims of the report, page by page (PAGE claims by id) so memory stays flat
 * whatever the number of claims. `withHistory` adds every audit event of each claim.
 * Each page is read as flat rows with plain SQL (claims with their article, then the
 * page's source links and audit events): few, short-lived objects keep memory flat.
 */
export async function* exportClaims(
  projectId: number,
  query: ClaimQuery,
  viewerId: number,
  options: { withHistory: boolean },
): AsyncGenerator<ReportClaim[]> {
  const db = getDb();
  const conditions = claimConditions({ projectId, query, viewerId });
  let afterId = 0;
  for (;;) {
    const claims = await db.$queryRaw<ClaimRow[]>`
      SELECT c."id", c."text", c."speaker", c."status", c."rationale", c."version", c."checkworthiness",
             d."id" AS "documentId", d."title" AS "documentTitle", d."url" AS "documentUrl", d."outlet" AS "documentOutlet", d."publishedAt" AS "documentPublishedAt"
      FROM "Claim" c JOIN "Document" d ON d."id" = c."documentId"
      WHERE ${conditions} AND c."id" > ${afterId}
      ORDER BY c."id"
      LIMIT ${PAGE}`;
    if (claims.length === 0) return;
    collectGarbageNow(PAGE);
    afterId = claims[claims.length - 1]!.id;
    const ids = claims.map((c) => c.id);
    const [links, events] = await Promise.all([
      db.$queryRaw<SourceRow[]>`
        SELECT l."claimId", l."stance", l."quote", l."note", l."addedAt", u."displayName" AS "addedBy",
               s."url", s."title", s."outlet", s."documentId"
        FROM "ClaimSource" l JOIN "Source" s ON s."id" = l."sourceId" LEFT JOIN "User" u ON u."id" = l."addedById"
        WHERE l."claimId" IN (${Prisma.join(ids)}) AND l."removedAt" IS NULL AND s."projectId" = ${projectId}
        ORDER BY l."claimId", l."addedAt", l."id"`,
      db.$queryRaw<EventRow[]>`
        SELECT e."targetId", e."action", e."actorName", e."createdAt", e."details" FROM "AuditEvent" e
        WHERE e."projectId" = ${projectId} AND e."targetType" = 'claim' AND e."targetId" IN (${Prisma.join(ids.map(String))})
          ${options.withHistory ? Prisma.empty : Prisma.sql`AND e."action" IN (${Prisma.join(DECISIONS)})`}
        ORDER BY e."seq"`,
    ]);
    // Plain SQL rows carry the columns' own types (numbers, dates) on both databases.
    const eventsOf = groupBy(events, (event) => event.targetId);
    const linksOf = groupBy(links, (link) => link.claimId);
    yield claims.map((claim): ReportClaim => {
      const id = claim.id;
      const history = eventsOf.get(String(id)) ?? [];
      const decision = [...history].reverse().find((e) => DECISIONS.includes(e.action));
      return {
        id,
        text: claim.text,
        speaker: claim.speaker,
        status: claim.status as ReportClaim["status"],
        rationale: claim.rationale,
        decidedBy: decision?.actorName ?? null,
        decidedAt: decision?.createdAt.toISOString() ?? null,
        version: claim.version,
        checkworthiness: claim.checkworthiness,
        document: {
          id: claim.documentId,
          title: claim.documentTitle,
          url: claim.documentUrl,
          outlet: claim.documentOutlet,
          publishedAt: claim.documentPublishedAt?.toISOString() ?? null,
        },
        sources: (linksOf.get(id) ?? []).map((link) => ({
          url: link.url,
          title: link.title,
          outlet: link.outlet,
          stance: link.stance as ReportClaim["sources"][number]["stance"],
          quote: link.quote,
          note: link.note,
          addedBy: link.addedBy,
          addedAt: link.addedAt.toISOString(),
          documentId: link.documentId,
        })),
        history: options.withHistory
          ? history.map((e) => ({
              at: e.createdAt.toISOString(),
              actor: e.actorName,
              action: e.action,
              details: JSON.parse(e.details) as Record<string, unknown>,
            }))
          : [],
      };
    });
  }
}
