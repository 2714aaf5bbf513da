// Generates one Prisma client per provider (generated/sqlite, generated/postgres).
// Runs on npm install; needs no network (the client engine is WebAssembly).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prisma = path.join(root, "node_modules", ".bin", "prisma");
for (const provider of ["sqlite", "postgres"]) {
  const env = {
    ...process.env,
    DATABASE_URL: provider === "sqlite" ? "file:./data/claimdesk.db" : "postgresql://localhost/unused",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  const result = spawnSync(prisma, ["generate", "--schema", `prisma/${provider}`], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  if (result.status !== 0) {
    process.stderr.write(result.stdout);
    process.stderr.write(result.stderr);
    console.error(`claimdesk: prisma generate failed for ${provider}`);
    process.exit(1);
  }
}
console.log("claimdesk: generated Prisma clients for sqlite and postgres");
