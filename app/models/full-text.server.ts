import { Prisma, databaseProvider, getDb } from "../db.server";
import { type SearchQuery, type SearchTerm, parseSearchQuery, toFts5 } from "../lib/search-query";

// Full-text conditions over the indexes the full_text_search migration creates (ADR 021):
// FTS5 tables on SQLite, GIN indexes on tsvector expressions on PostgreSQL. Both stem
// English words and read the same parsed query (app/lib/search-query.ts).

export type SearchIndex = "claim" | "document" | "source";

export interface PreparedSearch {
  query: SearchQuery;
  /**
   * SQLite only: few rows match, so the search should drive the query (look the matches up
   * by id) rather than filter a scan of the project's index. SQLite's planner cannot tell:
   * FTS5 gives it no estimate of how many rows a term matches. PostgreSQL's planner has
   * statistics for tsvector columns and chooses itself.
   */
  selective: boolean;
}

const FTS5_TABLE: Record<SearchIndex, Prisma.Sql> = {
  claim: Prisma.raw(`"ClaimSearch"`),
  document: Prisma.raw(`"DocumentSearch"`),
  source: Prisma.raw(`"SourceSearch"`),
};

/** Up to this many matches, looking each one up beats scanning a 100,000-claim project's index (docs/benchmarks.md). */
const SELECTIVE_MATCHES = 2_000;
const ESTIMATE_TTL_MS = 30_000;
const estimates = new Map<string, { selective: boolean; expires: number }>();

/** Parses a search box's text and, on SQLite, finds out whether it matches few rows (cached for 30 s). */
export async function prepareSearch(index: SearchIndex, text: string | undefined): Promise<PreparedSearch | null> {
  const query = text ? parseSearchQuery(text) : null;
  if (!query) return null;
  const { include } = toFts5(query);
  if (databaseProvider() === "postgresql" || !include) return { query, selective: false };
  const key = `${index}:${include}`;
  const known = estimates.get(key);
  if (known && known.expires > Date.now()) return { query, selective: known.selective };
  const table = FTS5_TABLE[index];
  const [row] = await getDb().$queryRaw<Array<{ matches: bigint | number }>>`
    SELECT COUNT(*) AS "matches" FROM (SELECT rowid FROM ${table} WHERE ${table} MATCH ${include} LIMIT ${SELECTIVE_MATCHES + 1})`;
  const selective = Number(row?.matches ?? 0) <= SELECTIVE_MATCHES;
  if (estimates.size > 1_000) estimates.clear();
  estimates.set(key, { selective, expires: Date.now() + ESTIMATE_TTL_MS });
  return { query, selective };
}

function tsqueryOf(term: SearchTerm): Prisma.Sql {
  if (term.kind === "prefix") return Prisma.sql`to_tsquery('english', ${`${term.word}:*`})`;
  return term.words.length === 1
    ? Prisma.sql`plainto_tsquery('english', ${term.words[0]!})`
    : Prisma.sql`phraseto_tsquery('english', ${term.words.join(" ")})`;
}

function tsquery(query: SearchQuery): Prisma.Sql {
  const parts = [
    ...query.all.map((group) => (group.length === 1 ? tsqueryOf(group[0]!) : Prisma.sql`(${Prisma.join(group.map(tsqueryOf), " || ")})`)),
    ...query.none.map((term) => Prisma.sql`!!(${tsqueryOf(term)})`),
  ];
  return Prisma.join(parts, " && ");
}

// PostgreSQL: the expressions the GIN indexes are built on, repeated exactly so that the
// planner uses them (prisma/postgres/migrations/…_full_text_search).
const PG_VECTOR: Record<SearchIndex, (alias: string) => string> = {
  claim: (a) => `to_tsvector('english', coalesce(${a}."text", '') || ' ' || coalesce(${a}."speaker", ''))`,
  document: (a) => `to_tsvector('english', coalesce(${a}."title", '') || ' ' || left(coalesce(${a}."text", ''), 500000))`,
  source: (a) =>
    `to_tsvector('english', coalesce(${a}."title", '') || ' ' || coalesce(${a}."outlet", '') || ' ' || coalesce(${a}."author", '') || ' ' || regexp_replace(coalesce(${a}."url", ''), '[/:.?=&#%+~_-]+', ' ', 'g'))`,
};

/**
 * A SQL condition: the row of `alias` (a table of the index's kind, with its `id`) matches
 * the query. `alias` is a fixed identifier from the caller, never user input.
 */
export function fullTextMatch(index: SearchIndex, alias: "c" | "d" | "s", query: SearchQuery): Prisma.Sql {
  if (databaseProvider() === "postgresql") return Prisma.sql`${Prisma.raw(PG_VECTOR[index](alias))} @@ (${tsquery(query)})`;
  const row = Prisma.raw(`${alias}."id"`);
  const table = FTS5_TABLE[index];
  const { include, exclude } = toFts5(query);
  const parts: Prisma.Sql[] = [];
  if (include) parts.push(Prisma.sql`${row} IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ${include})`);
  if (exclude) parts.push(Prisma.sql`${row} NOT IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ${exclude})`);
  return Prisma.sql`(${Prisma.join(parts, " AND ")})`;
}
