/** What Prisma's `_prisma_migrations` table says of one migration. */
export interface AppliedMigration {
  name: string;
  finished: boolean;
  rolledBack: boolean;
}

/**
 * Migrations still to apply, from the folders shipped and the rows applied. A migration that
 * started and never finished (and was not rolled back) is `failed`: only Prisma can report it.
 */
export function pendingMigrations(folders: string[], applied: AppliedMigration[] | null): { pending: string[]; failed: string[] } {
  if (applied === null) return { pending: [...folders].sort(), failed: [] };
  const done = new Set(applied.filter((m) => m.finished && !m.rolledBack).map((m) => m.name));
  const failed = applied.filter((m) => !m.finished && !m.rolledBack).map((m) => m.name);
  return { pending: folders.filter((name) => !done.has(name)).sort(), failed };
}

/** The existing tables a migration's SQL names (quoted identifiers, as Prisma writes them). */
export function tablesNamed(sql: string, existing: readonly string[]): string[] {
  const known = new Set(existing);
  const named = new Set<string>();
  for (const match of sql.matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"/g)) if (known.has(match[1]!)) named.add(match[1]!);
  return [...named].sort();
}

/** Prisma's output when `migrate deploy` fails, as one line a person can act on. */
export function migrationFailureReason(output: string): string {
  if (/SocketTimeout|SQLITE_BUSY|database is locked/i.test(output))
    return "the database is locked by another connection (a running Claimdesk, a backup, a query tool or the CLI); close it and try again";
  if (/P3009|failed migrations/i.test(output))
    return "a migration failed earlier and was left half-applied; see `npx prisma migrate status` and resolve it before starting";
  if (/P3005/.test(output))
    return "the database already has tables that Claimdesk's migrations did not create; point DATABASE_URL at an empty database or one Claimdesk created";
  if (/P1001|ECONNREFUSED|can't reach database server/i.test(output)) return "the database server cannot be reached";
  const lines = output
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("Loaded Prisma config") && !line.startsWith("Prisma schema loaded"));
  return lines.find((line) => /error|can't|cannot|failed|denied/i.test(line)) ?? lines[0] ?? "unknown error";
}

export interface LockHolder {
  pid: number | null;
  application: string;
  state: string;
  since: Date | null;
}

/** Who keeps the migration waiting, in a few words. */
export function describeHolders(holders: LockHolder[]): string {
  if (holders.length === 0) return "another connection";
  const shown = holders.slice(0, 3).map((holder) => {
    const parts = [holder.pid === null ? null : `pid ${holder.pid}`, holder.application || null, holder.state || null];
    const since = holder.since ? `, since ${holder.since.toISOString().slice(11, 19)} UTC` : "";
    return `${parts.filter(Boolean).join(", ")}${since}`;
  });
  const more = holders.length > 3 ? ` and ${holders.length - 3} more` : "";
  return `${holders.length === 1 ? "1 connection" : `${holders.length} connections`} (${shown.join("; ")}${more})`;
}
