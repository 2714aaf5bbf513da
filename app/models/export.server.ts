import v8 from "node:v8";
import vm from "node:vm";
import { projectChain } from "../lib/audit-hash";
import type { ClaimQuery } from "../lib/claim-query";
import { type HistoryContext, describeEvent, lineToText } from "../lib/history";
import type { ReportClaim, ReportComment, ReportHeader, ExportFormat, ReportReview } from "../lib/export/report";
import { reportFactOf } from "../lib/export/fact-versions";
import { redactHistory } from "../lib/review/blind-history";
import { type Viewer, isBlindTo, isReviewState } from "../lib/review/review-state";
import { REPORT_VERSION } from "../lib/export/report";
import { Prisma, getDb } from "../db.server";
import { appendAuditEvent } from "./audit.server";
import { countClaimsByStatus } from "./claim-counts.server";
import { decisionJoin, verdictsFromTrail } from "./claim-decision.server";
import { claimConditions } from "./claim-filter.server";
import { type ThreadComment, commentsOfClaims } from "./comments/comment-thread.server";
import { factsForReport } from "./fact-export.server";
import { projectPeople } from "./people.server";
import type { Actor } from "./user.server";

// Large enough that round trips do not dominate, small enough that memory stays flat, and
// under the 999 bound parameters a SQLite statement may have (a page's ids go in one IN list
// to read its sources and history).
const PAGE = 500;

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
  options: { comments?: boolean; groupByFact?: boolean } = {},
): Promise<ReportHeader> {
  const db = getDb();
  const filters = describeFilters(query);
  // groupByFact only when asked: reports without it read as they did before the option.
  const includes = { comments: Boolean(options.comments), ...(options.groupByFact ? { groupByFact: true } : {}) };
  await db.$transaction((tx) =>
    appendAuditEvent(tx, {
      projectId: project.id,
      actorId: actor.id,
      actorName: actor.name,
      ip: actor.ip,
      action: "report.exported",
      targetType: "project",
      targetId: project.id,
      details: { format, filters, ...(includes.comments || includes.groupByFact ? { includes } : {}) },
    }),
  );
  const conditions = claimConditions({ projectId: project.id, query, viewerId });
  const [details, byStatus, head, reviewers, period, people] = await Promise.all([
    db.project.findUniqueOrThrow({
      where: { id: project.id },
      select: { slug: true, name: true, publisherName: true, publisherUrl: true, timeZone: true },
    }),
    countClaimsByStatus(conditions),
    db.auditChainHead.findUniqueOrThrow({ where: { chain: projectChain(project.id) } }),
    // Each reviewer's decisions: the verdicts of this report's claims that they set.
    db.$queryRaw<Array<{ username: string | null; displayName: string | null; decisions: bigint | number }>>`
      SELECT de."actorName" AS "username", MAX(du."displayName") AS "displayName", COUNT(*) AS "decisions"
      FROM "Claim" c ${decisionJoin(project.id)}
      WHERE ${conditions} AND de."id" IS NOT NULL
      GROUP BY de."actorName"`,
    db.$queryRaw<Array<{ from: Date | string | null; to: Date | string | null }>>`
      SELECT MIN(de."createdAt") AS "from", MAX(de."createdAt") AS "to"
      FROM "Claim" c ${decisionJoin(project.id)}
      WHERE ${conditions} AND de."id" IS NOT NULL`,
    projectPeople(project.id),
  ]);
  const summary = { total: byStatus.unverified + byStatus.confirmed + byStatus.disputed, ...byStatus };
  return {
    version: REPORT_VERSION,
    project: details,
    generatedAt: new Date().toISOString(),
    generatedBy: actor.displayName,
    filters,
    includes,
    summary,
    period: { from: isoOrNull(period[0]?.from), to: isoOrNull(period[0]?.to) },
    reviewers: reviewers
      .map((r) => ({ name: r.displayName ?? r.username ?? "someone", username: r.username, decisions: Number(r.decisions) }))
      .sort((a, b) => b.decisions - a.decisions || a.name.localeCompare(b.name)),
    people: people.map((p) => ({ id: p.id, username: p.username, name: p.displayName })),
    integrity: {
      chain: projectChain(project.id),
      events: head.seq,
      headHash: head.headHash,
      verify: `claimdesk report verify REPORT.json --project ${project.slug}`,
    },
  };
}

