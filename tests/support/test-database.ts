import Database from "better-sqlite3";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { parseDatabaseUrl } from "../../app/lib/database-url";

// Integration tests run on a real database: a SQLite file per worker, or one
// PostgreSQL schema per worker when TEST_LANE=postgres (TEST_DATABASE_URL names the server).

export type TestLane = "sqlite" | "postgres";

export function testLane(): TestLane {
  return process.env.TEST_LANE === "postgres" ? "postgres" : "sqlite";
}

const root = path.resolve(import.meta.dirname, "..", "..");

function migrationScripts(provider: "sqlite" | "postgres"): Array<{ name: string; sql: string }> {
  const dir = path.join(root, "prisma", provider, "migrations");
  return fs
    .readdirSync(dir)
    .filter((name) => fs.statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") }));
}

// The migrations are applied straight from their files (faster than Prisma's CLI once per
// worker) and recorded as `prisma migrate deploy` records them, so the server's readiness
// check and a later `claimdesk db migrate` see them applied.
const MIGRATIONS_TABLE = {
  sqlite: `CREATE TABLE "_prisma_migrations" ("id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME, "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME, "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgres: `CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};
const RECORD_MIGRATION = `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES`;
const checksum = (sql: string) => createHash("sha256").update(sql).digest("hex");

export function prepareSqliteDatabase(file: string): string {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.exec(MIGRATIONS_TABLE.sqlite);
    const record = db.prepare(`${RECORD_MIGRATION} (?, ?, ?, ?, 1)`);
    for (const { name, sql } of migrationScripts("sqlite")) {
      db.exec(sql);
      record.run(randomUUID(), checksum(sql), new Date().toISOString(), name);
    }
    db.close();
  }
  return `file:${file}`;
}

export async function preparePostgresSchema(serverUrl: string, schema: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = $1", [schema]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE SCHEMA "${schema}"`);
      await client.query(`SET search_path TO "${schema}"`);
      await client.query(MIGRATIONS_TABLE.postgres);
      for (const { name, sql } of migrationScripts("postgres")) {
        await client.query(sql.replace(/CREATE SCHEMA IF NOT EXISTS "public";/g, ""));
        await client.query(`${RECORD_MIGRATION} ($1, $2, now(), $3, 1)`, [randomUUID(), checksum(sql), name]);
      }
    }
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.searchParams.set("schema", schema);
  return url.toString();
}

/** Drops the migration records of a prepared database, as if its tables had been made by hand: every migration is pending. */
export async function forgetRecordedMigrations(databaseUrl: string): Promise<void> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.provider === "sqlite") {
    const db = new Database(target.filePath);
    db.exec('DELETE FROM "_prisma_migrations"');
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  try {
    await client.query(`DELETE FROM ${client.escapeIdentifier(target.schema ?? "public")}."_prisma_migrations"`);
  } finally {
    await client.end();
  }
}

export async function dropPostgresSchemas(serverUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const rows = await client.query<{ schema_name: string }>(
      "SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE $1",
      [`${prefix}%`],
    );
    for (const row of rows.rows) await client.query(`DROP SCHEMA "${row.schema_name}" CASCADE`);
  } finally {
    await client.end();
  }
}
