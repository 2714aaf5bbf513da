import { Prisma, getDb } from "../../db.server";
import { type AgreementReport, type ReviewEvent, agreementReport, pairsFromEvents } from "../../lib/agreement/report";
import { PROPOSAL_ACTION, SECOND_REVIEW_ACTION } from "../../lib/review/audit-actions";

// Agreement is recomputed from the audit trail for the period asked, never from a stored
// tally: a second review belongs to the period in which it was given, paired with the last
// proposal of its round, whenever that was made.

const CHUNK = 500;

interface EventRow {
  action: string;
  targetId: string;
  actorId: number | null;
  actorName: string | null;
  createdAt: Date;
  details: string;
}

export interface AgreementPeriod {
  /** Inclusive; null for the beginning of the trail. */
  from: Date | null;
  /** Exclusive; null for now. */
  to: Date | null;
}

function toEvent(row: EventRow): ReviewEvent {
  let details: Record<string, unknown> = {};
  try {
    details = JSON.parse(row.details) as Record<string, unknown>;
  } catch {
    /* an unreadable event pairs with nothing */
  }
  return {
    action: row.action,
    claimId: Number(row.targetId),
    actorId: row.actorId,
    actorName: row.actorName,
    createdAt: row.createdAt,
    details,
  };
}

export async function projectAgreement(options: {
  projectId: number;
  period: AgreementPeriod;
}): Promise<AgreementReport & { period: { from: string | null; to: string | null } }> {
  const { projectId, period } = options;
  const db = getDb();
  const seconds = await db.$queryRaw<Array<EventRow & { seq: number }>>`
    SELECT e."seq", e."action", e."targetId", e."actorId", e."actorName", e."createdAt", e."details" FROM "AuditEvent" e
    WHERE e."projectId" = ${projectId} AND e."action" = ${SECOND_REVIEW_ACTION}
      ${period.from ? Prisma.sql`AND e."createdAt" >= ${period.from}` : Prisma.empty}
      ${period.to ? Prisma.sql`AND e."createdAt" < ${period.to}` : Prisma.empty}
    ORDER BY e."seq"`;
  const claimIds = [...new Set(seconds.map((row) => row.targetId))];
  const proposals: Array<EventRow & { seq: number }> = [];
  for (let i = 0; i < claimIds.length; i += CHUNK) {
    proposals.push(
      ...(await db.$queryRaw<Array<EventRow & { seq: number }>>`
        SELECT e."seq", e."action", e."targetId", e."actorId", e."actorName", e."createdAt", e."details" FROM "AuditEvent" e
        WHERE e."projectId" = ${projectId} AND e."targetType" = 'claim' AND e."targetId" IN (${Prisma.join(claimIds.slice(i, i + CHUNK))})
          AND e."action" = ${PROPOSAL_ACTION}`),
    );
  }
  const events = [...seconds, ...proposals].sort((a, b) => a.seq - b.seq).map(toEvent);
  const displayNames = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...new Set(events.map((e) => e.actorId).filter((id): id is number => id !== null))] } },
        select: { id: true, displayName: true },
      })
    ).map((user) => [user.id, user.displayName]),
  );
  // Reviewers are shown by their display name today; the trail keeps their username at the time.
  const named = events.map((event) => ({
    ...event,
    actorName: (event.actorId !== null && displayNames.get(event.actorId)) || event.actorName,
  }));
  return {
    ...agreementReport(pairsFromEvents(named)),
    period: { from: period.from?.toISOString() ?? null, to: period.to?.toISOString() ?? null },
  };
}