// Aggregates of a date column come back as text from SQLite.
function isoOrNull(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(typeof value === "number" ? value : value)).toISOString();
}

function describeFilters(query: ClaimQuery): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  if (query.status.length) filters.status = query.status;
  if (query.review) filters.reviewState = query.review;
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
  factId: number | null;
  documentId: number;
  documentTitle: string;
  documentUrl: string | null;
  documentOutlet: string | null;
  documentPublishedAt: Date | null;
  decisionEventId: number | null;
  decisionSeq: number | null;
  decisionHash: string | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  decidedByName: string | null;
  reviewState: string;
  reviewRound: number;
  proposedById: number | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  approvedByName: string | null;
}

interface RoundRow {
  claimId: number;
  firstStatus: string;
  firstRationale: string | null;
  firstAt: Date;
  firstBy: string | null;
  firstByName: string | null;
  secondStatus: string | null;
  secondRationale: string | null;
  secondAt: Date | null;
  secondBy: string | null;
  secondByName: string | null;
  adjudicatedStatus: string | null;
  adjudicatedRationale: string | null;
  adjudicatedAt: Date | null;
  adjudicatedBy: string | null;
  adjudicatedByName: string | null;
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
  seq: number;
  targetId: string;
  action: string;
  actorId: number | null;
  actorName: string | null;
  createdAt: Date;
  details: string;
}

type ReportVerdict = Pick<ReportClaim, "status" | "rationale" | "decidedBy" | "decidedByName" | "decidedAt" | "decisionEvent">;

function verdictOf(claim: ClaimRow): ReportVerdict {
  const decided = claim.decisionEventId !== null && claim.decidedAt !== null;
  return {
    status: claim.status as ReportClaim["status"],
    rationale: claim.rationale,
    decidedBy: decided ? claim.decidedBy : null,
    decidedByName: decided ? claim.decidedByName : null,
    decidedAt: decided ? claim.decidedAt!.toISOString() : null,
    decisionEvent: decided ? { id: claim.decisionEventId!, seq: claim.decisionSeq!, hash: claim.decisionHash! } : null,
  };
}

/** Verdicts of claims changed since the report's head event, as they stood at it. */
async function verdictsAsOf(projectId: number, changed: Array<{ targetId: string }>, asOfSeq: number) {
  const verdicts = await verdictsFromTrail(
    getDb(),
    projectId,
    changed.map((row) => Number(row.targetId)),
    asOfSeq,
  );
  const actorIds = [...verdicts.values()].flatMap((v) => (v.decision?.actorId ? [v.decision.actorId] : []));
  const users = await getDb().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const result = new Map<number, ReportVerdict>();
  for (const [claimId, { status, rationale, decision }] of verdicts)
    result.set(claimId, {
      status,
      rationale,
      decidedBy: decision?.actorName ?? null,
      decidedByName: decision ? ((decision.actorId ? names.get(decision.actorId) : undefined) ?? decision.actorName) : null,
      decidedAt: decision?.createdAt.toISOString() ?? null,
      decisionEvent: decision ? { id: decision.id, seq: decision.seq, hash: decision.hash } : null,
    });
  return result;
}

type Step = NonNullable<ReportReview["proposal"]>;
function stepOf(status: string | null, rationale: string | null, at: Date | null, by: string | null, byName: string | null): Step | null {
  return status && at ? { status: status as Step["status"], rationale, by, byName: byName ?? by, at: at.toISOString() } : null;
}

/**
 * The claim's review as the report's reader may see it: the current round (unless it was
 * ended unfinished) and the approval. A proposal waiting for its second review is left out
 * for a reader who is blind to it.
 */
