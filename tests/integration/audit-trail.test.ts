import { describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/main";
import { resetConfigForTests } from "../../app/config.server";
import { getDb } from "../../app/db.server";
import { AuditKeyError, GENESIS_HASH, auditKeyFrom, computeAuditHash, projectChain } from "../../app/lib/audit-hash";
import { appendAuditEvents, keyAuditChains, recordAuditEvent, verifyAuditChain } from "../../app/models/audit.server";
import { setProjectArchived } from "../../app/models/project.server";
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

  it("waits for a chain another writer holds longer than Prisma's default 5 s transaction, rather than failing", async () => {
    const { chain, projectId } = await projectWithEvents();
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    const slowWriter = getDb().$transaction(
      async (tx) => {
        await appendAuditEvents(tx, projectId, [{ actorName: "slow", action: "test.slow", details: {} }]);
        holding();
        await new Promise((resolve) => setTimeout(resolve, 6_500));
      },
      { timeout: 30_000 },
    );
    await held;
    await recordAuditEvent({ projectId, actorName: "test", action: "test.after_slow", details: {} });
    await slowWriter;
    expect(await verifyAuditChain(chain)).toMatchObject({ problem: null, checked: 10 });
  }, 30_000);
});

async function cli(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => "",
  });
  return { code, stdout, stderr };
}

async function headHash(chain: string): Promise<string> {
  return (await getDb().auditChainHead.findUniqueOrThrow({ where: { chain } })).headHash;
}

/** What someone with write access to the database can do: rewrite events from `fromSeq` on, rehash them and the head. */
async function rehashFrom(chain: string, fromSeq: number, change: (event: { details: string }) => { details: string }) {
  const events = await getDb().auditEvent.findMany({ where: { chain }, orderBy: { seq: "asc" } });
  let prevHash = fromSeq === 1 ? GENESIS_HASH : events[fromSeq - 2]!.hash;
  for (const event of events.slice(fromSeq - 1)) {
    const rewritten = { ...event, ...(event.seq === fromSeq ? change(event) : {}), prevHash, keyId: null };
    const hash = computeAuditHash(rewritten);
    await getDb().auditEvent.update({ where: { id: event.id }, data: { details: rewritten.details, prevHash, keyId: null, hash } });
    prevHash = hash;
  }
  await getDb().auditChainHead.update({ where: { chain }, data: { headHash: prevHash, keyId: null } });
}

/** A project chain (five events from creating the team) with a status change at #6 and the head hash a report printed at #9. */
async function reportedProject() {
  const team = await makeProjectWithTeam();
  const projectId = team.project.id;
  await recordAuditEvent({
    projectId,
    actorName: "rivera",
    action: "claim.status_changed",
    targetType: "claim",
    details: { to: "disputed" },
  });
  for (let i = 0; i < 3; i += 1) await recordAuditEvent({ projectId, actorName: "test", action: "test.event", details: { i } });
  const chain = projectChain(projectId);
  return { ...team, chain, reportHead: await headHash(chain) };
}

describe("a trail anchored to a report's head hash (audit verify --expect-head)", () => {
  it("passes while the reported head is in the chain, also after later events and archiving", async () => {
    const { project, chain, reportHead } = await reportedProject();
    await setProjectArchived({ projectId: project.id, archived: true, actor: { id: null, name: "test" } });
    expect(await getDb().auditEvent.count({ where: { chain } })).toBe(10);
    const result = await cli(["audit", "verify", "--project", project.slug, "--expect-head", reportHead.toUpperCase(), "--json"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, checked: 10, anchor: { hash: reportHead, seq: 9 }, keyed: null });
    const bad = await cli(["audit", "verify", "--project", project.slug, "--expect-head", "abc"]);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining("--expect-head: must be a head hash of 64 hexadecimal digits") });
  });

  it("fails when the newest events are deleted and the head row rolled back, which the chain alone cannot tell", async () => {
    const { project, chain, reportHead } = await reportedProject();
    const sixth = await getDb().auditEvent.findFirstOrThrow({ where: { chain, seq: 6 } });
    await getDb().auditEvent.deleteMany({ where: { chain, seq: { gt: 6 } } });
    await getDb().auditChainHead.update({ where: { chain }, data: { seq: 6, headHash: sixth.hash } });
    expect((await cli(["audit", "verify", "--project", project.slug])).code).toBe(0);
    const result = await cli(["audit", "verify", "--project", project.slug, "--expect-head", reportHead]);
    expect(result.code).toBe(4);
    expect(result.stderr).toBe(
      `claimdesk: audit trail broken: the expected head ${reportHead} is no event of ${chain}: events up to it were deleted or rewritten; 6 event(s) verified before it\n`,
    );
  });

  it("fails when the whole chain is deleted", async () => {
    const { project, chain, reportHead } = await reportedProject();
    await getDb().auditEvent.deleteMany({ where: { chain } });
    await getDb().auditChainHead.delete({ where: { chain } });
    expect((await cli(["audit", "verify", "--project", project.slug])).code).toBe(0);
    expect(await cli(["audit", "verify", "--project", project.slug, "--expect-head", reportHead])).toMatchObject({ code: 4 });
  });

  it("fails when a verdict is edited and every later event rehashed", async () => {
    const { project, chain, reportHead } = await reportedProject();
    await rehashFrom(chain, 6, () => ({ details: JSON.stringify({ to: "confirmed" }) }));
    expect((await verifyAuditChain(chain)).problem).toBeNull();
    expect((await verifyAuditChain(chain, { expectHead: reportHead })).problem).toEqual({
      kind: "anchor_missing",
      expectedHead: reportHead,
    });
    expect((await cli(["audit", "verify", "--project", project.slug, "--expect-head", reportHead])).code).toBe(4);
  });
});

