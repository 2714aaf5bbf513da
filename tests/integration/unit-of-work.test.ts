import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { projectChain } from "../../app/lib/audit-hash";
import { type ProjectEvent, closeEventListener, subscribeToProject } from "../../app/models/events.server";
import { writeProject } from "../../app/models/unit-of-work.server";
import { makeProjectWithTeam } from "../support/factories";

async function eventsDuring(projectId: number, work: () => Promise<unknown>): Promise<{ events: ProjectEvent[]; error: unknown }> {
  const events: ProjectEvent[] = [];
  const unsubscribe = await subscribeToProject(projectId, (event) => events.push(event));
  let error: unknown = null;
  try {
    await work();
  } catch (thrown) {
    error = thrown;
  }
  // PostgreSQL delivers through LISTEN/NOTIFY: give the notification a moment to arrive.
  await new Promise((resolve) => setTimeout(resolve, 300));
  unsubscribe();
  return { events, error };
}

const auditCount = (projectId: number) => getDb().auditEvent.count({ where: { chain: projectChain(projectId) } });

describe("writeProject: one transaction, its audit events and its live update", () => {
  it("writes the events as the actor inside the transaction and announces the change after it", async () => {
    const { project, members } = await makeProjectWithTeam();
    const actor = { id: members.editor.id, name: members.editor.username, ip: "198.51.100.4" };
    const before = await auditCount(project.id);
    const seenAfterCommit: Array<string | null> = [];
    const { events, error } = await eventsDuring(project.id, () =>
      writeProject({ projectId: project.id, actor }, async ({ tx, audit, claimsChanged, afterCommit }) => {
        await tx.project.update({ where: { id: project.id }, data: { description: "changed" } });
        // Outside the transaction: runs once the change is committed, so another connection sees it.
        afterCommit(async () => {
          seenAfterCommit.push((await getDb().project.findUniqueOrThrow({ where: { id: project.id } })).description);
        });
        await audit({ action: "test.changed", targetType: "project", targetId: project.id, details: { n: 1 } });
        // Not awaited on purpose: the event must still be written before the commit.
        void audit({ action: "test.also_changed", targetType: "project", targetId: project.id });
        claimsChanged([1, 2], "test change");
      }),
    );
    expect(error).toBeNull();
    expect(seenAfterCommit).toEqual(["changed"]);
    expect(await auditCount(project.id)).toBe(before + 2);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { projectId: project.id, action: "test.changed" } });
    expect(event).toMatchObject({ actorId: actor.id, actorName: actor.name, ip: actor.ip, targetId: String(project.id) });
    expect(events).toEqual([
      { type: "claims-changed", projectId: project.id, claimIds: [1, 2], actorId: actor.id, summary: "test change" },
    ]);
    await closeEventListener();
  });

  it("keeps nothing and tells no one when the work fails", async () => {
    const { project, members } = await makeProjectWithTeam();
    const actor = { id: members.editor.id, name: members.editor.username };
    const before = await auditCount(project.id);
    let ranAfterCommit = false;
    const { events, error } = await eventsDuring(project.id, () =>
      writeProject({ projectId: project.id, actor }, async ({ tx, audit, claimsChanged, afterCommit }) => {
        await tx.project.update({ where: { id: project.id }, data: { description: "never" } });
        await audit({ action: "test.changed" });
        claimsChanged([1], "never");
        afterCommit(async () => void (ranAfterCommit = true));
        throw new Error("refused");
      }),
    );
    expect((error as Error).message).toBe("refused");
    expect(ranAfterCommit).toBe(false);
    expect(await auditCount(project.id)).toBe(before);
    expect((await getDb().project.findUniqueOrThrow({ where: { id: project.id } })).description).not.toBe("never");
    expect(events).toEqual([]);
    await closeEventListener();
  });

  it("refuses a change announced to others but missing from the audit trail", async () => {
    const { project, members } = await makeProjectWithTeam();
    const { events, error } = await eventsDuring(project.id, () =>
      writeProject({ projectId: project.id, actor: { id: members.editor.id, name: "x" } }, async ({ tx, claimsChanged }) => {
        await tx.project.update({ where: { id: project.id }, data: { description: "unrecorded" } });
        claimsChanged([7], "unrecorded change");
      }),
    );
    expect((error as Error).message).toMatch(/recorded no audit event/);
    expect((await getDb().project.findUniqueOrThrow({ where: { id: project.id } })).description).not.toBe("unrecorded");
    expect(events).toEqual([]);
    await closeEventListener();
  });
});
