import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { runCli } from "../../app/cli/main";
import { type Db, createDb, disconnectDb, getDb, openSqliteReadOnly } from "../../app/db.server";
import { projectChain } from "../../app/lib/audit-hash";
import { parseDatabaseUrl } from "../../app/lib/database-url";
import { tagClaim } from "../../app/models/claim-verdict.server";
import { seedLargeDemo } from "../../app/models/large-demo.server";
import { updateProjectSettings } from "../../app/models/project.server";
import { findPostgresBin } from "../../scripts/lib/throwaway-postgres.mjs";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { SERVER_START_TIMEOUT_MS, type ServerProcess, startServer } from "../support/server-process";
import { prepareSqliteDatabase, testLane } from "../support/test-database";

const bin = path.resolve(import.meta.dirname, "..", "..", "bin", "claimdesk.mjs");
const SYSTEM = { id: null, name: "test" };

/** A command in its own process, without blocking this one (writes go on meanwhile). */
function run(
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The CLI as an operator runs it: its own process, next to the server. */
const claimdesk = (args: string[], databaseUrl: string) => run(process.execPath, [bin, ...args], { DATABASE_URL: databaseUrl });

async function cli(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readStdin: async () => "" });
  return { code, stdout, stderr };
}

/** Runs `work` with the app's database pointed at another one (factories and models use DATABASE_URL). */
async function withDatabase<T>(url: string, work: () => Promise<T>): Promise<T> {
  const saved = process.env.DATABASE_URL;
  await disconnectDb();
  process.env.DATABASE_URL = url;
  try {
    return await work();
  } finally {
    await disconnectDb();
    process.env.DATABASE_URL = saved;
  }
}

/** What a consistent copy must show: every changed claim has its audit event and every event its change. */
async function tagsAndEvents(db: Db, projectId: number) {
  const tagged = await db.claim.findMany({ where: { projectId, version: { gt: 1 } }, select: { id: true, status: true, rationale: true } });
  const events = await db.auditEvent.findMany({ where: { projectId, action: "claim.status_changed" }, select: { targetId: true } });
  return { tagged, eventClaimIds: events.map((e) => Number(e.targetId)).sort((a, b) => a - b) };
}

/** Clients tagging through the server, each claim once, until stopped; acknowledged tags are recorded. */
function tagContinuously(server: ServerProcess, slug: string, cookie: string, claimIds: number[]) {
  const acknowledged = new Map<number, string>();
  let running = true;
  const clients = Array.from({ length: 3 }, async () => {
    while (running && claimIds.length > 0) {
      const claimId = claimIds.shift()!;
      const rationale = `tagged during the backup (${claimId})`;
      const response = await fetch(`${server.url}/projects/${slug}/claims/${claimId}.data`, {
        method: "POST",
        headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "tag", claimId: String(claimId), version: "1", status: "disputed", rationale }),
      });
      await response.arrayBuffer();
      if (response.status === 200) acknowledged.set(claimId, rationale);
    }
  });
  return {
    acknowledged,
    async stop() {
      running = false;
      await Promise.all(clients);
    },
  };
}

