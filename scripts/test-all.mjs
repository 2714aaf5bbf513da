// `npm test`: typecheck, lint, unit tests, integration tests on SQLite and on
// PostgreSQL, then the end-to-end tests in Chromium. Ends with one line
// "N passed, N failed" counting every test and check, and exits non-zero on any failure.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findPostgresBin, startThrowawayPostgres } from "./lib/throwaway-postgres.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-test-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
// Each line says how long its step took, so a slow CI run shows where the time went.
let stepStartedAt = Date.now();
function took() {
  const seconds = Math.round((Date.now() - stepStartedAt) / 1000);
  stepStartedAt = Date.now();
  return ` (${seconds} s)`;
}

function run(command, args, env = {}) {
  return spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status === 0;
}

function check(name, ok, seconds) {
  totals[ok ? "passed" : "failed"] += 1;
  lines.push(`${ok ? "ok  " : "FAIL"} ${name}${seconds === undefined ? took() : ` (${seconds} s)`}`);
}

function nativeModuleLoads() {
  try {
    const Database = createRequire(import.meta.url)("better-sqlite3");
    new Database(":memory:").close();
    return true;
  } catch {
    return false;
  }
}
if (!nativeModuleLoads() && !(run("npm", ["rebuild", "better-sqlite3"]) && nativeModuleLoads())) {
  console.error("claimdesk: better-sqlite3's native module is missing and could not be built (needs python3, make, g++)");
  console.log("0 passed, 1 failed");
  process.exit(1);
}

/** Runs a command with its output held back, so commands run side by side print one after the other. */
function runHeld(command, args, env = {}) {
  const startedAt = Date.now();
  const seconds = () => Math.round((Date.now() - startedAt) / 1000);
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env } });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("error", (error) => resolve({ ok: false, output: String(error), seconds: seconds() }));
    child.on("close", (code) => resolve({ ok: code === 0, output: Buffer.concat(output).toString(), seconds: seconds() }));
  });
}

/** A vitest lane, with its output held back until it ends (so lanes run side by side print one after the other). */
async function vitestLane(name, project, env) {
  const output = path.join(reports, `${name}.json`);
  const result = await runHeld(
    bin("vitest"),
    ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${output}`],
    env,
  );
  return { name, output, ok: result.ok, text: result.output, seconds: result.seconds };
}

function countLane({ name, output, ok, text, seconds }) {
  process.stdout.write(text);
  if (!fs.existsSync(output)) return check(`${name} (runner crashed)`, false, seconds);
  const report = JSON.parse(fs.readFileSync(output, "utf8"));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  // A suite that failed to load has no failed tests but must still count.
  const suiteErrors = report.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).length;
  totals.failed += suiteErrors;
  lines.push(
    `${ok ? "ok  " : "FAIL"} ${name}: ${report.numPassedTests} passed, ${report.numFailedTests + suiteErrors} failed (${seconds} s)`,
  );
}

// The static checks use one core each: run them side by side (typegen first, as tsc and the build need its types).
const typegen = run(bin("react-router"), ["typegen"]);
const staticChecks = [
  ["typecheck", bin("tsc"), ["--noEmit"]],
  ["lint", bin("eslint"), ["--max-warnings=0", "."]],
  ["format (Prettier)", bin("prettier"), ["--check", "--log-level=warn", "."]],
];
const staticResults = await Promise.all(staticChecks.map(([, command, args]) => runHeld(command, args)));
staticChecks.forEach(([name], index) => {
  process.stdout.write(staticResults[index].output);
  check(name, (name !== "typecheck" || typegen) && staticResults[index].ok, staticResults[index].seconds);
});
took();
// Built once, before the integration lanes: their server tests start the built app, and so do the end-to-end tests.
const built = run(bin("react-router"), ["build"]);
check("build", built);
countLane(await vitestLane("unit", "unit", {}));
took();

let postgres;
let postgresUrl = process.env.TEST_DATABASE_URL;
if (!postgresUrl && findPostgresBin()) {
  try {
    postgres = startThrowawayPostgres(55434);
    postgresUrl = postgres.url;
  } catch (error) {
    console.error(`claimdesk: could not start a throwaway PostgreSQL: ${String(error).split("\n")[0]}`);
  }
}
// The two database lanes run side by side: much of their time is spent waiting on the
// servers, CLI processes and databases they start, so together they finish well before one
// after the other would (each prints its output when it ends).
try {
  const lanes = [vitestLane("integration (SQLite)", "integration", { TEST_LANE: "sqlite" })];
  if (postgresUrl)
    lanes.push(vitestLane("integration (PostgreSQL)", "integration", { TEST_LANE: "postgres", TEST_DATABASE_URL: postgresUrl }));
  for (const lane of await Promise.all(lanes)) countLane(lane);
  if (!postgresUrl) lines.push("skip integration (PostgreSQL): set TEST_DATABASE_URL or install PostgreSQL server binaries");
} finally {
  postgres?.stop();
}
took();

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  console.error(`claimdesk: Chromium not found at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`);
  check("end-to-end (Chromium missing)", false);
} else if (!built) {
  check("end-to-end (the build failed)", false);
} else {
  const output = path.join(reports, "e2e.json");
  const ok = run(bin("playwright"), ["test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_FILE: output,
    PLAYWRIGHT_JSON_OUTPUT_NAME: output,
  });
  if (!fs.existsSync(output)) {
    check("end-to-end (runner crashed)", false);
  } else {
    const { stats } = JSON.parse(fs.readFileSync(output, "utf8"));
    const failed = stats.unexpected + stats.flaky;
    totals.passed += stats.expected;
    totals.failed += failed;
    totals.skipped += stats.skipped;
    if (!ok && failed === 0) totals.failed += 1;
    lines.push(`${ok ? "ok  " : "FAIL"} end-to-end (Chromium): ${stats.expected} passed, ${failed} failed${took()}`);
  }
}

fs.rmSync(reports, { recursive: true, force: true });
console.log(`\n${lines.join("\n")}`);
if (totals.skipped) console.log(`${totals.skipped} skipped`);
// CI reads the last line: exactly "N passed, N failed".
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
