import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { parseDatabaseUrl } from "./app/lib/database-url";

// Prisma's CLI reads this file; the app and the CLI use the same URL parsing so
// they always agree on the provider and the SQLite file.
const target = parseDatabaseUrl(process.env.DATABASE_URL);
// The schema files read env("DATABASE_URL"); give them the resolved default.
process.env.DATABASE_URL = target.url;
const folder = target.provider === "postgresql" ? "prisma/postgres" : "prisma/sqlite";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: folder,
  migrations: { path: `${folder}/migrations` },
  adapter: async () => {
    if (target.provider === "postgresql") {
      // The adapter's schema option names the schema for queries, not for migrations: the search
      // path does, so `?schema=NAME` migrates into NAME rather than into public.
      const searchPath = target.schema ? { options: `-c search_path=${target.schema}` } : {};
      return new PrismaPg({ connectionString: target.connectionString, ...searchPath }, { schema: target.schema });
    }
    fs.mkdirSync(path.dirname(target.filePath), { recursive: true });
    // Waits for a reader that appears between the CLI's lock check and the migration (app/cli/commands/db.ts).
    return new PrismaBetterSQLite3({ url: target.url, timeout: 30_000 });
  },
});
