import { describe, expect, it } from "vitest";
import {
  type ThrottlePolicy,
  type ThrottleRow,
  accountDelayMs,
  decideAttempt,
  emptyRow,
  releaseAfterSuccess,
  settle,
  throttleKeys,
} from "./login-throttle";

const MINUTE = 60_000;
const policy: ThrottlePolicy = {
  windowMs: 15 * MINUTE,
  blockMs: 15 * MINUTE,
  maxPerAccount: 5,
  maxPerIp: 30,
  accountDelayCapMs: 30_000,
  trustMs: 30 * 24 * 60 * MINUTE,
};
const T0 = new Date("2026-12-01T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

/** A tiny store of counters, so that sequences of attempts can be played against the rules. */
function store() {
  const rows = new Map<string, ThrottleRow>();
  const load = (account: string, ip: string | null, now: Date) =>
    throttleKeys(account, ip).map((key) => rows.get(key.key) ?? emptyRow(key, now));
  const save = (list: ThrottleRow[]) => list.forEach((row) => rows.set(row.key, row));
  return {
    rows,
    attempt(account: string, ip: string | null, now: Date, passwordRight = false) {
      const decision = decideAttempt(load(account, ip, now), policy, now);
      save(decision.rows);
      if (decision.allowed && passwordRight) save(releaseAfterSuccess(decision.rows, policy, now));
      return decision;
    },
  };
}

describe("sign-in throttling", () => {
  it("blocks one account from one address only: the owner elsewhere still signs in", () => {
    const s = store();
    for (let i = 0; i < 5; i += 1) expect(s.attempt("reva", "198.51.100.9", at(i * 1000)).allowed).toBe(true);
    const blocked = s.attempt("reva", "198.51.100.9", at(6000), true);
    expect(blocked).toMatchObject({ allowed: false, scope: "account_address" });
    expect(blocked.allowed ? 0 : blocked.retryAfterMs).toBeGreaterThan(14 * MINUTE);
    // One address cannot slow the account down: the owner, elsewhere, signs in at once.
    expect(s.attempt("reva", "203.0.113.5", at(6001), true).allowed).toBe(true);
  });

  it("blocks an address that tries many accounts", () => {
    const s = store();
    for (let i = 0; i < 30; i += 1) expect(s.attempt(`user${i}`, "192.0.2.1", at(i)).allowed).toBe(true);
    expect(s.attempt("someone", "192.0.2.1", at(31))).toMatchObject({ allowed: false, scope: "address" });
    expect(s.attempt("someone", "192.0.2.2", at(32)).allowed).toBe(true);
  });

  it("slows an account attacked from many addresses with growing, capped delays, never a block", () => {
    expect([9, 10, 11, 12, 13, 14, 15, 50].map((n) => accountDelayMs(n, policy))).toEqual([0, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    const s = store();
    let now = 0;
    const waits: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const decision = s.attempt("reva", `10.0.${i}.1`, at(now));
      if (decision.allowed) continue;
      expect(decision.scope).toBe("account");
      waits.push(decision.retryAfterMs);
      now += decision.retryAfterMs;
      expect(s.attempt("reva", `10.1.${i}.1`, at(now)).allowed).toBe(true);
    }
    expect(Math.max(...waits)).toBeLessThanOrEqual(30_000);
    expect(waits.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 16000]);
  });

  it("lets the owner in from an address they signed in from before, while others wait", () => {
    const s = store();
    expect(s.attempt("reva", "203.0.113.5", at(0), true).allowed).toBe(true);
    for (let i = 0; i < 16; i += 1) s.attempt("reva", `10.0.${i}.1`, at(1000 + i * 31_000));
    const now = at(1000 + 15 * 31_000 + 10);
    expect(s.attempt("reva", "10.9.9.9", now)).toMatchObject({ allowed: false, scope: "account" });
    expect(s.attempt("reva", "203.0.113.5", now, true).allowed).toBe(true);
  });

  it("counts an attempt before the password is checked, so concurrent guesses cannot overtake the limit", () => {
    const s = store();
    // Decisions taken one after the other on the same counters, before any hashing finishes.
    const decisions = Array.from({ length: 100 }, (_, i) => s.attempt("reva", "198.51.100.9", at(i)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
  });

  it("takes back the reserved failure when the password was right", () => {
    const s = store();
    for (let i = 0; i < 4; i += 1) s.attempt("reva", "198.51.100.9", at(i));
    // The fifth attempt reaches the limit while it is checked; a right password undoes the block.
    expect(s.attempt("reva", "198.51.100.9", at(10), true).allowed).toBe(true);
    expect(s.attempt("reva", "198.51.100.9", at(20), true).allowed).toBe(true);
    expect(s.rows.get("pair:198.51.100.9|reva")).toMatchObject({ failures: 0, blockedUntil: null, blockStartedAt: null });
    expect(s.rows.get("account:reva")!.failures).toBe(4);

    // At the account's own limit the right password lifts the delay too.
    for (let i = 0; i < 5; i += 1) s.attempt("reva", `10.2.${i}.1`, at(100 + i));
    expect(s.rows.get("account:reva")!.failures).toBe(9);
    expect(s.attempt("reva", "10.3.0.1", at(200), true).allowed).toBe(true);
    expect(s.rows.get("account:reva")).toMatchObject({ failures: 9, blockedUntil: null });
  });

  it("sums a block up once, with its start, end, failures and refused attempts, after it is over", () => {
    const s = store();
    for (let i = 0; i < 5; i += 1) s.attempt("reva", "198.51.100.9", at(i));
    for (let i = 0; i < 400; i += 1) expect(s.attempt("reva", "198.51.100.9", at(1000 + i)).ended).toEqual([]);
    const later = at(16 * MINUTE);
    const pair = s.rows.get("pair:198.51.100.9|reva")!;
    const { row, ended } = settle(pair, policy, later);
    expect(ended).toEqual({
      scope: "account_address",
      account: "reva",
      ip: "198.51.100.9",
      startedAt: at(4),
      endedAt: at(4 + 15 * MINUTE),
      failures: 5,
      refused: 400,
    });
    expect(row).toMatchObject({ failures: 0, refused: 0, blockStartedAt: null, blockedUntil: null });
    expect(settle(row, policy, later).ended).toBeNull();
    // The next attempt on these counters records it.
    expect(s.attempt("reva", "198.51.100.9", later).ended.map((e) => e.scope)).toContain("account_address");
  });

  it("makes one block of an account paced by an attacker, not one per delay", () => {
    const s = store();
    let now = 0;
    let ended = 0;
    for (let i = 0; i < 200; i += 1) {
      const decision = s.attempt("reva", `10.0.${i % 250}.${Math.floor(i / 250)}`, at(now));
      ended += decision.ended.filter((e) => e.scope === "account").length;
      now += 30_001;
    }
    // 200 attempts over 100 minutes: the account's window restarts every 15 minutes, one block each.
    expect(ended).toBeLessThanOrEqual(7);
  });
});
