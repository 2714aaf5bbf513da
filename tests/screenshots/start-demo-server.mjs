// Serves the built app on a fresh database with the demo data, as a first `npm start` would.
// The demo accounts land in tests/.tmp/screenshots/data/demo-credentials.txt (not the install's own).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const dir = path.join(root, "tests", ".tmp", "screenshots");
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
process.env.DATABASE_URL = `file:${path.join(dir, "claimdesk.db")}`;
const step = (args, cwd) => {
  const result = spawnSync(process.execPath, [path.join(root, "bin", "claimdesk.mjs"), ...args], { stdio: "inherit", cwd });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
step(["db", "migrate"], root);
step(["demo", "seed"], dir);
process.chdir(root);
await import("../../scripts/serve.mjs");
