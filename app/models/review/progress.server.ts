import { Prisma, databaseProvider, getDb } from "../../db.server";
import { projectChain } from "../../lib/audit-hash";
import { CLAIM_STATUSES } from "../../lib/claim-status";
import { ADJUDICATION_ACTION, APPROVAL_ACTION, SECOND_REVIEW_ACTION } from "../../lib/review/audit-actions";
import {
  type DecisionKind,
  type ProjectProgress,
  type ReviewerCounts,
  decisionsPerDay,
  emptyReviewStateCounts,
  emptyStatusCounts,
  medianOfSorted,
} from "../../lib/review/progress";
import { isReviewState, REVIEW_STATES, type ReviewState } from "../../lib/review/review-state";

// The progress dashboard of a project page. Every figure is one aggregate query over an
// index (claims by status and by review state; review rounds by reviewer; the trail's
// decision events by actor and by hour), so it stays fast on 100,000 claims
// (bench:table measures it).

const VERDICT_ACTION = "claim.status_changed";
const ACTION_KIND: Record<string, DecisionKind> = {
  [VERDICT_ACTION]: "verdicts",
  [SECOND_REVIEW_ACTION]: "secondReviews",
  [ADJUDICATION_ACTION]: "adjudications",
  [APPROVAL_ACTION]: "approvals",
};
const DAYS = 30;

type Count = bigint | number;

