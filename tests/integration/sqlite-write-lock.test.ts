import Database from "better-sqlite3";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { parseDatabaseUrl } from "../../app/lib/database-url";
import { writeProject } from "../../app/models/unit-of-work.server";
import { makeProjectWithTeam } from "../support/factories";
import { testLane } from "../support/test-database";

/** Another process's write: holds SQLite's write lock on its own connection until released. */
function holdWriteLock(): { release: () => void } {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  if (target.provider !== "sqlite") throw new Error("SQLite only");
  const other = new Database(target.filePath);
  other.exec("BEGIN IMMEDIATE");
  return {
    release: () => {
      other.exec("COMMIT");
      other.close();
    },
  };
}

const describeOnSqlite = describe.runIf(testLane() === "sqlite");

describeOnSqlite("SQLite: a write waiting for another process's write lock", () => {
  afterEach(() => {
    delete process.env.SQLITE_WRITE_WAIT_MS;
  });

  it("waits without holding the event loop and then writes", async () => {
    const { project, members } = await makeProjectWithTeam();
    const actor = { id: members.editor.id, name: members.editor.username };
    const lock = holdWriteLock();
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    setTimeout(lock.release, 1500);
    await writeProject({ projectId: project.id, actor }, async ({ tx, audit }) => {
      await tx.project.update({ where: { id: project.id }, data: { description: "after the other write" } });
      await audit({ action: "test.changed", targetType: "project", targetId: project.id });
    });
    delay.disable();
    // The busy timeout alone would block the loop for the whole 1.5 s the lock was held.
    expect(delay.max / 1e6).toBeLessThan(1000);
    expect((await getDb().project.findUniqueOrThrow({ where: { id: project.id } })).description).toBe("after the other write");
  }, 60_000);

  it("answers 'busy' when the lock outlasts its budget, and the process still writes afterwards", async () => {
    const { project, members } = await makeProjectWithTeam();
    const actor = { id: members.editor.id, name: members.editor.username };
    process.env.SQLITE_WRITE_WAIT_MS = "300";
    const lock = holdWriteLock();
    const refused = await writeProject({ projectId: project.id, actor }, async ({ tx }) => {
      await tx.project.update({ where: { id: project.id }, data: { description: "never" } });
    }).catch((error: unknown) => error);
    lock.release();
    expect(refused).toMatchObject({ code: "busy" });
    // A failed BEGIN used to leave the adapter's mutex taken: every later write of the process waited forever.
    const later = writeProject({ projectId: project.id, actor }, async ({ tx, audit }) => {
      await tx.project.update({ where: { id: project.id }, data: { description: "later" } });
      await audit({ action: "test.changed", targetType: "project", targetId: project.id });
    });
    const outcome = await Promise.race([later.then(() => "written"), new Promise((resolve) => setTimeout(() => resolve("stuck"), 20_000))]);
    expect(outcome).toBe("written");
  }, 60_000);
});
