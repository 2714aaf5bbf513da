// Writes a new migration for both providers from the change to prisma/models.prisma.
//   npm run db:new-migration -- add_claims
// `prisma migrate dev` needs a native engine that is not available offline, so the
// migration is the diff between the models as last migrated (kept in
// prisma/migrated-models.snapshot) and the models now, once per provider.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startThrowawayPostgres } from "./lib/throwaway-postgres.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prisma = path.join(root, "node_modules", ".bin", "prisma");
const snapshot = path.join(root, "prisma", "migrated-models.snapshot");
const models = path.join(root, "prisma", "models.prisma");

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:new-migration -- <name in lower_snake_case>");
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const written = [];
// The PostgreSQL diff connects through the adapter, so it needs a server for a moment.
const postgres = process.env.MIGRATION_POSTGRES_URL ? undefined : startThrowawayPostgres();
const postgresUrl = process.env.MIGRATION_POSTGRES_URL ?? postgres.url;
process.on("exit", () => postgres?.stop());

for (const provider of ["sqlite", "postgres"]) {
  const folder = path.join(root, "prisma", provider);
  const args = ["migrate", "diff", "--script", "--to-schema-datamodel", folder];
  let fromDir;
  if (fs.existsSync(snapshot)) {
    fromDir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-migration-"));
    fs.copyFileSync(path.join(folder, "datasource.prisma"), path.join(fromDir, "datasource.prisma"));
    fs.copyFileSync(snapshot, path.join(fromDir, "models.prisma"));
    args.push("--from-schema-datamodel", fromDir);
  } else {
    args.push("--from-empty");
  }
  const env = {
    ...process.env,
    DATABASE_URL: provider === "sqlite" ? "file:./data/unused.db" : postgresUrl,
  };
  const result = spawnSync(prisma, args, { cwd: root, env, encoding: "utf8" });
  if (fromDir) fs.rmSync(fromDir, { recursive: true, force: true });
  if (result.status !== 0) {
    console.error(`prisma migrate diff failed for ${provider}:\n${result.stderr}`);
    process.exit(1);
  }
  const sql = result.stdout;
  if (!/\b(CREATE|ALTER|DROP|INSERT|UPDATE|PRAGMA)\b/.test(sql)) {
    console.log(`${provider}: no schema change`);
    continue;
  }
  const dir = path.join(folder, "migrations", `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  const lock = path.join(folder, "migrations", "migration_lock.toml");
  if (!fs.existsSync(lock)) {
    fs.writeFileSync(lock, `provider = "${provider === "postgres" ? "postgresql" : "sqlite"}"\n`);
  }
  written.push(path.relative(root, dir));
}
if (written.length > 0) {
  fs.copyFileSync(models, snapshot);
  console.log(`wrote ${written.join(" and ")}; updated prisma/migrated-models.snapshot`);
}