async function until(condition: () => boolean, what: string) {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.runIf(testLane() === "sqlite")("claimdesk db backup and restore (SQLite)", () => {
  it(
    "backs up while the server tags, refuses to restore under a running server, restores into a stopped one",
    async () => {
      const dir = path.join(inject("runDir"), `backup-${randomBytes(3).toString("hex")}`);
      const url = prepareSqliteDatabase(path.join(dir, "live", "claimdesk.db"));
      const backupFile = path.join(dir, "claimdesk-backup.db");
      const { project, cookie, claimIds } = await withDatabase(url, async () => {
        const { project, members } = await makeProjectWithTeam();
        await updateProjectSettings({ projectId: project.id, change: { requireSourceForVerdict: false }, actor: SYSTEM });
        await seedLargeDemo({ projectId: project.id, count: 3000, actor: SYSTEM });
        const claims = await getDb().claim.findMany({
          where: { projectId: project.id, version: 1, dismissed: false },
          select: { id: true },
        });
        return { project, cookie: await cookieFor(members.reviewer.id), claimIds: claims.map((c) => c.id) };
      });

      let server = await startServer({ databaseUrl: url, processes: 2 });
      let backup: Awaited<ReturnType<typeof claimdesk>>;
      let tagging: ReturnType<typeof tagContinuously>;
      let acknowledgedBefore: Set<number>;
      try {
        tagging = tagContinuously(server, project.slug, cookie, claimIds);
        await until(() => tagging.acknowledged.size >= 10, "ten acknowledged tags");
        acknowledgedBefore = new Set(tagging.acknowledged.keys());
        backup = await claimdesk(["db", "backup", "--out", backupFile, "--json"], url);
        const acknowledgedDuring = tagging.acknowledged.size - acknowledgedBefore.size;
        await tagging.stop();
        expect(acknowledgedDuring, "tags were acknowledged while the backup ran").toBeGreaterThan(0);

        // A server holds the database: restore refuses and leaves it alone.
        const refused = await claimdesk(["db", "restore", "--from", backupFile], url);
        expect(refused.code).toBe(5);
        expect(refused.stderr).toMatch(/^claimdesk: the database .* is in use .*stop it, then restore\n$/);
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      } finally {
        await server.stop();
      }

      expect(backup.stderr).toBe("");
      expect(backup.code).toBe(0);
      const report = JSON.parse(backup.stdout) as {
        ok: boolean;
        bytes: number;
        integrity: string;
        chains: Array<{ chain: string; headHash: string; problem: string | null }>;
      };
      expect(report).toMatchObject({ ok: true, integrity: "ok" });
      expect(report.bytes).toBe(fs.statSync(backupFile).size);
      const chain = report.chains.find((c) => c.chain === projectChain(project.id))!;
      expect(chain).toMatchObject({ problem: null, headHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

      // The copy is one consistent moment: every tag acknowledged before it started, each with its event.
      const copy = openSqliteReadOnly(backupFile);
      const inBackup = await tagsAndEvents(copy, project.id).finally(() => copy.$disconnect());
      const taggedInBackup = new Set(inBackup.tagged.map((c) => c.id));
      for (const claimId of acknowledgedBefore) expect(taggedInBackup.has(claimId), `claim ${claimId}`).toBe(true);
      expect(inBackup.eventClaimIds).toEqual([...taggedInBackup].sort((a, b) => a - b));
      const live = await withDatabase(url, () => tagsAndEvents(getDb(), project.id));
      expect(live.tagged.length).toBeGreaterThanOrEqual(tagging.acknowledged.size);
      expect(live.tagged.length).toBeGreaterThan(inBackup.tagged.length);

      // Stopped: the restore puts the copy in place and keeps the replaced file.
      const restored = await claimdesk(["db", "restore", "--from", backupFile, "--json"], url);
      expect(restored.stderr).toBe("");
      expect(restored.code).toBe(0);
      const result = JSON.parse(restored.stdout) as { previous: string; chains: Array<{ chain: string; headHash: string }> };
      expect(fs.existsSync(result.previous)).toBe(true);
      expect(result.chains.find((c) => c.chain === chain.chain)!.headHash).toBe(chain.headHash);
      const after = await withDatabase(url, async () => ({
        ...(await tagsAndEvents(getDb(), project.id)),
        head: await getDb().auditChainHead.findUniqueOrThrow({ where: { chain: chain.chain } }),
      }));
      expect(after.tagged).toEqual(inBackup.tagged);
      expect(after.head.headHash).toBe(chain.headHash);

      server = await startServer({ databaseUrl: url });
      try {
        expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
        expect((await fetch(`${server.url}/projects/${project.slug}/claims`, { headers: { Cookie: cookie } })).status).toBe(200);
      } finally {
        await server.stop();
      }
    },
    SERVER_START_TIMEOUT_MS * 2,
  );

  it("answers bad input with one line and a non-zero exit", async () => {
    const dir = path.join(inject("runDir"), `backup-input-${randomBytes(3).toString("hex")}`);
    fs.mkdirSync(dir, { recursive: true });
    const existing = path.join(dir, "exists.db");
    fs.writeFileSync(existing, "not a database");
    for (const [argv, code, message] of [
      [["db", "backup"], 2, /^claimdesk: --out: the file to write the backup to is required\n$/],
      [["db", "backup", "--out", existing], 1, /already exists; a backup never overwrites/],
      [["db", "backup", "--out", path.join(dir, "no", "such", "folder.db")], 1, /the folder .* does not exist/],
      [["db", "restore"], 2, /--from: the backup file to restore is required/],
      [["db", "restore", "--from", path.join(dir, "missing.db")], 1, /there is no backup at/],
      [["db", "restore", "--from", existing], 1, /is not a readable SQLite database/],
      [["db", "frobnicate"], 2, /^claimdesk: usage: claimdesk db migrate/],
    ] as const) {
      const result = await cli([...argv]);
      expect(result.code, argv.join(" ")).toBe(code);
      expect(result.stderr, argv.join(" ")).toMatch(message);
      expect(result.stderr.trim().split("\n"), argv.join(" ")).toHaveLength(1);
    }
  });
});

describe.runIf(testLane() === "postgres")("pg_dump and pg_restore (PostgreSQL)", () => {
  it("points db backup and db restore to pg_dump and pg_restore", async () => {
    const backup = await cli(["db", "backup", "--out", "x.db"]);
    expect(backup).toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^claimdesk: db backup is for SQLite; on PostgreSQL use pg_dump .*\n$/),
    });
    const restore = await cli(["db", "restore", "--from", "x.db"]);
    expect(restore).toMatchObject({ code: 1, stderr: expect.stringMatching(/use pg_restore/) });
  });

  const pgBin = findPostgresBin() ?? (spawnSync("sh", ["-c", "command -v pg_dump"]).status === 0 ? "" : undefined);

  it.skipIf(pgBin === undefined)(
    "a dump taken while claims are tagged restores into a new database whose audit chains verify",
    async () => {
      const tool = (name: string) => (pgBin ? path.join(pgBin, name) : name);
      const source = parseDatabaseUrl(process.env.DATABASE_URL);
      if (source.provider !== "postgresql") throw new Error("expected PostgreSQL");
      const { project, members } = await makeProjectWithTeam();
      await updateProjectSettings({ projectId: project.id, change: { requireSourceForVerdict: false }, actor: SYSTEM });
      await seedLargeDemo({ projectId: project.id, count: 500, actor: SYSTEM });
      const claims = await getDb().claim.findMany({ where: { projectId: project.id, version: 1, dismissed: false }, select: { id: true } });
      const actor = { id: members.reviewer.id, name: members.reviewer.username };

      const server = new URL(process.env.TEST_DATABASE_URL!);
      const database = `${server.pathname.slice(1) || "postgres"}_restore_${randomBytes(4).toString("hex")}`;
      const admin = new pg.Client({ connectionString: server.toString() });
      await admin.connect();
      const dump = path.join(inject("runDir"), `${database}.dump`);
      let restored: Db | undefined;
      try {
        // Writes go on while pg_dump reads its snapshot.
        let tagging = true;
        let tagged = 0;
        const writer = (async () => {
          for (const claim of claims) {
            if (!tagging) break;
            await tagClaim({
              projectId: project.id,
              claimId: claim.id,
              status: "disputed",
              rationale: "during the dump",
              expectedVersion: 1,
              actor: actor,
            });
            tagged++;
          }
        })();
        await until(() => tagged >= 5, "five tags");
        const taggedBefore = tagged;
        const dumped = await run(tool("pg_dump"), [
          "--format=custom",
          `--schema=${source.schema}`,
          "--no-owner",
          `--file=${dump}`,
          source.connectionString,
        ]);
        const taggedDuring = tagged - taggedBefore;
        tagging = false;
        await writer;
        expect(dumped.stderr).toBe("");
        expect(dumped.code).toBe(0);
        expect(taggedDuring, "claims were tagged while pg_dump ran").toBeGreaterThan(0);

        await admin.query(`CREATE DATABASE "${database}"`);
        const target = new URL(server.toString());
        target.pathname = `/${database}`;
        const loaded = await run(tool("pg_restore"), ["--no-owner", "--exit-on-error", `--dbname=${target.toString()}`, dump]);
        expect(loaded.stderr).toBe("");
        expect(loaded.code).toBe(0);

        target.searchParams.set("schema", source.schema!);
        // The worker's earlier test files share this schema, and the tamper tests break their own
        // trails on purpose: the copy verifies exactly as the original does, and this project's chain verifies.
        type VerifyReport = { ok: boolean; chains: Array<{ chain: string; problem: string | null; events: number }> };
        const problems = (report: VerifyReport) => Object.fromEntries(report.chains.map((c) => [c.chain, c.problem]));
        const verified = await claimdesk(["db", "verify", "--json"], target.toString());
        const original = await claimdesk(["db", "verify", "--json"], process.env.DATABASE_URL!);
        const report = JSON.parse(verified.stdout) as VerifyReport;
        expect(problems(report)).toEqual(problems(JSON.parse(original.stdout) as VerifyReport));
        expect(verified.code).toBe(original.code);
        expect(report.chains.find((c) => c.chain === projectChain(project.id))).toMatchObject({ problem: null });

        restored = createDb(parseDatabaseUrl(target.toString()));
        const copy = await tagsAndEvents(restored, project.id);
        expect(copy.eventClaimIds).toEqual(copy.tagged.map((c) => c.id).sort((a, b) => a - b));
        expect(await restored.claim.count({ where: { projectId: project.id } })).toBe(
          await getDb().claim.count({ where: { projectId: project.id } }),
        );
      } finally {
        await restored?.$disconnect();
        await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.end();
      }
    },
    120_000,
  );
});
