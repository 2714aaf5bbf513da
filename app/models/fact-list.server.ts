import { Prisma, databaseProvider, getDb } from "../db.server";
import type { ClaimStatus } from "../lib/claim-status";
import { type FactDifference, type FactQuery, type FactRow, factStatus } from "../lib/facts";

// The Facts view: one row per fact with its outlets, claims, verdicts and differences, filtered,
// sorted and paged in SQL over the project's facts. An outlet is the article's outlet, or the
// article itself when none is known.

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const OUTLETS = Prisma.sql`COUNT(DISTINCT COALESCE(d."outlet", 'document ' || CAST(d."id" AS TEXT)))`;
const CLAIMS = Prisma.sql`COUNT(c."id")`;
const countOf = (status: ClaimStatus) => Prisma.sql`SUM(CASE WHEN c."status" = ${status} THEN 1 ELSE 0 END)`;
/** Mixed first (outlets' verdicts disagree), then unverified, disputed, confirmed. */
const STATUS_RANK = Prisma.sql`CASE WHEN ${countOf("confirmed")} = ${CLAIMS} THEN 3 WHEN ${countOf("disputed")} = ${CLAIMS} THEN 2 WHEN ${countOf("unverified")} = ${CLAIMS} THEN 1 ELSE 0 END`;
const RANK_OF: Record<string, number> = { mixed: 0, unverified: 1, disputed: 2, confirmed: 3 };

