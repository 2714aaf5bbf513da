// `npm start`: checks the install, builds if the sources changed, applies migrations,
// adds demo data to an empty database, then serves. `--dev` serves through Vite.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildIsStale } from "./lib/build-freshness.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const development = process.argv.includes("--dev");
if (development) process.env.NODE_ENV ??= "development";
const fail = (message) => {
  console.error(`claimdesk: ${message}`);
  process.exit(1);
};
const run = (command, args, env = process.env) => spawnSync(command, args, { stdio: "inherit", env }).status === 0;

function nativeModuleLoads() {
  try {
    const Database = createRequire(import.meta.url)("better-sqlite3");
    new Database(":memory:").close();
    return true;
  } catch {
    return false;
  }
}

// npm may skip dependency install scripts; without them SQLite has no native module.
if (!nativeModuleLoads()) {
  console.log("claimdesk: better-sqlite3's native module is missing; building it (npm rebuild better-sqlite3)...");
  if (!run("npm", ["rebuild", "better-sqlite3"]) || !nativeModuleLoads()) {
    fail("better-sqlite3 could not be built. Install python3, make and g++, then run: npm rebuild better-sqlite3");
  }
}
if (!fs.existsSync(path.join(root, "generated", "sqlite", "client.ts"))) {
  if (!run(process.execPath, ["scripts/generate-clients.mjs"])) fail("could not generate the Prisma clients");
}

if (!development && buildIsStale(root)) {
  console.log("claimdesk: building (a minute or two)...");
  // Only warnings and errors: the list of built files is for `npm run build`.
  const built = run(path.join(root, "node_modules", ".bin", "react-router"), ["build", "--logLevel", "warn"]);
  if (!built) fail("the build failed (see above)");
}

const bootArgs = ["bin/claimdesk.mjs", "boot"];
if (!run(process.execPath, bootArgs)) process.exit(1);

await import("./serve.mjs");
