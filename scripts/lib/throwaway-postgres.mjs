// Starts a disposable PostgreSQL cluster from the machine's server binaries, for
// tools that need a server for a moment (writing migrations, local test runs).
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function findPostgresBin() {
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return undefined;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, "bin", "initdb")));
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(base, versions[0], "bin") : undefined;
}

function runAsPostgresUser(command) {
  const isRoot = process.getuid?.() === 0;
  const result = isRoot
    ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", command], { encoding: "utf8" })
    : spawnSync("/bin/sh", ["-c", command], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command}\n${result.stdout}${result.stderr}`);
}

export function startThrowawayPostgres(port = 55433) {
  const bin = findPostgresBin();
  if (!bin) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-pg-"));
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  runAsPostgresUser(`${bin}/initdb -D ${dir}/data -A trust -U postgres >/dev/null`);
  runAsPostgresUser(
    `${bin}/pg_ctl -D ${dir}/data -o "-p ${port} -k ${dir} -c listen_addresses=127.0.0.1" -l ${dir}/log -w start >/dev/null`,
  );
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        runAsPostgresUser(`${bin}/pg_ctl -D ${dir}/data -m immediate stop >/dev/null`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
