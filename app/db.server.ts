import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import fs from "node:fs";
import path from "node:path";
import { PrismaClient as PostgresPrismaClient } from "../generated/postgres/client";
import { Prisma, PrismaClient as SqlitePrismaClient } from "../generated/sqlite/client";
import { AppError } from "./lib/app-error";
import { type DatabaseTarget, parseDatabaseUrl } from "./lib/database-url";
import { timeDatabaseQueries } from "./observability/timed-queries.server";

// Both generated clients come from one model file, so their model types match; the
// app is typed against the SQLite client and the PostgreSQL one is cast to it.
export type Db = SqlitePrismaClient;
export type Tx = Prisma.TransactionClient;
export { Prisma };

const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens the SQLite connection in WAL mode with a busy timeout: readers never block
 * the writer, and a second process (another server process, the CLI) waits instead
 * of failing with SQLITE_BUSY.
 */
function sqliteAdapter(filePath: string): SqlMigrationAwareDriverAdapterFactory {
  if (filePath !== ":memory:") fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const base = new PrismaBetterSQLite3({ url: filePath, timeout: SQLITE_BUSY_TIMEOUT_MS });
  const prepare = async (adapter: SqlDriverAdapter) => {
    beginTransactionsImmediately(adapter);
    timeDatabaseQueries(adapter);
    await adapter.executeScript(
      "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 10000;",
    );
    return adapter;
  };
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: async () => prepare(await base.connect()),
    connectToShadowDb: async () => prepare(await base.connectToShadowDb()),
  };
}

/**
 * The adapter opens transactions with a deferred BEGIN: a transaction that reads and
 * then writes fails at once with SQLITE_BUSY (the busy timeout does not apply) when
 * another process committed in between. BEGIN IMMEDIATE takes the write lock first,
 * so concurrent processes wait their turn instead. Checked by "SQLite with several server
 * processes" in tests/integration/review.test.ts.
 *
 * The lock is taken here, before the adapter's own BEGIN, for two reasons. The adapter
 * takes its in-process mutex and then runs BEGIN; when BEGIN fails (SQLITE_BUSY once the
 * busy timeout is spent) it never releases the mutex, so every later transaction of that
 * process waits forever (a CLI process then exits 13, a server stops writing). And the
 * busy timeout waits synchronously, holding the event loop for up to 10 s; here each
 * attempt waits at most a moment and the retries wait between them without blocking.
 */
function beginTransactionsImmediately(adapter: SqlDriverAdapter) {
  const client = (adapter as unknown as { client?: SqliteClient }).client;
  if (!client || typeof client.prepare !== "function" || typeof client.pragma !== "function")
    throw new Error("claimdesk: unexpected SQLite adapter shape; cannot set BEGIN IMMEDIATE");
  const prepareNative = client.prepare.bind(client);
  const prepare = reusePreparedStatements((sql: string) => prepareNative(sql) as SqliteStatement);
  let begun = false;
  client.prepare = (sql: string) => {
    if (sql !== "BEGIN") return prepare(sql);
    if (!begun) throw new Error("claimdesk: a SQLite transaction began outside beginTransactionsImmediately");
    begun = false;
    return alreadyBegun;
  };
  const startTransaction = adapter.startTransaction.bind(adapter);
  let turns: Promise<void> = Promise.resolve();
  adapter.startTransaction = async (isolationLevel) => {
    let leave!: () => void;
    const previous = turns;
    turns = new Promise<void>((resolve) => (leave = resolve));
    await previous;
    let open = false;
    try {
      await beginImmediate(() => {
        client.pragma(`busy_timeout = ${SQLITE_BEGIN_ATTEMPT_MS}`);
        try {
          prepare("BEGIN IMMEDIATE").run();
        } finally {
          client.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
        }
      });
      open = true;
      begun = true;
      const transaction = await startTransaction(isolationLevel);
      const commit = transaction.commit.bind(transaction);
      const rollback = transaction.rollback.bind(transaction);
      transaction.commit = () => commit().finally(leave);
      transaction.rollback = () => rollback().finally(leave);
      return transaction;
    } catch (error) {
      begun = false;
      if (open) prepare("ROLLBACK").run();
      leave();
      throw error;
    }
  };
}

const SQLITE_BEGIN_ATTEMPT_MS = 100;
/** How long a write waits for another process's write lock before it answers 'busy'. */
function writeLockBudgetMs(): number {
  return Number(process.env.SQLITE_WRITE_WAIT_MS) || 30_000;
}

