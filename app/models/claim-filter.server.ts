import { Prisma } from "../db.server";
import type { ClaimQuery } from "../lib/claim-query";
import { parseSearchQuery } from "../lib/search-query";
import { type PreparedSearch, fullTextMatch } from "./full-text.server";

// The claims table's filters and sorts as SQL, the one definition used by the table, its
// counts, bulk changes and exports. Plain SQL here rather than Prisma's query builder:
// these queries run on every table view and page through 100,000 claims in exports, where
// the builder's per-query work and objects dominated (docs/benchmarks.md). Identifiers are
// quoted, so the same text runs on SQLite and PostgreSQL.

/**
 * The conditions a claim of the project must meet for the query, as a SQL boolean
 * expression over the alias `c`. `ignoreStatus` leaves the status filter out (the
 * counts above the table show every status). `search` is the query's text search prepared
 * with prepareSearch, which knows whether it is selective; without it the search filters.
 */
export function claimConditions(options: {
  projectId: number;
  query: ClaimQuery;
  viewerId: number;
  ignoreStatus?: boolean;
  search?: PreparedSearch | null;
}): Prisma.Sql {
  const { projectId, query, viewerId } = options;
  const search = options.search ?? (query.q ? { query: parseSearchQuery(query.q), selective: false } : null);
  // A selective search drives the query (SQLite): `+` keeps the project's indexes out of the plan.
  const parts: Prisma.Sql[] = [
    search?.query && search.selective ? Prisma.sql`+c."projectId" = ${projectId}` : Prisma.sql`c."projectId" = ${projectId}`,
  ];
  if (query.dismissed !== "1") parts.push(Prisma.sql`c."dismissed" = false`);
  if (!options.ignoreStatus && query.status.length > 0) parts.push(Prisma.sql`c."status" IN (${Prisma.join(query.status)})`);
  if (query.document) parts.push(Prisma.sql`c."documentId" = ${query.document}`);
  if (query.reanchor === "1") parts.push(Prisma.sql`c."anchorState" = 'needs_reanchoring'`);
  if (query.review && query.review.length > 0) parts.push(Prisma.sql`c."reviewState" IN (${Prisma.join(query.review)})`);
  // My queue: assigned to me, or waiting for the second review I was asked for.
  if (query.assignee === "me")
    parts.push(Prisma.sql`(c."assigneeId" = ${viewerId} OR (c."reviewState" = 'proposed' AND c."secondReviewerId" = ${viewerId}))`);
  else if (query.assignee === "none") parts.push(Prisma.sql`c."assigneeId" IS NULL`);
  else if (typeof query.assignee === "number") parts.push(Prisma.sql`c."assigneeId" = ${query.assignee}`);
  if (query.sources === "yes") parts.push(Prisma.sql`c."sourceCount" > 0`);
  else if (query.sources === "no") parts.push(Prisma.sql`c."sourceCount" = 0`);
  if (query.min !== undefined) parts.push(Prisma.sql`c."checkworthiness" >= ${query.min}`);
  if (query.max !== undefined) parts.push(Prisma.sql`c."checkworthiness" <= ${query.max}`);
  // Text search: the full-text index of claim text and speaker (stemmed words, phrases, prefixes).
  if (search?.query) parts.push(fullTextMatch("claim", "c", search.query));
  return Prisma.join(parts, " AND ");
}

/**
 * ORDER BY for the query's sort, ties broken by id so pages never overlap; absent values
 * last in both databases. The tie-break runs in the sort's direction so that an index on
 * (project, dismissed, column) delivers rows already in order, without a sort step.
 */
export function claimOrder(query: ClaimQuery): Prisma.Sql {
  const dir = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  switch (query.sort) {
    case "checkworthiness":
      return Prisma.sql`c."checkworthiness" ${dir}, c."id" ${dir}`;
    case "status":
      return Prisma.sql`c."status" ${dir}, c."id" ${dir}`;
    case "lastChanged":
      return Prisma.sql`c."lastChangedAt" ${dir}, c."id" ${dir}`;
    case "decided":
      // The deciding event's place in the chain orders decisions by time; undecided last.
      return Prisma.sql`c."decisionSeq" ${dir} NULLS LAST, c."id" ${dir}`;
    case "assignee":
      return Prisma.sql`c."assigneeId" ${dir} NULLS LAST, c."id" ${dir}`;
    case "sources":
      return Prisma.sql`c."sourceCount" ${dir}, c."id" ${dir}`;
    default:
      return Prisma.sql`c."documentId" ${dir}, c."start" ${dir}, c."id" ${dir}`;
  }
}
