import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { getConfig } from "../../config.server";
import { getDb } from "../../db.server";
import { type DatabaseTarget, parseDatabaseUrl } from "../../lib/database-url";
import { describeHolders, migrationFailureReason, pendingMigrations, tablesNamed } from "../../lib/migrations";
import { AuditKeyError } from "../../lib/audit-hash";
import { keyAuditChains } from "../../models/audit.server";
import { BackupError, type ChainState, backupSqlite, checkSqliteFile, restoreSqlite, verifyAuditChains } from "../../models/backup.server";
import { deriveMarkedDecisions } from "../../models/claim-decision.server";
import { checkMigrations } from "../../models/health.server";
import {
  ensurePostgresSchema,
  postgresLockHolders,
  postgresTables,
  readAppliedMigrations,
  sqliteOpenElsewhere,
} from "../../models/migration-lock.server";
import { parseOptions } from "../args";
import { AppError, type AppErrorCode } from "../../lib/app-error";
import { type CliIo, printResult } from "../io";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const USAGE = "usage: claimdesk db migrate | db backup --out FILE | db restore --from FILE | db verify   [--json]";

/** Exit codes: 4 a copy or database that fails verification, 5 a database in use (restore). */
const CODE_OF_FAILURE = { invalid: "failed", broken: "integrity_failed", "in-use": "in_use" } as const satisfies Record<
  string,
  AppErrorCode
>;

const WAIT_NOTE_EVERY_MS = 15_000;
const PROBE_EVERY_MS = 1_000;

function migrationFolders(provider: DatabaseTarget["provider"]): { dir: string; names: string[] } {
  const dir = path.join(projectRoot, "prisma", provider === "postgresql" ? "postgres" : "sqlite", "migrations");
  const names = fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? [entry.name] : []));
  return { dir, names };
}