/** Tries BEGIN IMMEDIATE until it takes the write lock, pausing between tries; gives up as 'busy' after the budget. */
async function beginImmediate(attempt: () => void): Promise<void> {
  const startedAt = Date.now();
  for (let pause = 5; ; pause = Math.min(pause * 2, 50)) {
    try {
      attempt();
      return;
    } catch (error) {
      if (!String((error as { code?: unknown }).code ?? "").startsWith("SQLITE_BUSY")) throw error;
      if (Date.now() - startedAt > writeLockBudgetMs())
        throw new AppError("busy", "The database was too busy to save this change in time. Nothing was saved; try again in a moment.");
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

interface SqliteClient {
  prepare: (sql: string) => unknown;
  pragma: (source: string) => unknown;
}

/** What the adapter's BEGIN runs once the transaction was opened above. */
const alreadyBegun: SqliteStatement = {
  reader: false,
  bind: () => alreadyBegun,
  run: () => ({ changes: 0 }),
  columns: () => [],
  raw: () => alreadyBegun,
  all: () => [],
};

/** The part of better-sqlite3's Statement the adapter uses: it prepares, binds once, then runs or reads raw rows. */
interface SqliteStatement {
  readonly reader: boolean;
  bind(params: unknown[]): SqliteStatement;
  run(...params: unknown[]): unknown;
  columns(): unknown[];
  raw(toggle?: boolean): SqliteStatement;
  all(...params: unknown[]): unknown[];
}

const STATEMENT_CACHE_LIMIT = 500;

/**
 * The adapter prepares every query anew (SQLite parses and plans it each time: about a
 * fifth of a claims-table data request's database time, docs/benchmarks.md). This keeps
 * one prepared statement per SQL text and hands the adapter a view of it bound to each
 * call's parameters; better-sqlite3 runs a statement to completion synchronously, so
 * sharing one between calls is safe, and SQLite re-prepares it itself after a schema change.
 */
function reusePreparedStatements(prepare: (sql: string) => SqliteStatement) {
  const cache = new Map<string, SqliteStatement>();
  return (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (cache.size >= STATEMENT_CACHE_LIMIT) cache.clear();
      cache.set(sql, statement);
    }
    const shared = statement;
    return {
      reader: shared.reader,
      columns: () => shared.columns(),
      bind: (params: unknown[]) => ({
        reader: shared.reader,
        columns: () => shared.columns(),
        run: () => shared.run(params),
        raw: () => ({ all: () => shared.raw(true).all(params) }),
        all: () => shared.raw(false).all(params),
      }),
      run: (...params: unknown[]) => shared.run(...params),
      raw: (toggle?: boolean) => shared.raw(toggle),
      all: (...params: unknown[]) => shared.raw(false).all(...params),
    };
  };
}

export function createDb(target: DatabaseTarget, poolSize = 10): Db {
  if (target.provider === "postgresql") {
    // Plain SQL (claim filters, exports) names tables without a schema: the search path
    // makes it find the same tables as Prisma's own queries.
    const searchPath = target.schema ? { options: `-c search_path="${target.schema.replace(/"/g, '""')}"` } : {};
    const base = new PrismaPg({ connectionString: target.connectionString, max: poolSize, ...searchPath }, { schema: target.schema });
    const adapter: typeof base = Object.assign(Object.create(base) as typeof base, {
      connect: async () => timeDatabaseQueries(await base.connect()),
    });
    return new PostgresPrismaClient({ adapter }) as unknown as Db;
  }
  return new SqlitePrismaClient({ adapter: sqliteAdapter(target.filePath) });
}

/** A read-only client on a SQLite file that is not the app's database (a backup being verified): it changes nothing in the file. */
export function openSqliteReadOnly(filePath: string): Db {
  const adapter = new PrismaBetterSQLite3({ url: filePath, readonly: true, fileMustExist: true });
  return new SqlitePrismaClient({ adapter });
}

let instance: { db: Db; url: string } | undefined;

/** The process-wide client for DATABASE_URL (re-created if the URL changes, as in tests). */
/**
 * Prisma's "transaction API error" (P2028): no connection within maxWait, or the transaction
 * outlived its timeout. Either way it was rolled back, so nothing of it was written.
 */
export function isTransactionTimeout(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2028";
}

/** A unique constraint refused the write (P2002), from either provider's client. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

export function getDb(): Db {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  if (!instance || instance.url !== target.url) {
    const poolSize = Number(process.env.DATABASE_POOL_SIZE) || 10;
    instance = { db: createDb(target, poolSize), url: target.url };
  }
  return instance.db;
}

export function databaseProvider(): DatabaseTarget["provider"] {
  return parseDatabaseUrl(process.env.DATABASE_URL).provider;
}

export async function disconnectDb(): Promise<void> {
  if (instance) {
    await instance.db.$disconnect();
    instance = undefined;
  }
}
