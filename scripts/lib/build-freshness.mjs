// Whether build/ is older than the sources it is built from (npm start and the tests that
// start a real server rebuild it then).
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "server", "public", "vite.config.ts", "react-router.config.ts", "package-lock.json"];

function newestMtime(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))));
}

export function buildIsStale(root) {
  const built = path.join(root, "build", "server", "index.js");
  const sources = SOURCES.map((p) => path.join(root, p)).filter((p) => fs.existsSync(p));
  return !fs.existsSync(built) || Math.max(...sources.map(newestMtime)) > fs.statSync(built).mtimeMs;
}