/** Who keeps the migration from starting right now, or null when it can start. */
async function blockedBy(target: DatabaseTarget, pending: string[], dir: string): Promise<string | null> {
  if (target.provider === "sqlite")
    return sqliteOpenElsewhere(target.filePath)
      ? "another connection has the SQLite file open (a running Claimdesk, a backup, a query tool or the CLI), and SQLite migrates only with the file to itself"
      : null;
  const sql = pending.map((name) => fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8")).join("\n");
  const tables = tablesNamed(sql, await postgresTables(target));
  const holders = await postgresLockHolders(target, tables);
  return holders === null ? null : `${describeHolders(holders)} keeps a transaction open on ${tables.join(", ")}`;
}

/**
 * Applies pending migrations with Prisma's own migrate deploy (WebAssembly engine, no
 * download). With nothing pending it does not ask Prisma at all, so a restart never needs a
 * lock. Otherwise it first waits, saying so on stderr, until the migration can take the locks
 * it needs (an open transaction elsewhere, such as a backup, would make Prisma fail or queue
 * every query behind it), for up to DATABASE_MIGRATION_WAIT_SECONDS.
 */
export async function migrateDatabase(io: Pick<CliIo, "stderr">, now = () => Date.now()): Promise<{ applied: number }> {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const { dir, names } = migrationFolders(target.provider);
  const { pending, failed } = pendingMigrations(names, await readAppliedMigrations(target));
  if (pending.length === 0 && failed.length === 0) return { applied: 0 };

  if (target.provider === "postgresql") await ensurePostgresSchema(target);
  const waitMs = getConfig().DATABASE_MIGRATION_WAIT_SECONDS * 1000;
  const started = now();
  let noted = -Infinity;
  for (;;) {
    const reason = await blockedBy(target, pending, dir);
    if (reason === null) break;
    const waited = now() - started;
    if (waited >= waitMs)
      throw new AppError(
        "failed",
        `cannot migrate: ${reason}, and still did after ${Math.round(waited / 1000)} s (DATABASE_MIGRATION_WAIT_SECONDS); end it and try again`,
      );
    if (waited - noted >= WAIT_NOTE_EVERY_MS) {
      noted = waited;
      io.stderr(
        `claimdesk: waiting to apply ${pending.length} migration(s): ${reason} (${Math.round(waited / 1000)} s of at most ${waitMs / 1000} s)\n`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, PROBE_EVERY_MS));
  }

  const prisma = path.join(projectRoot, "node_modules", ".bin", "prisma");
  const result = spawnSync(prisma, ["migrate", "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: target.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0)
    throw new AppError("failed", `database migration failed: ${migrationFailureReason(`${result.stderr}\n${result.stdout}`)}`);
  return {
    applied: result.stdout.includes("No pending migrations") ? 0 : (result.stdout.match(/^\s*└─ \d+_/gm)?.length ?? pending.length),
  };
}

const size = (bytes: number) => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`);
const chainLines = (chains: ChainState[]) =>
  chains.map((c) => `  ${c.chain}: ${c.events} event(s), head ${c.headHash}${c.problem ? `  BROKEN: ${c.problem}` : ""}`).join("\n");

function sqliteFile(action: string, tool: string): string {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  if (target.provider === "postgresql")
    throw new AppError(
      "failed",
      `db ${action} is for SQLite; on PostgreSQL use ${tool} (README: Backup and restore), then claimdesk db verify`,
    );
  if (target.filePath === ":memory:") throw new AppError("failed", `db ${action} needs a database file, not :memory:`);
  return target.filePath;
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new AppError(CODE_OF_FAILURE[error.reason], error.message);
    throw error;
  }
}

async function backup(rest: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(
    rest,
    { out: { type: "string" } },
    z.object({ out: z.string({ error: "the file to write the backup to is required" }).min(1) }),
  );
  const source = sqliteFile("backup", "pg_dump");
  const result = await run(() => backupSqlite(source, path.resolve(values.out)));
  const broken = result.chains.find((chain) => chain.problem);
  if (json) io.stdout(`${JSON.stringify({ ok: !broken, ...result }, null, 2)}\n`);
  else
    io.stdout(
      `Backed up to ${result.file} (${size(result.bytes)}); integrity ${result.integrity}; audit chains:\n${chainLines(result.chains)}\n`,
    );
  if (broken) throw new AppError("integrity_failed", `backup written, but audit chain ${broken.chain} does not verify: ${broken.problem}`);
  return 0;
}

async function restore(rest: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(
    rest,
    { from: { type: "string" } },
    z.object({ from: z.string({ error: "the backup file to restore is required" }).min(1) }),
  );
  const target = sqliteFile("restore", "pg_restore");
  const result = await run(() => restoreSqlite(path.resolve(values.from), target));
  printResult(
    io,
    json,
    { ok: true, ...result },
    `Restored ${result.from} into ${result.file} (${size(result.bytes)})${result.previous ? `; the replaced database is kept at ${result.previous}` : ""}; audit chains:\n${chainLines(result.chains)}\nStart the server to apply any newer migrations.`,
  );
  return 0;
}

/** The current database (SQLite or PostgreSQL, for example after pg_restore): integrity, audit chains, migrations. */
async function verify(rest: string[], io: CliIo): Promise<number> {
  const { json } = parseOptions(rest, {}, z.object({}));
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const check = await run(async () =>
    target.provider === "sqlite"
      ? checkSqliteFile(sqliteFile("verify", ""))
      : { integrity: "not checked (PostgreSQL)", chains: await verifyAuditChains(getDb()) },
  );
  const migrations = await checkMigrations(projectRoot);
  const broken = check.chains.find((chain) => chain.problem);
  const ok = (check.integrity === "ok" || target.provider === "postgresql") && !broken && migrations.ok;
  if (json) io.stdout(`${JSON.stringify({ ok, provider: target.provider, ...check, migrations }, null, 2)}\n`);
  else
    io.stdout(
      `Database (${target.provider}): integrity ${check.integrity}; migrations ${migrations.ok ? "all applied" : `pending: ${migrations.pending.join(", ") || migrations.error}`}; audit chains:\n${chainLines(check.chains)}\n`,
    );
  if (check.integrity !== "ok" && target.provider === "sqlite")
    throw new AppError("integrity_failed", `integrity check failed: ${check.integrity}`);
  if (broken) throw new AppError("integrity_failed", `audit chain ${broken.chain} does not verify: ${broken.problem}`);
  if (!migrations.ok) throw new AppError("failed", `migrations not applied: ${migrations.pending.join(", ") || migrations.error}`);
  return 0;
}

/**
 * Migrates, then completes what a migration marked for the app to finish: decisions of
 * claims decided before they were stored are derived from the trail. Last, with
 * AUDIT_HMAC_KEY set, keys every audit chain not yet keyed with it (and refuses another key).
 */
export async function migrateAndUpgrade(
  io: Pick<CliIo, "stderr">,
): Promise<{ applied: number; derivedDecisions: number; keyedChains: number }> {
  const { applied } = await migrateDatabase(io);
  const derivedDecisions = await deriveMarkedDecisions();
  try {
    return { applied, derivedDecisions, keyedChains: (await keyAuditChains()).keyed };
  } catch (error) {
    if (error instanceof AuditKeyError) throw new AppError("failed", error.message);
    throw error;
  }
}

export async function dbCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "backup") return backup(rest, io);
  if (sub === "restore") return restore(rest, io);
  if (sub === "verify") return verify(rest, io);
  if (sub !== "migrate") throw new AppError("usage", USAGE);
  const { json } = parseOptions(rest, {}, z.object({}).passthrough());
  const { applied } = await migrateAndUpgrade(io);
  const provider = parseDatabaseUrl(process.env.DATABASE_URL).provider;
  printResult(
    io,
    json,
    { ok: true, provider, applied },
    applied > 0 ? `Applied ${applied} migration(s) to ${provider}.` : `Database (${provider}) is up to date.`,
  );
  return 0;
}
