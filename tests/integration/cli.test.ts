import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/main";
import { getDb } from "../../app/db.server";
import { verifyPassword } from "../../app/models/user.server";
import { seedLargeDemo } from "../../app/models/large-demo.server";
import { makeProjectWithTeam, makeUser, uniqueName } from "../support/factories";

async function cli(argv: string[], stdin = "") {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => stdin,
  });
  return { code, stdout, stderr };
}

describe("claimdesk CLI", () => {
  it("creates a user from a password on stdin, with --json output", async () => {
    const username = uniqueName("cli");
    const result = await cli(
      ["user", "create", "--username", username.toUpperCase(), "--display-name", "Cli Person", "--admin", "--password-stdin", "--json"],
      "river-stone-lamp\n",
    );
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toMatchObject({ username, displayName: "Cli Person", isAdmin: true });
    const stored = await getDb().user.findUniqueOrThrow({ where: { username } });
    expect(await verifyPassword(stored.passwordHash, "river-stone-lamp")).toBe(true);
    expect(await getDb().auditEvent.count({ where: { action: "user.created", targetId: String(stored.id), actorName: "cli" } })).toBe(1);
  });

  it.each([
    [["user", "create", "--username", "x1", "--password-stdin"], "password", 2, "too common"],
    [["user", "create", "--username", "x2"], "whatever-long", 2, "--password-stdin"],
    [["user", "create", "--username", "bad name", "--password-stdin"], "whatever-long", 2, "--username"],
    [["user", "create", "--bogus"], "", 2, "bogus"],
    [["project", "add-member", "--project", "nope", "--username", "xx", "--role", "viewer"], "", 1, "no project"],
    [["project", "create", "--slug", "Has Spaces", "--name", "x"], "", 2, "--slug"],
    [["frobnicate"], "", 2, "unknown command"],
  ])("fails with one line on stderr: %j", async (argv, stdin, code, fragment) => {
    const result = await cli(argv as string[], stdin as string);
    expect(result.code).toBe(code);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(fragment);
  });

  it("refuses a duplicate username without a second row", async () => {
    const user = await makeUser();
    const result = await cli(["user", "create", "--username", user.username, "--password-stdin"], "another-good-one");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/already taken/);
    expect(await getDb().user.count({ where: { username: user.username } })).toBe(1);
  });

  it("creates a project with an owner and adds members", async () => {
    const owner = await makeUser();
    const member = await makeUser();
    const slug = uniqueName("cliproj");
    const created = await cli(["project", "create", "--slug", slug, "--name", "From the CLI", "--owner", owner.username, "--json"]);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ slug, name: "From the CLI", owner: owner.username });
    const added = await cli(["project", "add-member", "--project", slug, "--username", member.username, "--role", "editor", "--json"]);
    expect(JSON.parse(added.stdout)).toEqual({ project: slug, username: member.username, role: "editor", changed: true });
    const again = await cli(["project", "create", "--slug", slug, "--name", "Twice"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
    const projectRow = await getDb().project.findUniqueOrThrow({ where: { slug }, include: { memberships: true } });
    expect(projectRow.memberships.map((m) => m.role).sort()).toEqual(["editor", "owner"]);
    const verified = await cli(["audit", "verify", "--project", slug, "--json"]);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, checked: 3 });
  });

  it("exits 3 on a stale --expect-version and 4 when the role does not allow it, with one line on stderr", async () => {
    const { project, members } = await makeProjectWithTeam();
    await seedLargeDemo({ projectId: project.id, count: 1, actor: { id: null, name: "test" } });
    const claim = await getDb().claim.findFirstOrThrow({ where: { projectId: project.id } });
    const tag = (as: string, version: number) =>
      cli(["tag", "--claim", String(claim.id), "--status", "unverified", "--as", as, "--expect-version", String(version)]);
    const refused = await tag(members.viewer.username, claim.version);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toMatch(/^claimdesk: .*viewer.*does not allow this\n$/);
    const stale = await tag(members.reviewer.username, claim.version + 5);
    expect(stale.code).toBe(3);
    expect(stale.stderr).toMatch(/^claimdesk: stale version: .*\(current version \d+\)\n$/);
    expect((await tag(members.reviewer.username, claim.version)).code).toBe(0);
  });

  it("runs as a real process through the package bin", () => {
    const bin = path.resolve(import.meta.dirname, "../../bin/claimdesk.mjs");
    const ok = spawnSync(process.execPath, [bin, "--help"], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("user create");
    const bad = spawnSync(process.execPath, [bin, "db", "migrate"], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "mysql://nowhere/db" },
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^claimdesk: invalid configuration: DATABASE_URL must start with/);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
