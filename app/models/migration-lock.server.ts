import Database from "better-sqlite3";
import fs from "node:fs";
import pg from "pg";
import type { DatabaseTarget } from "../lib/database-url";
import type { AppliedMigration, LockHolder } from "../lib/migrations";

// Before migrating, the CLI asks the database directly (not through the app's client, whose
// own open connection would be one of the connections a SQLite migration has to wait for).

async function withPostgres<T>(target: Extract<DatabaseTarget, { provider: "postgresql" }>, run: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: target.connectionString, application_name: "claimdesk migrate" });
  await client.connect();
  try {
    if (target.schema) await client.query(`SET search_path TO ${client.escapeIdentifier(target.schema)}`);
    return await run(client);
  } finally {
    await client.end();
  }
}

interface MigrationRow {
  migration_name: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

function toApplied(rows: MigrationRow[]): AppliedMigration[] {
  return rows.map((row) => ({ name: row.migration_name, finished: row.finished_at !== null, rolledBack: row.rolled_back_at !== null }));
}

/** The migrations recorded as applied, or null for a database that has none yet. */
export async function readAppliedMigrations(target: DatabaseTarget): Promise<AppliedMigration[] | null> {
  const query = 'SELECT "migration_name", "finished_at", "rolled_back_at" FROM "_prisma_migrations"';
  if (target.provider === "sqlite") {
    if (target.filePath === ":memory:" || !fs.existsSync(target.filePath)) return null;
    const db = new Database(target.filePath, { readonly: true, timeout: 10_000 });
    try {
      const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
      return exists ? toApplied(db.prepare(query).all() as MigrationRow[]) : null;
    } finally {
      db.close();
    }
  }
  return withPostgres(target, async (client) => {
    const exists = await client.query("SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present");
    if (!(exists.rows[0] as { present: boolean }).present) return null;
    return toApplied((await client.query(query)).rows as MigrationRow[]);
  });
}

/**
 * Prisma migrates SQLite with `locking_mode=EXCLUSIVE`, which fails while any other connection
 * has the file open, even idle. This tries the same lock for a moment and lets it go.
 */
export function sqliteOpenElsewhere(filePath: string): boolean {
  if (filePath === ":memory:" || !fs.existsSync(filePath)) return false;
  const db = new Database(filePath, { timeout: 250 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    db.prepare("BEGIN EXCLUSIVE").run();
    db.prepare("ROLLBACK").run();
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY")) return true;
    throw error;
  } finally {
    db.close();
  }
}

/** `?schema=NAME` names a schema Prisma will not create by itself. */
export async function ensurePostgresSchema(target: Extract<DatabaseTarget, { provider: "postgresql" }>): Promise<void> {
  if (!target.schema) return;
  const schema = target.schema;
  await withPostgres({ ...target, schema: undefined }, async (client) => {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${client.escapeIdentifier(schema)}`);
  });
}

/** The existing tables of the app's schema. */
export async function postgresTables(target: Extract<DatabaseTarget, { provider: "postgresql" }>): Promise<string[]> {
  return withPostgres(target, async (client) => {
    const result = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()");
    return (result.rows as Array<{ tablename: string }>).map((row) => row.tablename);
  });
}

/**
 * Whether a migration touching `tables` could take its locks now: asks for them all for a
 * fifth of a second and gives them back at once (waiting longer would hold up every query
 * queued behind the request). When it cannot, says which connections hold them.
 */
export async function postgresLockHolders(
  target: Extract<DatabaseTarget, { provider: "postgresql" }>,
  tables: string[],
): Promise<LockHolder[] | null> {
  if (tables.length === 0) return null;
  return withPostgres(target, async (client) => {
    const names = tables.map((table) => client.escapeIdentifier(table)).join(", ");
    try {
      await client.query("BEGIN");
      await client.query("SET LOCAL lock_timeout = '200ms'");
      await client.query(`LOCK TABLE ${names} IN ACCESS EXCLUSIVE MODE`);
      await client.query("ROLLBACK");
      return null;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      if ((error as { code?: string }).code !== "55P03") throw error;
    }
    const holders = await client.query(
      `SELECT DISTINCT a.pid, a.application_name, a.state, a.xact_start
         FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE c.relname = ANY($1) AND c.relnamespace = current_schema()::regnamespace AND l.granted AND a.pid <> pg_backend_pid()
        ORDER BY a.xact_start NULLS LAST`,
      [tables],
    );
    return (holders.rows as Array<{ pid: number; application_name: string; state: string; xact_start: Date | null }>).map((row) => ({
      pid: row.pid,
      application: row.application_name,
      state: row.state,
      since: row.xact_start,
    }));
  });
}
