import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { parseDatabaseUrl } from "../../app/lib/database-url";
import { postgresLockHolders } from "../../app/models/migration-lock.server";
import { forgetRecordedMigrations, preparePostgresSchema, prepareSqliteDatabase, testLane } from "../support/test-database";

// `claimdesk db migrate` as `npm start` runs it, as a real process, while another connection
// holds a transaction open (a backup, a monitoring query, the CLI).

const bin = path.resolve(import.meta.dirname, "../../bin/claimdesk.mjs");

function migrate(
  databaseUrl: string,
  waitSeconds: number,
  onStderr: (text: string) => void = () => undefined,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, "db", "migrate"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, DATABASE_MIGRATION_WAIT_SECONDS: String(waitSeconds) },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      onStderr(stderr);
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A database whose tables exist but whose migrations are not recorded: every migration is pending. */
async function unrecordedDatabase(): Promise<string> {
  const id = `mig${Math.random().toString(36).slice(2, 8)}`;
  const url =
    testLane() === "postgres"
      ? await preparePostgresSchema(process.env.TEST_DATABASE_URL!, `t_${inject("runId")}_${id}`)
      : prepareSqliteDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-migrate-")), "unrecorded.db"));
  await forgetRecordedMigrations(url);
  return url;
}

async function freshDatabase(): Promise<string> {
  const id = `mig${Math.random().toString(36).slice(2, 8)}`;
  if (testLane() === "postgres") {
    // Not created here: migrating creates the schema it is told to use.
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.searchParams.set("schema", `t_${inject("runId")}_${id}`);
    return url.toString();
  }
  return `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-migrate-")), "fresh.db")}`;
}

/** Opens a transaction that reads a table, as a backup would, and returns how to end it. */
async function holdReader(databaseUrl: string, table = "Claim"): Promise<() => Promise<void>> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.provider === "sqlite") {
    const db = new Database(target.filePath);
    db.prepare("BEGIN").run();
    db.prepare("SELECT count(*) FROM sqlite_master").get();
    return async () => {
      db.prepare("COMMIT").run();
      db.close();
    };
  }
  const client = new pg.Client({ connectionString: target.connectionString, application_name: "nightly-backup" });
  await client.connect();
  await client.query(`SET search_path TO "${target.schema}"`);
  await client.query("BEGIN");
  await client.query(`SELECT count(*) FROM ${client.escapeIdentifier(table)}`);
  return async () => {
    await client.query("COMMIT");
    await client.end();
  };
}

describe("migrating while another connection holds a transaction", () => {
  it("waits, saying why, and gives up with one line when the wait runs out, changing nothing", async () => {
    const url = await unrecordedDatabase();
    const release = await holdReader(url);
    try {
      const result = await migrate(url, 2);
      expect(result.code).toBe(1);
      const lines = result.stderr.trim().split("\n");
      expect(lines[0]).toMatch(/^claimdesk: waiting to apply \d+ migration\(s\): /);
      expect(lines.at(-1)).toMatch(/^claimdesk: cannot migrate: .*(SQLite file open|nightly-backup).*DATABASE_MIGRATION_WAIT_SECONDS/);
      expect(result.stderr).not.toMatch(/SocketTimeout|WASM_ERROR|at .*\.js/);
    } finally {
      await release();
    }
  }, 60_000);

  it("applies the migrations once the transaction ends, and a restart with nothing to apply does not wait at all", async () => {
    const url = await freshDatabase();
    const target = parseDatabaseUrl(url);
    // An empty database that something already has open.
    if (target.provider === "sqlite") new Database(target.filePath).exec("PRAGMA journal_mode = WAL").close();
    const release = await holdReader(url, "pg_class");
    // SQLite waits for the reader to go (it says so); PostgreSQL has no tables to lock yet.
    let released: Promise<void> | undefined = target.provider === "sqlite" ? undefined : release();
    const migrating = migrate(url, 120, (stderr) => {
      if (stderr.includes("waiting to apply")) released ??= release();
    });
    const safety = setTimeout(() => (released ??= release()), 90_000);
    const first = await migrating;
    clearTimeout(safety);
    await released;
    expect(first.stderr).not.toMatch(/cannot migrate|failed/);
    expect(first.stdout).toMatch(/^Applied \d+ migration\(s\)/);
    expect(first.code).toBe(0);
    if (target.provider === "sqlite") expect(first.stderr).toMatch(/waiting to apply/);

    const again = await holdReader(url);
    try {
      const restart = await migrate(url, 0);
      expect(restart).toMatchObject({ code: 0, stderr: "" });
      expect(restart.stdout).toMatch(/is up to date/);
    } finally {
      await again();
    }
  }, 120_000);

  it.runIf(testLane() === "postgres")("names the PostgreSQL connections holding the tables a migration needs", async () => {
    const url = await unrecordedDatabase();
    const target = parseDatabaseUrl(url) as Extract<ReturnType<typeof parseDatabaseUrl>, { provider: "postgresql" }>;
    const release = await holdReader(url);
    try {
      expect(await postgresLockHolders(target, ["LoginThrottle"])).toBeNull();
      const holders = await postgresLockHolders(target, ["Claim", "LoginThrottle"]);
      expect(holders).toEqual([expect.objectContaining({ application: "nightly-backup" })]);
    } finally {
      await release();
    }
    expect(await postgresLockHolders(target, ["Claim"])).toBeNull();
  });
});
