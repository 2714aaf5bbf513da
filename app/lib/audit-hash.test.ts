import { describe, expect, it } from "vitest";
import { GENESIS_HASH, type StoredAuditEvent, computeAuditHash, verifyChain } from "./audit-hash";

function buildChain(length: number): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const base = {
      id: seq * 10,
      chain: "project:1",
      seq,
      projectId: 1,
      actorId: 7,
      actorName: "rivera",
      action: "claim.tagged",
      targetType: "claim",
      targetId: String(seq),
      ip: "203.0.113.1",
      details: JSON.stringify({ to: "confirmed" }),
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)),
      prevHash,
    };
    const hash = computeAuditHash(base);
    events.push({ ...base, hash });
    prevHash = hash;
  }
  return events;
}

describe("audit chain", () => {
  it("verifies an untouched chain and reports its head", () => {
    const events = buildChain(5);
    const result = verifyChain(events, { seq: 5, headHash: events[4]!.hash });
    expect(result).toEqual({ checked: 5, problem: null, headHash: events[4]!.hash });
  });

  it("names an edited event", () => {
    const events = buildChain(5);
    events[2] = { ...events[2]!, details: JSON.stringify({ to: "disputed" }) };
    expect(verifyChain(events).problem).toEqual({ kind: "edited", seq: 3, eventId: 30 });
  });

  it("names a deleted event in the middle", () => {
    const events = buildChain(5);
    events.splice(1, 1);
    expect(verifyChain(events).problem).toEqual({ kind: "missing", seq: 2, afterEventId: 10 });
  });

  it("detects deletion of the newest events through the chain head", () => {
    const events = buildChain(5);
    const head = { seq: 5, headHash: events[4]!.hash };
    expect(verifyChain(events.slice(0, 4), head).problem).toEqual({ kind: "missing", seq: 5, afterEventId: 40 });
  });

  it("detects two events swapped, even with their seq numbers swapped back", () => {
    const events = buildChain(4);
    const a = events[1]!;
    const b = events[2]!;
    // Swap the content but keep seq order, re-hashing each so only the links betray it.
    const swappedA = { ...b, seq: 2, id: a.id };
    const swappedB = { ...a, seq: 3, id: b.id };
    swappedA.hash = computeAuditHash(swappedA);
    swappedB.hash = computeAuditHash(swappedB);
    expect(verifyChain([events[0]!, swappedA, swappedB, events[3]!]).problem?.kind).toBe("reordered");
  });

  it("changes the hash when any committed field changes", () => {
    const [event] = buildChain(1);
    const variants = [{ actorId: 8 }, { action: "claim.edited" }, { createdAt: new Date(0) }, { ip: null }, { prevHash: "f".repeat(64) }];
    for (const change of variants) expect(computeAuditHash({ ...event!, ...change })).not.toBe(event!.hash);
  });
});