describe("a trail keyed with AUDIT_HMAC_KEY", () => {
  const secret = "a-secret-kept-outside-the-database-0123456789";
  const key = auditKeyFrom(secret);
  /** Only project chains are written while a key is set: the worker's other test files share the global chain. */
  async function withKey<T>(value: string | undefined, run: () => Promise<T>): Promise<T> {
    if (value === undefined) delete process.env.AUDIT_HMAC_KEY;
    else process.env.AUDIT_HMAC_KEY = value;
    resetConfigForTests();
    try {
      return await run();
    } finally {
      delete process.env.AUDIT_HMAC_KEY;
      resetConfigForTests();
    }
  }

  it("keys a chain written before the key at start; a rewrite without the key then fails even with no expected head", async () => {
    const { project, chain } = await reportedProject();
    await withKey(secret, async () => {
      expect(await keyAuditChains({ chains: [chain] })).toEqual({ keyed: 1 });
      expect(await keyAuditChains({ chains: [chain] })).toEqual({ keyed: 0 });
      await recordAuditEvent({ projectId: project.id, actorName: "rivera", action: "claim.status_changed", details: { to: "confirmed" } });
      const stored = await getDb().auditEvent.findMany({ where: { chain, seq: { gte: 9 } }, orderBy: { seq: "asc" } });
      expect(stored.map((e) => [e.seq, e.action, e.keyId])).toEqual([
        [9, "test.event", null],
        [10, "audit.keyed", key.id],
        [11, "claim.status_changed", key.id],
      ]);
      const ok = await cli(["audit", "verify", "--project", project.slug]);
      expect(ok).toMatchObject({ code: 0, stdout: expect.stringContaining(`keyed with key id ${key.id} from event #10`) });

      // Rehashed from the edited verdict without the key: every hash checks, but the newest event is plain.
      await rehashFrom(chain, 6, () => ({ details: JSON.stringify({ to: "confirmed" }) }));
      expect((await verifyAuditChain(chain)).problem).toEqual(expect.objectContaining({ kind: "not_keyed", seq: 11 }));
      const result = await cli(["audit", "verify", "--project", project.slug]);
      expect(result).toMatchObject({ code: 4, stderr: expect.stringContaining("is not keyed although AUDIT_HMAC_KEY is set") });
    });
  });

  it("refuses to append, or to start, without the chain's key or with another one", async () => {
    const { project, chain } = await reportedProject();
    await withKey(secret, () => recordAuditEvent({ projectId: project.id, actorName: "test", action: "test.keyed" }));
    const append = () => recordAuditEvent({ projectId: project.id, actorName: "test", action: "test.after" });
    await withKey(undefined, async () => {
      await expect(append()).rejects.toThrow(
        new AuditKeyError(`cannot record the change: the audit trail is keyed (key id ${key.id}) and AUDIT_HMAC_KEY is not set`),
      );
      await expect(keyAuditChains({ chains: [chain] })).rejects.toThrow(AuditKeyError);
      expect((await verifyAuditChain(chain)).problem).toMatchObject({ kind: "unverifiable", seq: 10, keyId: key.id });
    });
    await withKey("another-secret-of-at-least-32-characters", async () => {
      await expect(append()).rejects.toThrow(/is not the key the audit trail is keyed with/);
      await expect(keyAuditChains({ chains: [chain] })).rejects.toThrow(/is not the key the audit trail is keyed with/);
    });
    await withKey(secret, async () => {
      await append();
      expect(await verifyAuditChain(chain)).toMatchObject({ problem: null, checked: 11, keyedFromSeq: 10 });
    });
  });
});
