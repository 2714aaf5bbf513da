import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { getConfig } from "../../config.server";
import { type DatabaseTarget, parseDatabaseUrl } from "../../lib/database-url";
import { describeHolders, migrationFailureReason, pendingMigrations, tablesNamed } from "../../lib/migrations";
import { deriveMarkedDecisions } from "../../models/claim-decision.server";
import {
  ensurePostgresSchema,
  postgresLockHolders,
  postgresTables,
  readAppliedMigrations,
  sqliteOpenElsewhere,
} from "../../models/migration-lock.server";
import { parseOptions } from "../args";
import { AppError } from "../../lib/app-error";
import { type CliIo, printResult } from "../io";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

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

/**
 * Migrates, then completes what a migration marked for the app to finish: decisions of
 * claims decided before they were stored are derived from the trail.
 */
export async function migrateAndUpgrade(io: Pick<CliIo, "stderr">): Promise<{ applied: number; derivedDecisions: number }> {
  const { applied } = await migrateDatabase(io);
  return { applied, derivedDecisions: await deriveMarkedDecisions() };
}

export async function dbCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "migrate") throw new AppError("usage", "usage: claimdesk db migrate [--json]");
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
