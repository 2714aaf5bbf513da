import { describe, expect, it } from "vitest";
import { projectChain } from "../../app/lib/audit-hash";
import { getDb } from "../../app/db.server";
import { recordAuditEvent, verifyAuditChain } from "../../app/models/audit.server";
import { makeProjectWithTeam } from "../support/factories";

async function projectWithEvents() {
  const team = await makeProjectWithTeam();
  for (let i = 0; i < 3; i += 1)
    await recordAuditEvent({ projectId: team.project.id, actorName: "test", action: "test.event", details: { i } });
  return { chain: projectChain(team.project.id), projectId: team.project.id };
}

describe("tamper-evident audit trail", () => {
  it("verifies an untouched chain", async () => {
    const { chain } = await projectWithEvents();
    const result = await verifyAuditChain(chain);
    expect(result.problem).toBeNull();
    expect(result.checked).toBe(8);
  });

  it("names an edited event", async () => {
    const { chain } = await projectWithEvents();
    const target = await getDb().auditEvent.findFirstOrThrow({ where: { chain, seq: 6 } });
    await getDb().auditEvent.update({ where: { id: target.id }, data: { details: JSON.stringify({ i: 99 }) } });
    expect((await verifyAuditChain(chain)).problem).toEqual({ kind: "edited", seq: 6, eventId: target.id });
  });

  it("names a deleted event, also the newest one", async () => {
    const { chain } = await projectWithEvents();
    await getDb().auditEvent.deleteMany({ where: { chain, seq: 4 } });
    expect((await verifyAuditChain(chain)).problem).toMatchObject({ kind: "missing", seq: 4 });
    const other = await projectWithEvents();
    await getDb().auditEvent.deleteMany({ where: { chain: other.chain, seq: 8 } });
    expect((await verifyAuditChain(other.chain)).problem).toMatchObject({ kind: "missing", seq: 8 });
  });

  it("detects reordering", async () => {
    const { chain } = await projectWithEvents();
    const a = await getDb().auditEvent.findFirstOrThrow({ where: { chain, seq: 6 } });
    const b = await getDb().auditEvent.findFirstOrThrow({ where: { chain, seq: 7 } });
    await getDb().$transaction([
      getDb().auditEvent.update({ where: { id: a.id }, data: { seq: -1 } }),
      getDb().auditEvent.update({ where: { id: b.id }, data: { seq: 6 } }),
      getDb().auditEvent.update({ where: { id: a.id }, data: { seq: 7 } }),
    ]);
    expect((await verifyAuditChain(chain)).problem).not.toBeNull();
  });

  it("keeps one unbroken chain under concurrent appends", async () => {
    const { chain, projectId } = await projectWithEvents();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => recordAuditEvent({ projectId, actorName: "test", action: "test.concurrent", details: { i } })),
    );
    const result = await verifyAuditChain(chain);
    expect(result).toMatchObject({ problem: null, checked: 28 });
  });
});
