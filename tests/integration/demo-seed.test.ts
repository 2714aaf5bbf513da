import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import { resetConfigForTests } from "../../app/config.server";
import { disconnectDb, getDb } from "../../app/db.server";
import { can } from "../../app/lib/roles";
import { DEMO_PROJECT_SLUG, DEMO_QUEUE_SIZE, seedDemoData } from "../../app/models/demo.server";
import { findProjectAccess } from "../../app/models/project.server";
import { verifyPassword } from "../../app/models/user.server";
import { preparePostgresSchema, prepareSqliteDatabase, testLane } from "../support/test-database";

// The demo seeds only an empty database, so this file moves its worker to a fresh one.
const credentialsFile = path.join(inject("runDir"), `demo-${process.pid}`, "demo-credentials.txt");

beforeAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL =
    testLane() === "postgres"
      ? await preparePostgresSchema(process.env.TEST_DATABASE_URL!, `t_${inject("runId")}_demo`)
      : prepareSqliteDatabase(path.join(inject("runDir"), `demo-${process.pid}.db`));
  resetConfigForTests();
});

afterAll(async () => {
  await disconnectDb();
});

describe("the demo seed", () => {
  it("gives an empty database an editor, reviewers with claims in their queues, and prints every account once", async () => {
    const accounts = await seedDemoData({ credentialsFile });
    expect(accounts?.map((a) => [a.username, a.role])).toEqual([
      ["admin", "admin, project owner"],
      ["editor", "editor"],
      ["rivera", "reviewer"],
      ["okafor", "reviewer"],
      ["viewer", "viewer"],
    ]);
    const db = getDb();
    const editor = await db.user.findUniqueOrThrow({ where: { username: "editor" } });
    expect(await verifyPassword(editor.passwordHash, accounts!.find((a) => a.username === "editor")!.password)).toBe(true);
    const access = await findProjectAccess(DEMO_PROJECT_SLUG, editor);
    expect(access?.role).toBe("editor");
    expect(can(access!.role, "bulkEdit")).toBe(true);

    for (const username of ["rivera", "okafor"]) {
      const queue = await db.claim.findMany({ where: { assignee: { username }, dismissed: false }, select: { id: true, status: true } });
      expect(queue, username).toHaveLength(DEMO_QUEUE_SIZE);
      const assigned = await db.auditEvent.count({
        where: { action: "claim.assigned", actorId: editor.id, targetId: { in: queue.map((c) => String(c.id)) } },
      });
      expect(assigned, `${username}'s assignments are in the trail, by the editor`).toBe(DEMO_QUEUE_SIZE);
    }

    const file = fs.readFileSync(credentialsFile, "utf8");
    expect(file).toMatch(/^editor\t\S+\teditor$/m);
    expect(fs.statSync(credentialsFile).mode & 0o777).toBe(0o600);
  });

  it("adds nothing to a database that already has users", async () => {
    expect(await seedDemoData({ credentialsFile: `${credentialsFile}.again` })).toBeNull();
    expect(fs.existsSync(`${credentialsFile}.again`)).toBe(false);
  });
});
