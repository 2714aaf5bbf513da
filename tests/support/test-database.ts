import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

// Integration tests run on a real database: a SQLite file per worker, or one
// PostgreSQL schema per worker when TEST_LANE=postgres (TEST_DATABASE_URL names the server).

export type TestLane = "sqlite" | "postgres";

export function testLane(): TestLane {
  return process.env.TEST_LANE === "postgres" ? "postgres" : "sqlite";
}

const root = path.resolve(import.meta.dirname, "..", "..");

function migrationScripts(provider: "sqlite" | "postgres"): string[] {
  const dir = path.join(root, "prisma", provider, "migrations");
  return fs
    .readdirSync(dir)
    .filter((name) => fs.statSync(path.join(dir, name)).isDirectory())
    .sort()
    .map((name) => fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
}

export function prepareSqliteDatabase(file: string): string {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    for (const script of migrationScripts("sqlite")) db.exec(script);
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
      for (const script of migrationScripts("postgres")) {
        await client.query(script.replace(/CREATE SCHEMA IF NOT EXISTS "public";/g, ""));
      }
    }
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.searchParams.set("schema", schema);
  return url.toString();
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
