import { getDb } from "../db.server";
import type { ClaimQuery } from "../lib/claim-query";
import type { ClaimStatus } from "../lib/claim-status";
import type { ClaimRow, ClaimRowOnServer } from "../lib/review-types";
import { countTableClaimsByStatus } from "./claim-counts.server";
import { decisionJoin } from "./claim-decision.server";
import { claimConditions, claimOrder } from "./claim-filter.server";
import { prepareSearch } from "./full-text.server";

/**
 * What the table's SQL selects: ClaimRow's own columns, with the joined document, assignee,
 * decision and fact flattened into columns of their own (searchClaims nests them again).
 */
type ClaimTableSqlRow = Omit<ClaimRowOnServer, "document" | "assignee" | "decision" | "fact"> & {
  documentId: ClaimRow["document"]["id"];
  documentTitle: ClaimRow["document"]["title"];
  assigneeId: number | null;
  assigneeName: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  factId: number | null;
  /** A COUNT: bigint on PostgreSQL. */
  factOutlets: bigint | number | null;
};

export interface SearchClaimsOptions {
  projectId: number;
  query: ClaimQuery;
  /** Who is looking: "my queue" (assignee=me) means this user. */
  viewerId: number;
}

/** One page of the claims table with its total and the counts by status, in one SQL query for the rows. */
export async function searchClaims(options: SearchClaimsOptions) {
  const { query } = options;
  const search = await prepareSearch("claim", query.q);
  const conditions = claimConditions({ ...options, search });
  const [rows, counts] = await Promise.all([
    getDb().$queryRaw<ClaimTableSqlRow[]>`
      SELECT c."id", c."text", c."speaker", c."status", c."rationale", c."checkworthiness", c."sourceCount", c."version", c."dismissed", c."lastChangedAt", c."reviewState",
             d."id" AS "documentId", d."title" AS "documentTitle", a."id" AS "assigneeId", a."displayName" AS "assigneeName",
             COALESCE(du."displayName", de."actorName") AS "decidedByName", de."createdAt" AS "decidedAt", fm."factId",
             -- Per row of the page only (at most its size), through the index on FactMember's fact.
             (SELECT COUNT(DISTINCT COALESCE(fd."outlet", 'document ' || CAST(fd."id" AS TEXT)))
              FROM "FactMember" f2 JOIN "Claim" fc ON fc."id" = f2."claimId" AND fc."dismissed" = false
              JOIN "Document" fd ON fd."id" = fc."documentId" WHERE f2."factId" = fm."factId") AS "factOutlets"
      FROM "Claim" c
      JOIN "Document" d ON d."id" = c."documentId"
      LEFT JOIN "User" a ON a."id" = c."assigneeId"
      LEFT JOIN "FactMember" fm ON fm."claimId" = c."id"
      ${decisionJoin(options.projectId)}
      WHERE ${conditions}
      ORDER BY ${claimOrder(query)}
      LIMIT ${query.size} OFFSET ${(query.page - 1) * query.size}`,
    // Counts above the table ignore the status filter, so every status shows its number.
    countTableClaimsByStatus({ ...options, search }),
  ]);
  // The counts use every other filter, so the total is the sum over the statuses shown: no COUNT query of its own.
  const selected = query.status.length > 0 ? query.status : (Object.keys(counts) as ClaimStatus[]);
  const total = selected.reduce((sum, status) => sum + counts[status], 0);
  return {
    // Plain SQL rows carry the columns' own types (numbers, booleans, dates) on both
    // databases; only aggregates such as COUNT come back as bigint.
    rows: rows.map(
      ({
        documentId,
        documentTitle,
        assigneeId,
        assigneeName,
        decidedByName,
        decidedAt,
        factId,
        factOutlets,
        ...claim
      }): ClaimRowOnServer => ({
        ...claim,
        document: { id: documentId, title: documentTitle },
        assignee: assigneeId === null ? null : { id: assigneeId, displayName: assigneeName ?? "" },
        // Who set the verdict (not whoever changed the claim last): app/lib/verdict.ts.
        decision: decidedAt === null ? null : { displayName: decidedByName ?? "someone", at: decidedAt },
        fact: factId === null ? null : { id: Number(factId), outlets: Number(factOutlets ?? 1) },
      }),
    ),
    total,
    counts,
  };
}
