import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { parseDatabaseUrl } from "../../lib/database-url";
import { deriveMarkedDecisions } from "../../models/claim-decision.server";
import { parseOptions } from "../args";
import { AppError } from "../../lib/app-error";
import { type CliIo, printResult } from "../io";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

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
    throw new AppError("failed", `database migration failed: ${reason}`);
  }
  return { output: result.stdout };
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
  if (sub !== "migrate") throw new AppError("usage", "usage: claimdesk db migrate [--json]");
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