export async function projectProgress(options: { projectId: number; timeZone?: string; now?: Date }): Promise<ProjectProgress> {
  const { projectId } = options;
  const now = options.now ?? new Date();
  const timeZone = options.timeZone ?? "UTC";
  const db = getDb();
  // Two days more than shown: the first shown day starts up to a day before UTC's.
  const since = new Date(now.getTime() - (DAYS + 2) * 86_400_000);
  const hour =
    databaseProvider() === "postgresql"
      ? Prisma.sql`to_char(e."createdAt", 'YYYY-MM-DD"T"HH24')`
      : Prisma.sql`substr(e."createdAt", 1, 13)`;
  const actions = Object.keys(ACTION_KIND);
  const [statusRows, stateRows, firstRows, secondRows, adjudicatorRows, actorRows, hourRows, verdicts] = await Promise.all([
    db.$queryRaw<Array<{ status: string; count: Count }>>`
      SELECT c."status", COUNT(*) AS "count" FROM "Claim" c WHERE c."projectId" = ${projectId} AND c."dismissed" = false GROUP BY c."status"`,
    db.$queryRaw<Array<{ reviewState: string; count: Count }>>`
      SELECT c."reviewState", COUNT(*) AS "count" FROM "Claim" c WHERE c."projectId" = ${projectId} AND c."dismissed" = false GROUP BY c."reviewState"`,
    db.$queryRaw<Array<{ userId: number; count: Count }>>`
      SELECT r."firstReviewerId" AS "userId", COUNT(*) AS "count" FROM "ClaimReviewRound" r
      WHERE r."projectId" = ${projectId} AND r."firstReviewerId" IS NOT NULL GROUP BY r."firstReviewerId"`,
    db.$queryRaw<Array<{ userId: number; count: Count }>>`
      SELECT r."secondReviewerId" AS "userId", COUNT(*) AS "count" FROM "ClaimReviewRound" r
      WHERE r."projectId" = ${projectId} AND r."secondReviewerId" IS NOT NULL GROUP BY r."secondReviewerId"`,
    db.$queryRaw<Array<{ userId: number; count: Count }>>`
      SELECT r."adjudicatorId" AS "userId", COUNT(*) AS "count" FROM "ClaimReviewRound" r
      WHERE r."projectId" = ${projectId} AND r."adjudicatorId" IS NOT NULL GROUP BY r."adjudicatorId"`,
    db.$queryRaw<Array<{ userId: number; action: string; count: Count }>>`
      SELECT e."actorId" AS "userId", e."action", COUNT(*) AS "count" FROM "AuditEvent" e
      WHERE e."projectId" = ${projectId} AND e."action" IN (${Prisma.join([VERDICT_ACTION, APPROVAL_ACTION])}) AND e."actorId" IS NOT NULL
      GROUP BY e."actorId", e."action"`,
    db.$queryRaw<Array<{ hour: string; action: string; count: Count }>>`
      SELECT ${hour} AS "hour", e."action", COUNT(*) AS "count" FROM "AuditEvent" e
      WHERE e."projectId" = ${projectId} AND e."action" IN (${Prisma.join(actions)}) AND e."createdAt" >= ${since}
      GROUP BY ${hour}, e."action"`,
    verdictTimes(projectId),
  ]);
  const byStatus = emptyStatusCounts();
  for (const row of statusRows)
    if ((CLAIM_STATUSES as readonly string[]).includes(row.status)) byStatus[row.status as keyof typeof byStatus] = Number(row.count);
  const byReviewState = emptyReviewStateCounts();
  for (const row of stateRows)
    if ((REVIEW_STATES as readonly string[]).includes(row.reviewState))
      byReviewState[row.reviewState as keyof typeof byReviewState] = Number(row.count);

  const reviewers = new Map<number, Omit<ReviewerCounts, "displayName">>();
  const entry = (id: number) => {
    let found = reviewers.get(id);
    if (!found) reviewers.set(id, (found = { id, verdicts: 0, proposals: 0, secondReviews: 0, adjudications: 0, approvals: 0 }));
    return found;
  };
  for (const row of firstRows) entry(row.userId).proposals = Number(row.count);
  for (const row of secondRows) entry(row.userId).secondReviews = Number(row.count);
  for (const row of adjudicatorRows) entry(row.userId).adjudications = Number(row.count);
  for (const row of actorRows) entry(row.userId)[row.action === APPROVAL_ACTION ? "approvals" : "verdicts"] = Number(row.count);
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: [...reviewers.keys()] } }, select: { id: true, displayName: true } })).map((u) => [
      u.id,
      u.displayName,
    ]),
  );
  const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
  return {
    total,
    byStatus,
    byReviewState,
    reviewers: [...reviewers.values()]
      .map((counts) => ({ ...counts, displayName: names.get(counts.id) ?? `user ${counts.id}` }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    medianMsToVerdict: verdicts.medianMs,
    claimsWithVerdict: verdicts.count,
    days: decisionsPerDay({
      now,
      days: DAYS,
      timeZone,
      hours: hourRows.map((row) => ({ hour: new Date(`${row.hour}:00:00Z`), kind: ACTION_KIND[row.action]!, count: Number(row.count) })),
    }),
    timeZone,
  };
}

/**
 * Milliseconds from each claim's creation (its import, or its addition by hand) to the
 * decision behind its current verdict (Claim.decisionSeq: a tag, an agreeing second
 * review, an adjudication), ascending, over the claims that have one.
 */
/**
 * How many claims have a final verdict, and the median time from import to it. The median is
 * picked by the database (a count, then the middle one or two by duration): reading every
 * decided claim's two timestamps into the process took 300 ms of the dashboard's 350 on
 * 40,000 decided claims.
 */
async function verdictTimes(projectId: number): Promise<{ count: number; medianMs: number | null }> {
  const db = getDb();
  const durationMs =
    databaseProvider() === "postgresql"
      ? Prisma.sql`CAST(EXTRACT(EPOCH FROM (de."createdAt" - c."createdAt")) * 1000 AS double precision)`
      : Prisma.sql`(julianday(de."createdAt") - julianday(c."createdAt")) * 86400000.0`;
  const decided = Prisma.sql`FROM "Claim" c JOIN "AuditEvent" de ON de."chain" = ${projectChain(projectId)} AND de."seq" = c."decisionSeq"
    WHERE c."projectId" = ${projectId} AND c."dismissed" = false AND c."decisionSeq" > 0`;
  const [counted] = await db.$queryRaw<Array<{ count: Count }>>`SELECT COUNT(*) AS "count" ${decided}`;
  const count = Number(counted?.count ?? 0);
  if (count === 0) return { count, medianMs: null };
  const middle = await db.$queryRaw<Array<{ ms: number }>>`
    SELECT ${durationMs} AS "ms" ${decided} ORDER BY 1 LIMIT ${count % 2 === 1 ? 1 : 2} OFFSET ${Math.floor((count - 1) / 2)}`;
  return { count, medianMs: medianOfSorted(middle.map((row) => Number(row.ms))) };
}

/** The review states the project's claims are in now (for the filters a project with second review off offers). */
export async function reviewStatesInUse(projectId: number): Promise<Set<ReviewState>> {
  const rows = await getDb().claim.groupBy({ by: ["reviewState"], where: { projectId } });
  return new Set(rows.map((row) => row.reviewState).filter(isReviewState));
}
