import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/claimdesk.db";

export type DatabaseTarget =
  | { provider: "sqlite"; url: string; filePath: string }
  | { provider: "postgresql"; url: string; connectionString: string; schema: string | undefined };

export class DatabaseUrlError extends Error {}

/**
 * Decides the provider from DATABASE_URL. SQLite file paths are resolved against
 * `cwd` so the app, the CLI and Prisma's CLI agree on one file.
 */
export function parseDatabaseUrl(raw: string | undefined, cwd: string = process.cwd()): DatabaseTarget {
  const url = raw && raw.trim() !== "" ? raw.trim() : DEFAULT_DATABASE_URL;
  if (/^postgres(ql)?:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DatabaseUrlError("DATABASE_URL is not a valid PostgreSQL URL");
    }
    // `schema` is Prisma's convention, not a libpq parameter: hand it to the adapter
    // instead of the driver, which would send it to the server and fail.
    const schema = parsed.searchParams.get("schema") ?? undefined;
    parsed.searchParams.delete("schema");
    return { provider: "postgresql", url, connectionString: parsed.toString(), schema };
  }
  if (url.startsWith("file:")) {
    const file = url.slice("file:".length).replace(/\?.*$/, "");
    if (file === "") throw new DatabaseUrlError("DATABASE_URL names no SQLite file (expected file:./path/to.db)");
    const filePath = file === ":memory:" ? file : path.resolve(cwd, file);
    return { provider: "sqlite", url: `file:${filePath}`, filePath };
  }
  throw new DatabaseUrlError("DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)");
}
