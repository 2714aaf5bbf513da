import { describe, expect, it } from "vitest";
import { type AuditKey, GENESIS_HASH, type StoredAuditEvent, auditKeyFrom, computeAuditHash, verifyChain } from "./audit-hash";

/** A chain of `length` events; those from `keyedFrom` on are keyed with `key`. */
function buildChain(length: number, keying: { key: AuditKey; keyedFrom: number } | null = null): StoredAuditEvent[] {
  const events: StoredAuditEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= length; seq += 1) {
    const key = keying && seq >= keying.keyedFrom ? keying.key : null;
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
      keyId: key?.id ?? null,
    };
    const hash = computeAuditHash(base, key);
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

/** Rewrites event `index` with `change` and rehashes it and every later event, as someone with write access to the database can. */
function rewriteFrom(events: StoredAuditEvent[], index: number, change: Partial<StoredAuditEvent>, key: AuditKey | null = null) {
  const rewritten = events.map((event) => ({ ...event }));
  rewritten[index] = { ...rewritten[index]!, ...change };
  for (let i = index; i < rewritten.length; i += 1) {
    const event = { ...rewritten[i]!, prevHash: i === 0 ? GENESIS_HASH : rewritten[i - 1]!.hash, keyId: key?.id ?? null };
    rewritten[i] = { ...event, hash: computeAuditHash(event, key) };
  }
  return rewritten;
}
const headOf = (events: StoredAuditEvent[]) => ({ seq: events.length, headHash: events[events.length - 1]!.hash });

describe("an expected head (a report's head hash)", () => {
  it("passes when it is an event of the chain, later events chaining to the head, and says which", () => {
    const events = buildChain(6);
    const result = verifyChain(events, headOf(events), { expectHead: events[3]!.hash });
    expect(result).toMatchObject({ problem: null, anchorSeq: 4 });
    expect(verifyChain([], { seq: 0, headHash: GENESIS_HASH }, { expectHead: GENESIS_HASH })).toMatchObject({
      problem: null,
      anchorSeq: 0,
    });
  });

  it("fails when the newest events were deleted and the head rolled back to the last one left", () => {
    const events = buildChain(6);
    const reportHead = events[5]!.hash;
    const left = events.slice(0, 4);
    expect(verifyChain(left, headOf(left)).problem).toBeNull();
    expect(verifyChain(left, headOf(left), { expectHead: reportHead }).problem).toEqual({
      kind: "anchor_missing",
      expectedHead: reportHead,
    });
  });

  it("fails when the whole chain was deleted", () => {
    const reportHead = buildChain(3)[2]!.hash;
    const result = verifyChain([], { seq: 0, headHash: GENESIS_HASH }, { expectHead: reportHead });
    expect(result.problem).toEqual({ kind: "anchor_missing", expectedHead: reportHead });
  });

  it("fails when an event before it was edited and every later event rehashed", () => {
    const events = buildChain(6);
    const reportHead = events[4]!.hash;
    const rewritten = rewriteFrom(events, 2, { details: JSON.stringify({ to: "disputed" }) });
    expect(verifyChain(rewritten, headOf(rewritten)).problem).toBeNull();
    expect(verifyChain(rewritten, headOf(rewritten), { expectHead: reportHead }).problem?.kind).toBe("anchor_missing");
  });
});

describe("a keyed chain (AUDIT_HMAC_KEY)", () => {
  const key = auditKeyFrom("k".repeat(40));
  const otherKey = auditKeyFrom("o".repeat(40));

  it("verifies with the key, from the first keyed event on, and not without it", () => {
    const events = buildChain(5, { key, keyedFrom: 3 });
    expect(key.id).toMatch(/^[0-9a-f]{16}$/);
    expect(verifyChain(events, headOf(events), { key })).toMatchObject({ problem: null, keyedFromSeq: 3 });
    expect(verifyChain(events, headOf(events)).problem).toEqual({ kind: "unverifiable", seq: 3, eventId: 30, keyId: key.id });
    expect(verifyChain(events, headOf(events), { key: otherKey }).problem?.kind).toBe("unverifiable");
  });

  it("keys the hash: the same event hashes differently with another key, and a plain hash cannot stand for a keyed one", () => {
    const [event] = buildChain(1, { key, keyedFrom: 1 });
    const forged = { ...event!, keyId: otherKey.id };
    expect(computeAuditHash(forged, otherKey)).not.toBe(event!.hash);
    expect(computeAuditHash({ ...event!, keyId: null })).not.toBe(event!.hash);
  });

  it("catches a rewrite made without the key, even with no expected head", () => {
    const events = buildChain(6, { key, keyedFrom: 1 });
    // Rewritten as plain events from the start: the key's holder sees the newest event is not keyed.
    const plain = rewriteFrom(events, 0, { details: JSON.stringify({ to: "disputed" }) });
    expect(verifyChain(plain, headOf(plain), { key }).problem).toEqual({ kind: "not_keyed", seq: 6, eventId: 60 });
    // From a later event on: the first plain event after keyed ones.
    const tail = rewriteFrom(events, 2, { details: JSON.stringify({ to: "disputed" }) });
    expect(verifyChain(tail, headOf(tail), { key }).problem).toEqual({ kind: "downgraded", seq: 3, eventId: 30 });
    // Rewritten from the start with another key, or keeping the key id without the secret.
    const guessed = rewriteFrom(events, 0, { details: JSON.stringify({ to: "disputed" }) }, otherKey);
    expect(verifyChain(guessed, headOf(guessed), { key }).problem?.kind).toBe("unverifiable");
    const edited = events.map((event) => ({ ...event }));
    edited[2] = { ...edited[2]!, details: JSON.stringify({ to: "disputed" }) };
    expect(verifyChain(edited, headOf(edited), { key }).problem).toEqual({ kind: "edited", seq: 3, eventId: 30 });
  });

  it("calls a plain event after a keyed one a downgrade", () => {
    const events = buildChain(4, { key, keyedFrom: 2 });
    const downgraded = rewriteFrom(events, 3, {});
    expect(verifyChain(downgraded, headOf(downgraded), { key }).problem).toEqual({ kind: "downgraded", seq: 4, eventId: 40 });
  });
});