function reviewOf(claim: ClaimRow, round: RoundRow | undefined, viewer: Viewer): ReportReview {
  const hidden = isBlindTo(claim, viewer);
  return {
    state: isReviewState(claim.reviewState) ? claim.reviewState : "none",
    round: claim.reviewRound,
    proposal: round && !hidden ? stepOf(round.firstStatus, round.firstRationale, round.firstAt, round.firstBy, round.firstByName) : null,
    proposalHidden: hidden,
    secondReview: round ? stepOf(round.secondStatus, round.secondRationale, round.secondAt, round.secondBy, round.secondByName) : null,
    adjudication: round
      ? stepOf(round.adjudicatedStatus, round.adjudicatedRationale, round.adjudicatedAt, round.adjudicatedBy, round.adjudicatedByName)
      : null,
    approval: claim.approvedAt
      ? { by: claim.approvedBy, byName: claim.approvedByName ?? claim.approvedBy, at: claim.approvedAt.toISOString() }
      : null,
  };
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
 * A claim changed after event `asOfSeq` (the report's head, while the report is being
 * written) is described as the trail stood at that event, so the report can be verified.
 */
export async function* exportClaims(
  projectId: number,
  query: ClaimQuery,
  viewerId: number,
  options: {
    withHistory: boolean;
    /** Each claim's fact with the other claims stating it. */
    withFacts?: boolean;
    /** Each claim's discussion. */
    withComments?: boolean;
    asOfSeq: number;
    history: HistoryContext;
    /** Who reads the report: a reviewer is blind to proposals waiting for their second review. Unset: blind. */
    viewer?: Viewer;
  },
): AsyncGenerator<ReportClaim[]> {
  const db = getDb();
  const conditions = claimConditions({ projectId, query, viewerId });
  const viewer: Viewer = options.viewer ?? { userId: viewerId, role: "reviewer" };
  let afterId = 0;
  for (;;) {
    const claims = await db.$queryRaw<ClaimRow[]>`
      SELECT c."id", c."text", c."speaker", c."status", c."rationale", c."version", c."checkworthiness", fm."factId",
             d."id" AS "documentId", d."title" AS "documentTitle", d."url" AS "documentUrl", d."outlet" AS "documentOutlet", d."publishedAt" AS "documentPublishedAt",
             de."id" AS "decisionEventId", de."seq" AS "decisionSeq", de."hash" AS "decisionHash", de."createdAt" AS "decidedAt",
             de."actorName" AS "decidedBy", COALESCE(du."displayName", de."actorName") AS "decidedByName",
             c."reviewState", c."reviewRound", c."proposedById", c."approvedAt", au."username" AS "approvedBy", au."displayName" AS "approvedByName"
      FROM "Claim" c JOIN "Document" d ON d."id" = c."documentId" LEFT JOIN "FactMember" fm ON fm."claimId" = c."id" ${decisionJoin(projectId)}
      LEFT JOIN "User" au ON au."id" = c."approvedById"
      WHERE ${conditions} AND c."id" > ${afterId}
      ORDER BY c."id"
      LIMIT ${PAGE}`;
    if (claims.length === 0) return;
    collectGarbageNow(PAGE);
    afterId = claims[claims.length - 1]!.id;
    const ids = claims.map((c) => c.id);
    const factIds = options.withFacts ? [...new Set(claims.flatMap((c) => (c.factId === null ? [] : [Number(c.factId)])))] : [];
    const [links, events, changedSince, rounds, facts, comments] = await Promise.all([
      db.$queryRaw<SourceRow[]>`
        SELECT l."claimId", l."stance", l."quote", l."note", l."addedAt", u."displayName" AS "addedBy",
               s."url", s."title", s."outlet", s."documentId"
        FROM "ClaimSource" l JOIN "Source" s ON s."id" = l."sourceId" LEFT JOIN "User" u ON u."id" = l."addedById"
        WHERE l."claimId" IN (${Prisma.join(ids)}) AND l."removedAt" IS NULL AND s."projectId" = ${projectId}
        ORDER BY l."claimId", l."addedAt", l."id"`,
      options.withHistory
        ? db.$queryRaw<EventRow[]>`
        SELECT e."seq", e."targetId", e."action", e."actorId", e."actorName", e."createdAt", e."details" FROM "AuditEvent" e
        WHERE e."projectId" = ${projectId} AND e."targetType" = 'claim' AND e."targetId" IN (${Prisma.join(ids.map(String))})
          AND e."seq" <= ${options.asOfSeq}
        ORDER BY e."seq"`
        : Promise.resolve([] as EventRow[]),
      db.$queryRaw<Array<{ targetId: string }>>`
        SELECT DISTINCT e."targetId" FROM "AuditEvent" e
        WHERE e."projectId" = ${projectId} AND e."targetType" = 'claim' AND e."targetId" IN (${Prisma.join(ids.map(String))})
          AND e."seq" > ${options.asOfSeq}`,
      claims.some((c) => c.reviewRound > 0)
        ? db.$queryRaw<RoundRow[]>`
        SELECT r."claimId", r."firstStatus", r."firstRationale", r."firstAt", fu."username" AS "firstBy", fu."displayName" AS "firstByName",
               r."secondStatus", r."secondRationale", r."secondAt", su."username" AS "secondBy", su."displayName" AS "secondByName",
               r."adjudicatedStatus", r."adjudicatedRationale", r."adjudicatedAt", xu."username" AS "adjudicatedBy", xu."displayName" AS "adjudicatedByName"
        FROM "ClaimReviewRound" r JOIN "Claim" c ON c."id" = r."claimId" AND c."reviewRound" = r."round"
        LEFT JOIN "User" fu ON fu."id" = r."firstReviewerId" LEFT JOIN "User" su ON su."id" = r."secondReviewerId"
        LEFT JOIN "User" xu ON xu."id" = r."adjudicatorId"
        WHERE r."claimId" IN (${Prisma.join(ids)}) AND r."projectId" = ${projectId} AND r."closedAt" IS NULL`
        : Promise.resolve([] as RoundRow[]),
      factsForReport(projectId, factIds),
      options.withComments ? commentsOfClaims(projectId, ids) : Promise.resolve([] as ThreadComment[]),
    ]);
    const asOfHead = changedSince.length === 0 ? null : await verdictsAsOf(projectId, changedSince, options.asOfSeq);
    // Plain SQL rows carry the columns' own types (numbers, dates) on both databases.
    const eventsOf = groupBy(events, (event) => event.targetId);
    const linksOf = groupBy(links, (link) => link.claimId);
    const roundOf = new Map(rounds.map((round) => [round.claimId, round]));
    const commentsOf = groupBy(comments, (comment) => comment.claimId);
    const factOf = (claim: ClaimRow) => {
      const fact = claim.factId === null ? undefined : facts.get(Number(claim.factId));
      return fact ? reportFactOf(fact, { id: claim.id, documentId: claim.documentId }) : null;
    };
    yield claims.map((claim): ReportClaim => {
      const id = claim.id;
      const history = options.withHistory
        ? redactHistory(
            (eventsOf.get(String(id)) ?? []).map((e) => ({ ...e, details: JSON.parse(e.details) as Record<string, unknown> })),
            claim,
            viewer,
          )
        : [];
      const verdict = asOfHead?.get(id) ?? verdictOf(claim);
      return {
        id,
        text: claim.text,
        speaker: claim.speaker,
        ...verdict,
        version: claim.version,
        checkworthiness: claim.checkworthiness,
        factId: claim.factId === null ? null : Number(claim.factId),
        ...(options.withFacts ? { fact: factOf(claim) } : {}),
        document: {
          id: claim.documentId,
          title: claim.documentTitle,
          url: claim.documentUrl,
          outlet: claim.documentOutlet,
          publishedAt: claim.documentPublishedAt?.toISOString() ?? null,
        },
        review: reviewOf(claim, roundOf.get(id), viewer),
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
          ? history.map((event) => {
              const line = describeEvent(event, options.history);
              return {
                at: event.createdAt.toISOString(),
                actor: event.actorName,
                actorId: event.actorId,
                actorName: line.actor,
                action: event.action,
                details: event.details,
                text: lineToText(line),
              };
            })
          : [],
        ...(options.withComments ? { comments: (commentsOf.get(id) ?? []).map(reportComment) } : {}),
      };
    });
  }
}

function reportComment(comment: ThreadComment): ReportComment {
  return {
    id: comment.id,
    author: comment.author?.username ?? null,
    authorName: comment.author?.displayName ?? null,
    text: comment.body,
    at: comment.createdAt.toISOString(),
    editedAt: comment.editedAt?.toISOString() ?? null,
    deletedAt: comment.deletedAt?.toISOString() ?? null,
  };
}
