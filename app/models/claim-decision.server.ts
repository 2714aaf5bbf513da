import { type Db, Prisma, type Tx, getDb } from "../db.server";
import { projectChain } from "../lib/audit-hash";
import { type TrailEvent, VERDICT_ACTIONS, type Verdict, verdictFromTrail } from "../lib/verdict";

// The verdict's author, one definition for every view and format: Claim.decisionSeq names
// the audit event whose decision is in effect (app/lib/verdict.ts says which events are
// decisions). The write paths call recordDecisions; readers join decisionJoin.

/** Marks a claim whose decision an upgrade has yet to derive from its trail (see the claim_decision migration). */
export const DECISION_TO_DERIVE = -1;
const CHUNK = 300;

/** Points each claim at the event (by its seq in the project's chain) that decided its verdict. */
export async function recordDecisions(tx: Tx, projectId: number, decisions: Array<{ claimId: number; seq: number | null }>) {
  for (let i = 0; i < decisions.length; i += CHUNK) {
    const chunk = decisions.slice(i, i + CHUNK);
    const cases = Prisma.join(
      chunk.map((d) => Prisma.sql`WHEN ${d.claimId} THEN CAST(${d.seq} AS INTEGER)`),
      " ",
    );
    await tx.$executeRaw`UPDATE "Claim" SET "decisionSeq" = CASE "id" ${cases} END
      WHERE "projectId" = ${projectId} AND "id" IN (${Prisma.join(chunk.map((d) => d.claimId))})`;
  }
}

/**
 * Joins a claim (alias `c`) to its deciding event (`de`) and the decider (`du`). Select
 * `de."createdAt"`, `de."actorName"` (the username then), `du."displayName"` (now),
 * `de."id"`, `de."seq"`, `de."hash"`.
 */
export function decisionJoin(projectId: number): Prisma.Sql {
  return Prisma.sql`LEFT JOIN "AuditEvent" de ON de."chain" = ${projectChain(projectId)} AND de."seq" = c."decisionSeq"
    LEFT JOIN "User" du ON du."id" = de."actorId"`;
}

export interface ClaimDecision {
  eventId: number;
  seq: number;
  hash: string;
  at: Date;
  /** The username as recorded with the event. */
  username: string | null;
  /** The decider's display name today (the username if the account is gone). */
  displayName: string;
}

/** The decision behind one claim's verdict, or null while nobody has decided. */
export async function claimDecision(projectId: number, decisionSeq: number | null): Promise<ClaimDecision | null> {
  if (decisionSeq === null || decisionSeq < 1) return null;
  const event = await getDb().auditEvent.findUnique({
    where: { chain_seq: { chain: projectChain(projectId), seq: decisionSeq } },
    select: { id: true, seq: true, hash: true, createdAt: true, actorId: true, actorName: true },
  });
  if (!event) return null;
  const user = event.actorId ? await getDb().user.findUnique({ where: { id: event.actorId }, select: { displayName: true } }) : null;
  return {
    eventId: event.id,
    seq: event.seq,
    hash: event.hash,
    at: event.createdAt,
    username: event.actorName,
    displayName: user?.displayName ?? event.actorName ?? "someone",
  };
}

/**
 * The verdicts of some claims of a project recomputed from the trail, counting only
 * events up to `upToSeq` when given (the trail as a report saw it).
 */
export async function verdictsFromTrail(
  db: Pick<Db, "$queryRaw">,
  projectId: number,
  claimIds: number[],
  upToSeq?: number,
): Promise<Map<number, Verdict>> {
  const verdicts = new Map<number, Verdict>();
  if (claimIds.length === 0) return verdicts;
  const rows = await db.$queryRaw<Array<Omit<TrailEvent, "details"> & { targetId: string; details: string }>>`
    SELECT e."id", e."seq", e."hash", e."action", e."actorId", e."actorName", e."createdAt", e."details", e."targetId"
    FROM "AuditEvent" e
    WHERE e."projectId" = ${projectId} AND e."chain" = ${projectChain(projectId)} AND e."targetType" = 'claim'
      AND e."targetId" IN (${Prisma.join(claimIds.map(String))}) AND e."action" IN (${Prisma.join([...VERDICT_ACTIONS])})
      ${upToSeq === undefined ? Prisma.empty : Prisma.sql`AND e."seq" <= ${upToSeq}`}
    ORDER BY e."seq"`;
  const byClaim = new Map<number, TrailEvent[]>();
  for (const row of rows) {
    const claimId = Number(row.targetId);
    const event: TrailEvent = { ...row, details: parseDetails(row.details) };
    const list = byClaim.get(claimId);
    if (list) list.push(event);
    else byClaim.set(claimId, [event]);
  }
  for (const id of claimIds) verdicts.set(id, verdictFromTrail(byClaim.get(id) ?? []));
  return verdicts;
}

function parseDetails(json: string): Record<string, unknown> {
  try {
    const value = JSON.parse(json) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Derives the decision of every claim marked DECISION_TO_DERIVE (claims decided before
 * decisions were stored), page by page; returns how many it derived. Idempotent.
 */
export async function deriveMarkedDecisions(db: Db = getDb()): Promise<number> {
  let derived = 0;
  for (;;) {
    const marked = await db.claim.findMany({
      where: { decisionSeq: DECISION_TO_DERIVE },
      select: { id: true, projectId: true },
      orderBy: { id: "asc" },
      take: CHUNK,
    });
    if (marked.length === 0) return derived;
    const byProject = new Map<number, number[]>();
    for (const claim of marked) byProject.set(claim.projectId, [...(byProject.get(claim.projectId) ?? []), claim.id]);
    for (const [projectId, ids] of byProject) {
      await db.$transaction(async (tx) => {
        const verdicts = await verdictsFromTrail(tx, projectId, ids);
        // Only claims still marked: a tag written meanwhile has set its own decision.
        for (const id of ids)
          await tx.claim.updateMany({
            where: { id, decisionSeq: DECISION_TO_DERIVE },
            data: { decisionSeq: verdicts.get(id)?.decision?.seq ?? null },
          });
      });
      derived += ids.length;
    }
  }
}
