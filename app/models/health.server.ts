import fs from "node:fs";
import path from "node:path";
import { databaseProvider, getDb } from "../db.server";

export async function checkDatabase(): Promise<{ ok: boolean; provider: string; latencyMs: number; error?: string }> {
  const started = performance.now();
  const provider = databaseProvider();
  try {
    await getDb().$queryRawUnsafe("SELECT 1");
    return { ok: true, provider, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, provider, latencyMs: Math.round(performance.now() - started), error: firstLine(error) };
  }
}

const firstLine = (error: unknown) => (error instanceof Error ? error.message.split("\n")[0]! : "unreachable");

/** The migrations this version of Claimdesk ships for the provider (folder names, in order). */
export function shippedMigrations(provider: "sqlite" | "postgresql", root = process.cwd()): string[] {
  const dir = path.join(root, "prisma", provider === "postgresql" ? "postgres" : "sqlite", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export interface MigrationState {
  ok: boolean;
  applied: number;
  pending: string[];
  error?: string;
}

/** Whether every shipped migration has been applied (and none failed halfway) to the database. */
export async function checkMigrations(root = process.cwd()): Promise<MigrationState> {
  try {
    const shipped = shippedMigrations(databaseProvider(), root);
    const rows = await getDb().$queryRawUnsafe<Array<{ migration_name: string; finished: number | boolean | bigint }>>(
      `SELECT "migration_name", CASE WHEN "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL THEN 1 ELSE 0 END AS "finished" FROM "_prisma_migrations"`,
    );
    const applied = new Set(rows.filter((row) => Number(row.finished) === 1).map((row) => row.migration_name));
    const failed = rows.filter((row) => Number(row.finished) !== 1 && !applied.has(row.migration_name)).map((row) => row.migration_name);
    const pending = shipped.filter((name) => !applied.has(name));
    if (failed.length > 0) return { ok: false, applied: applied.size, pending, error: `migration ${failed[0]} did not finish` };
    return { ok: pending.length === 0, applied: applied.size, pending };
  } catch (error) {
    return { ok: false, applied: 0, pending: [], error: firstLine(error) };
  }
}
