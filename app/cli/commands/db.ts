import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { getDb } from "../../db.server";
import { parseDatabaseUrl } from "../../lib/database-url";
import { BackupError, type ChainState, backupSqlite, checkSqliteFile, restoreSqlite, verifyAuditChains } from "../../models/backup.server";
import { deriveMarkedDecisions } from "../../models/claim-decision.server";
import { checkMigrations } from "../../models/health.server";
import { parseOptions } from "../args";
import { type CliIo, CliError, UsageError, printResult } from "../io";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const USAGE = "usage: claimdesk db migrate | db backup --out FILE | db restore --from FILE | db verify   [--json]";

/** Exit codes: 4 a copy or database that fails verification, 5 a database in use (restore). */
const EXIT = { invalid: 1, broken: 4, "in-use": 5 } as const;

/** Applies pending migrations with Prisma's own migrate deploy (WebAssembly engine, no download). */
export function migrateDatabase(): { output: string } {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const prisma = path.join(projectRoot, "node_modules", ".bin", "prisma");
  const result = spawnSync(prisma, ["migrate", "deploy"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: target.url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    const lines = `${result.stderr}\n${result.stdout}`
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("Loaded Prisma config") && !l.startsWith("Prisma schema loaded"));
    const reason = lines.find((l) => /error|can't|cannot|failed|denied/i.test(l)) ?? lines[0] ?? "unknown error";
    throw new CliError(`database migration failed: ${reason}`);
  }
  return { output: result.stdout };
}

const size = (bytes: number) => (bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} kB`);
const chainLines = (chains: ChainState[]) =>
  chains.map((c) => `  ${c.chain}: ${c.events} event(s), head ${c.headHash}${c.problem ? `  BROKEN: ${c.problem}` : ""}`).join("\n");

function sqliteFile(action: string, tool: string): string {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  if (target.provider === "postgresql")
    throw new CliError(`db ${action} is for SQLite; on PostgreSQL use ${tool} (README: Backup and restore), then claimdesk db verify`);
  if (target.filePath === ":memory:") throw new CliError(`db ${action} needs a database file, not :memory:`);
  return target.filePath;
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message, EXIT[error.reason]);
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
  if (broken) throw new CliError(`backup written, but audit chain ${broken.chain} does not verify: ${broken.problem}`, EXIT.broken);
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
    throw new CliError(`integrity check failed: ${check.integrity}`, EXIT.broken);
  if (broken) throw new CliError(`audit chain ${broken.chain} does not verify: ${broken.problem}`, EXIT.broken);
  if (!migrations.ok) throw new CliError(`migrations not applied: ${migrations.pending.join(", ") || migrations.error}`, 1);
  return 0;
}

/**
 * Migrates, then completes what a migration marked for the app to finish: decisions of
 * claims decided before they were stored are derived from the trail.
 */
export async function migrateAndUpgrade(): Promise<{ output: string; derivedDecisions: number }> {
  const { output } = migrateDatabase();
  return { output, derivedDecisions: await deriveMarkedDecisions() };
}

export async function dbCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "backup") return backup(rest, io);
  if (sub === "restore") return restore(rest, io);
  if (sub === "verify") return verify(rest, io);
  if (sub !== "migrate") throw new UsageError(USAGE);
  const { json } = parseOptions(rest, {}, z.object({}).passthrough());
  const { output } = await migrateAndUpgrade();
  const applied = output.includes("No pending migrations") ? 0 : (output.match(/^\s*└─ \d+_/gm)?.length ?? 0);
  const provider = parseDatabaseUrl(process.env.DATABASE_URL).provider;
  printResult(
    io,
    json,
    { ok: true, provider, applied },
    applied > 0 ? `Applied ${applied} migration(s) to ${provider}.` : `Database (${provider}) is up to date.`,
  );
  return 0;
}
