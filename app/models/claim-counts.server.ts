import { Prisma, getDb } from "../db.server";
import type { ClaimQuery } from "../lib/claim-query";
import { CLAIM_STATUSES, type ClaimStatus } from "../lib/claim-status";
import { claimConditions } from "./claim-filter.server";
import { claimsGeneration } from "./events.server";
import type { PreparedSearch } from "./full-text.server";

// Claims by status: one query shape and one tally for the table's counts, the export's
// summary and the projects' overview.

type StatusCounts = Record<ClaimStatus, number>;

const noClaims = (): StatusCounts => Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as StatusCounts;

function addRow(counts: StatusCounts, status: string, count: bigint | number) {
  if ((CLAIM_STATUSES as readonly string[]).includes(status)) counts[status as ClaimStatus] = Number(count);
}

/** How many claims meet the conditions, by status (every status present, zero when none). */
export async function countClaimsByStatus(conditions: Prisma.Sql): Promise<StatusCounts> {
  const rows = await getDb().$queryRaw<
    Array<{ status: string; count: bigint | number }>
  >`SELECT c."status", COUNT(*) AS "count" FROM "Claim" c WHERE ${conditions} GROUP BY c."status"`;
  const counts = noClaims();
  for (const row of rows) addRow(counts, row.status, row.count);
  return counts;
}

/** Counts of non-dismissed claims by status, per project. */
export async function countClaimsByProject(projectIds: number[]): Promise<Map<number, StatusCounts>> {
  const counts = new Map<number, StatusCounts>(projectIds.map((id) => [id, noClaims()]));
  if (projectIds.length === 0) return counts;
  const rows = await getDb().$queryRaw<Array<{ projectId: number; status: string; count: bigint | number }>>`
    SELECT c."projectId", c."status", COUNT(*) AS "count" FROM "Claim" c
    WHERE c."projectId" IN (${Prisma.join(projectIds)}) AND c."dismissed" = false
    GROUP BY c."projectId", c."status"`;
  for (const row of rows) addRow(counts.get(Number(row.projectId))!, row.status, row.count);
  return counts;
}

// Counts by status for the filters other than status, valid while the project's claims are
// unchanged. Writes from another process on SQLite (the CLI) send no event here, so entries
// also expire after a few seconds.
const countCache = new Map<string, { generation: number; expires: number; counts: StatusCounts }>();
const COUNT_CACHE_LIMIT = 500;
const COUNT_CACHE_TTL_MS = 5_000;

/**
 * The counts above the claims table: every status, whatever the status filter, for the other
 * filters. `search` is the query's text search as prepareSearch prepared it.
 */
export async function countTableClaimsByStatus(options: {
  projectId: number;
  query: ClaimQuery;
  viewerId: number;
  search?: PreparedSearch | null;
}): Promise<StatusCounts> {
  const conditions = claimConditions({ ...options, ignoreStatus: true });
  const key = `${options.projectId}:${conditions.sql}:${JSON.stringify(conditions.values)}`;
  const generation = await claimsGeneration(options.projectId);
  const cached = countCache.get(key);
  if (cached && cached.generation === generation && cached.expires > Date.now()) return cached.counts;
  const counts = await countClaimsByStatus(conditions);
  if (countCache.size >= COUNT_CACHE_LIMIT) countCache.clear();
  countCache.set(key, { generation, expires: Date.now() + COUNT_CACHE_TTL_MS, counts });
  return counts;
}
