import Database from "better-sqlite3";
import fs from "node:fs";
import path from "node:path";
import { type Db, openSqliteReadOnly } from "../db.server";
import { GLOBAL_CHAIN, describeChainProblem } from "../lib/audit-hash";
import { verifyAuditChain } from "./audit.server";

// Online backup and offline restore of the SQLite database (PostgreSQL uses pg_dump and
// pg_restore, see the README), each verified: SQLite's integrity check and every audit chain.

export type BackupFailure = "invalid" | "in-use" | "broken";

export class BackupError extends Error {
  constructor(
    message: string,
    readonly reason: BackupFailure,
  ) {
    super(message);
  }
}

export interface ChainState {
  chain: string;
  events: number;
  headHash: string;
  /** What is wrong with the chain, in words; null when it verifies. */
  problem: string | null;
}

export interface DatabaseCheck {
  /** "ok", or what SQLite's integrity check found. */
  integrity: string;
  chains: ChainState[];
}

/** Every audit chain of the database verified from its first event: the global chain first, then each project's. */
export async function verifyAuditChains(db: Db): Promise<ChainState[]> {
  const heads = await db.auditChainHead.findMany({ select: { chain: true } });
  const withEvents = await db.auditEvent.findMany({ distinct: ["chain"], select: { chain: true } });
  const chains = [...new Set([...heads, ...withEvents].map((row) => row.chain))].sort((a, b) =>
    a === GLOBAL_CHAIN ? -1 : b === GLOBAL_CHAIN ? 1 : a.localeCompare(b, "en", { numeric: true }),
  );
  const states: ChainState[] = [];
  for (const chain of chains) {
    const result = await verifyAuditChain(chain, { db });
    states.push({
      chain,
      events: result.checked,
      headHash: result.headHash,
      problem: result.problem ? describeChainProblem(result.problem, chain) : null,
    });
  }
  return states;
}

/** Opens a file that should be a Claimdesk SQLite database and runs SQLite's integrity check, changing nothing. */
function integrityOf(file: string): string {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`cannot open ${file}: ${error instanceof Error ? error.message : String(error)}`, "invalid");
  }
  try {
    const tables = new Set(
      (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name),
    );
    if (!tables.has("AuditEvent") || !tables.has("_prisma_migrations"))
      throw new BackupError(`${file} is not a Claimdesk database (it has no audit trail or migrations table)`, "invalid");
    const rows = db.pragma("integrity_check") as Array<{ integrity_check: string }>;
    return rows.map((row) => row.integrity_check).join("; ");
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `${file} is not a readable SQLite database: ${error instanceof Error ? error.message : String(error)}`,
      "invalid",
    );
  } finally {
    db.close();
  }
}

/** Integrity check and every audit chain of a SQLite file, opened read-only. */
export async function checkSqliteFile(file: string): Promise<DatabaseCheck> {
  const integrity = integrityOf(file);
  if (integrity !== "ok") return { integrity, chains: [] };
  const db = openSqliteReadOnly(file);
  try {
    return { integrity, chains: await verifyAuditChains(db) };
  } finally {
    await db.$disconnect();
  }
}

function syncToDisk(file: string): void {
  const fd = fs.openSync(file, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Moves a finished file into place so that the name only ever holds a complete file, durably. */
function publish(partial: string, target: string): void {
  syncToDisk(partial);
  fs.renameSync(partial, target);
  syncToDisk(path.dirname(target));
}

export interface BackupResult extends DatabaseCheck {
  file: string;
  bytes: number;
}

/**
 * A consistent copy of the live database while the app serves and writes: `VACUUM INTO`
 * reads one snapshot (a read transaction, which in WAL mode never blocks writers) and writes
 * a compact new file. The copy is verified before it takes its name; a copy whose audit chain
 * does not verify is kept (it is what the database holds) and reported.
 */
export async function backupSqlite(source: string, out: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new BackupError(`there is no database at ${source}`, "invalid");
  if (fs.existsSync(out)) throw new BackupError(`${out} already exists; a backup never overwrites a file, choose a new name`, "invalid");
  const dir = path.dirname(out);
  if (!fs.existsSync(dir)) throw new BackupError(`the folder ${dir} does not exist`, "invalid");
  const partial = path.join(dir, `.${path.basename(out)}.partial-${process.pid}`);
  try {
    const db = new Database(source, { fileMustExist: true, timeout: 10_000 });
    try {
      db.prepare("VACUUM INTO ?").run(partial);
    } finally {
      db.close();
    }
    const check = await checkSqliteFile(partial);
    if (check.integrity !== "ok") throw new BackupError(`the copy failed SQLite's integrity check: ${check.integrity}`, "broken");
    publish(partial, out);
    return { file: out, bytes: fs.statSync(out).size, ...check };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Fails unless no other connection has the database open. Leaving WAL mode needs every
 * other connection closed, and a server keeps its connection open for as long as it runs,
 * so a refused switch means a server (or another command) holds the database.
 */
function assertNotInUse(target: string): void {
  if (!fs.existsSync(target)) return;
  const db = new Database(target, { fileMustExist: true, timeout: 0 });
  try {
    const mode = db.pragma("journal_mode = DELETE", { simple: true });
    if (mode !== "delete") throw new Error(`journal mode stayed ${String(mode)}`);
  } catch (error) {
    const busy = error instanceof Error && /locked|busy|stayed/i.test(`${(error as { code?: string }).code ?? ""} ${error.message}`);
    if (busy)
      throw new BackupError(
        `the database ${target} is in use (a running server or another claimdesk command has it open): stop it, then restore`,
        "in-use",
      );
    throw error;
  } finally {
    db.close();
  }
}

export interface RestoreResult extends DatabaseCheck {
  file: string;
  from: string;
  bytes: number;
  /** Where the database that was replaced now is (nothing is deleted), or null if there was none. */
  previous: string | null;
}

/** Puts a verified backup in place of the database of a stopped instance; the replaced file is kept beside it. */
export async function restoreSqlite(from: string, target: string, now = new Date()): Promise<RestoreResult> {
  if (!fs.existsSync(from)) throw new BackupError(`there is no backup at ${from}`, "invalid");
  const check = await checkSqliteFile(from);
  if (check.integrity !== "ok") throw new BackupError(`${from} failed SQLite's integrity check: ${check.integrity}`, "broken");
  const broken = check.chains.find((chain) => chain.problem);
  if (broken) throw new BackupError(`${from}: audit chain ${broken.chain} does not verify (${broken.problem}); not restored`, "broken");

  fs.mkdirSync(path.dirname(target), { recursive: true });
  assertNotInUse(target);
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    previous = `${target}.before-restore-${now.toISOString().replace(/[-:]/g, "").replace(/\..*/, "")}`;
    fs.renameSync(target, previous);
  }
  // Left over only if the database was not closed cleanly; they belong to the file moved away.
  for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(`${target}${suffix}`, { force: true });
  const partial = path.join(path.dirname(target), `.${path.basename(target)}.restoring-${process.pid}`);
  try {
    fs.copyFileSync(from, partial);
    publish(partial, target);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    if (previous && !fs.existsSync(target)) fs.renameSync(previous, target);
    throw error;
  }
  return { file: target, from, bytes: fs.statSync(target).size, previous, ...check };
}