function conditions(projectId: number, query: FactQuery): Prisma.Sql {
  const parts = [Prisma.sql`f."projectId" = ${projectId}`];
  if (query.differing) parts.push(Prisma.sql`f."differenceCount" > 0`);
  if (query.document)
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "FactMember" m2 JOIN "Claim" c2 ON c2."id" = m2."claimId"
      WHERE m2."factId" = f."id" AND c2."documentId" = ${query.document} AND c2."dismissed" = false)`);
  if (query.q) {
    const pattern = likePattern(query.q);
    const like = databaseProvider() === "postgresql" ? Prisma.sql`ILIKE` : Prisma.sql`LIKE`;
    parts.push(Prisma.sql`(f."label" ${like} ${pattern} ESCAPE '\\' OR EXISTS (SELECT 1 FROM "FactMember" m3 JOIN "Claim" c3 ON c3."id" = m3."claimId"
      WHERE m3."factId" = f."id" AND c3."dismissed" = false AND c3."text" ${like} ${pattern} ESCAPE '\\'))`);
  }
  return Prisma.join(parts, " AND ");
}

function having(query: FactQuery): Prisma.Sql {
  const parts = [Prisma.sql`${OUTLETS} >= ${query.minOutlets}`];
  if (query.status.length > 0) parts.push(Prisma.sql`${STATUS_RANK} IN (${Prisma.join(query.status.map((s) => RANK_OF[s]!))})`);
  return Prisma.join(parts, " AND ");
}

function order(query: FactQuery): Prisma.Sql {
  const dir = query.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  switch (query.sort) {
    case "disagreement":
      return Prisma.sql`f."differenceCount" ${dir}, ${OUTLETS} DESC, f."id" ASC`;
    case "status":
      // Descending puts the facts needing a decision (mixed, unverified) first.
      return Prisma.sql`${STATUS_RANK} ${query.dir === "asc" ? Prisma.sql`DESC` : Prisma.sql`ASC`}, ${OUTLETS} DESC, f."id" ASC`;
    case "claims":
      return Prisma.sql`${CLAIMS} ${dir}, f."id" ASC`;
    case "recent":
      return Prisma.sql`f."id" ${dir}`;
    default:
      return Prisma.sql`${OUTLETS} ${dir}, f."differenceCount" DESC, f."id" ASC`;
  }
}

interface FactSqlRow {
  id: number;
  label: string | null;
  labelText: string | null;
  differences: string;
  claims: bigint | number;
  outlets: bigint | number;
  confirmed: bigint | number | null;
  disputed: bigint | number | null;
  unverified: bigint | number | null;
}

export function parseDifferences(json: string, memberIds?: Set<number>): FactDifference[] {
  try {
    const parsed = JSON.parse(json) as FactDifference[];
    if (!Array.isArray(parsed)) return [];
    return memberIds
      ? parsed.map((d) => ({ ...d, values: d.values.filter((v) => memberIds.has(v.claimId)) })).filter((d) => d.values.length > 1)
      : parsed;
  } catch {
    return [];
  }
}

/** One page of the Facts view, its total, and how many claims of the project are in no fact yet. */
export async function listFacts(projectId: number, query: FactQuery): Promise<{ rows: FactRow[]; total: number; ungrouped: number }> {
  const db = getDb();
  const grouped = Prisma.sql`
    FROM "Fact" f
    JOIN "FactMember" m ON m."factId" = f."id"
    JOIN "Claim" c ON c."id" = m."claimId" AND c."dismissed" = false
    JOIN "Document" d ON d."id" = c."documentId"
    WHERE ${conditions(projectId, query)}`;
  const [rows, total, ungrouped] = await Promise.all([
    db.$queryRaw<FactSqlRow[]>`
      SELECT f."id", f."label", f."differences", (SELECT lc."text" FROM "Claim" lc WHERE lc."id" = f."labelClaimId") AS "labelText",
             ${CLAIMS} AS "claims", ${OUTLETS} AS "outlets",
             ${countOf("confirmed")} AS "confirmed", ${countOf("disputed")} AS "disputed", ${countOf("unverified")} AS "unverified"
      ${grouped}
      GROUP BY f."id", f."label", f."differences", f."differenceCount", f."labelClaimId"
      HAVING ${having(query)}
      ORDER BY ${order(query)}
      LIMIT ${query.size} OFFSET ${(query.page - 1) * query.size}`,
    db.$queryRaw<Array<{ total: bigint | number }>>`
      SELECT COUNT(*) AS "total" FROM (SELECT f."id" ${grouped} GROUP BY f."id" HAVING ${having(query)}) t`,
    countUngroupedClaims(projectId),
  ]);
  return {
    rows: rows.map((row) => {
      const counts = {
        confirmed: Number(row.confirmed ?? 0),
        disputed: Number(row.disputed ?? 0),
        unverified: Number(row.unverified ?? 0),
      };
      return {
        id: Number(row.id),
        label: row.label ?? row.labelText ?? "",
        outlets: Number(row.outlets),
        claims: Number(row.claims),
        counts,
        status: factStatus(counts),
        differences: parseDifferences(row.differences),
      };
    }),
    total: Number(total[0]?.total ?? 0),
    ungrouped,
  };
}

/** Claims of current articles, not dismissed, that are in no fact (grouping failed or has not run). */
export async function countUngroupedClaims(projectId: number): Promise<number> {
  const rows = await getDb().$queryRaw<Array<{ n: bigint | number }>>`
    SELECT COUNT(*) AS "n" FROM "Claim" c JOIN "Document" d ON d."id" = c."documentId"
    WHERE c."projectId" = ${projectId} AND c."dismissed" = false AND d."supersededAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "FactMember" m WHERE m."claimId" = c."id")`;
  return Number(rows[0]?.n ?? 0);
}

/** For the claims table: each claim's fact and how many outlets state that fact. */
export async function factsOfClaims(projectId: number, claimIds: number[]): Promise<Map<number, { factId: number; outlets: number }>> {
  if (claimIds.length === 0) return new Map();
  const rows = await getDb().$queryRaw<Array<{ claimId: number; factId: number; outlets: bigint | number }>>`
    SELECT m."claimId", m."factId",
      (SELECT ${OUTLETS} FROM "FactMember" m2 JOIN "Claim" c ON c."id" = m2."claimId" AND c."dismissed" = false
        JOIN "Document" d ON d."id" = c."documentId" WHERE m2."factId" = m."factId") AS "outlets"
    FROM "FactMember" m WHERE m."projectId" = ${projectId} AND m."claimId" IN (${Prisma.join(claimIds)})`;
  return new Map(rows.map((row) => [Number(row.claimId), { factId: Number(row.factId), outlets: Number(row.outlets) }]));
}
