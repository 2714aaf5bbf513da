// Starts the built app on a fresh database seeded with the e2e accounts.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const url = process.env.DATABASE_URL ?? "";
if (url.startsWith("file:")) {
  const file = path.resolve(url.slice("file:".length));
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
const step = (args) => {
  const result = spawnSync(process.execPath, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
step(["bin/claimdesk.mjs", "db", "migrate"]);
step(["--import", "tsx", "tests/e2e/support/seed.ts"]);
await import("../../../scripts/serve.mjs");
