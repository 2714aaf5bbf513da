/**
 * Rules for failed password checks (sign-in and the current-password check), as pure
 * functions of the counters and the time; app/models/login-throttle.server.ts stores them.
 *
 * - One account from one address (`account_address`): a hard block after `maxPerAccount`
 *   failures in the window. Guessing from one place stops there, and only there.
 * - One address (`address`): a hard block after `maxPerIp` failures on any accounts.
 * - One account from anywhere (`account`): never a block, only a delay between attempts once
 *   it has had more failures than one address may make (twice `maxPerAccount`), doubling with
 *   each further failure, up to `accountDelayCapMs`. An address that
 *   signed in to the account recently (the owner's) is exempt, so an attacker spread over many
 *   addresses slows guessing down without locking the owner out.
 *
 * Each attempt is reserved (counted as a failure) before the password is hashed and released
 * if it was right, so concurrent guesses cannot overtake the limit. A block is summed up in
 * one event (start, end, failures, refused attempts) once it is over, not one per attempt.
 */

export type ThrottleScope = "account_address" | "address" | "account";

export interface ThrottlePolicy {
  windowMs: number;
  blockMs: number;
  maxPerAccount: number;
  maxPerIp: number;
  accountDelayCapMs: number;
  /** How long a success keeps that account and address exempt from the account's delays. */
  trustMs: number;
}

export interface ThrottleKey {
  key: string;
  scope: ThrottleScope;
  account: string | null;
  ip: string | null;
}

export interface ThrottleRow extends ThrottleKey {
  failures: number;
  windowStart: Date;
  blockedUntil: Date | null;
  blockStartedAt: Date | null;
  refused: number;
  lastSuccessAt: Date | null;
}

export interface BlockSummary {
  scope: ThrottleScope;
  account: string | null;
  ip: string | null;
  startedAt: Date;
  endedAt: Date;
  failures: number;
  refused: number;
}

export type AttemptDecision =
  | { allowed: true; rows: ThrottleRow[]; ended: BlockSummary[] }
  | { allowed: false; scope: ThrottleScope; retryAfterMs: number; rows: ThrottleRow[]; ended: BlockSummary[] };

// Addresses are absent when the caller has none (the CLI, a test): they share one.
const NO_ADDRESS = "-";

/** The counters an attempt on `account` from `ip` touches. */
export function throttleKeys(account: string, ip: string | null): ThrottleKey[] {
  const name = account.trim().toLowerCase();
  const address = ip ?? NO_ADDRESS;
  return [
    { key: `pair:${address}|${name}`, scope: "account_address", account: name, ip },
    { key: `ip:${address}`, scope: "address", account: null, ip },
    { key: `account:${name}`, scope: "account", account: name, ip: null },
  ];
}

export function emptyRow(key: ThrottleKey, now: Date): ThrottleRow {
  return { ...key, failures: 0, windowStart: now, blockedUntil: null, blockStartedAt: null, refused: 0, lastSuccessAt: null };
}

function limitOf(scope: ThrottleScope, policy: ThrottlePolicy): number {
  if (scope === "address") return policy.maxPerIp;
  // One address alone cannot slow the account down for its owner elsewhere.
  return scope === "account" ? 2 * policy.maxPerAccount : policy.maxPerAccount;
}

/** The wait an account imposes after `failures` (1 s at its limit, doubling, capped). */
export function accountDelayMs(failures: number, policy: ThrottlePolicy): number {
  const excess = failures - limitOf("account", policy);
  if (excess < 0) return 0;
  return Math.min(policy.accountDelayCapMs, 1000 * 2 ** Math.min(excess, 30));
}

function windowOver(row: ThrottleRow, policy: ThrottlePolicy, now: Date): boolean {
  return now.getTime() - row.windowStart.getTime() >= policy.windowMs;
}

function isBlocking(row: ThrottleRow, now: Date): boolean {
  return row.blockedUntil !== null && row.blockedUntil.getTime() > now.getTime();
}

/** A block is over once it refuses nothing more and its window has closed (so a paced attacker makes one block, not many). */
export function blockIsOver(row: ThrottleRow, policy: ThrottlePolicy, now: Date): boolean {
  return row.blockStartedAt !== null && !isBlocking(row, now) && windowOver(row, policy, now);
}

/** The row as it stands at `now`: a finished block is summed up and cleared, an expired window starts again. */
export function settle(row: ThrottleRow, policy: ThrottlePolicy, now: Date): { row: ThrottleRow; ended: BlockSummary | null } {
  const next = { ...row };
  let ended: BlockSummary | null = null;
  if (blockIsOver(row, policy, now)) {
    ended = {
      scope: row.scope,
      account: row.account,
      ip: row.ip,
      startedAt: row.blockStartedAt!,
      endedAt: row.blockedUntil ?? row.blockStartedAt!,
      failures: row.failures,
      refused: row.refused,
    };
    next.blockStartedAt = null;
    next.refused = 0;
  }
  if (windowOver(next, policy, now) && !isBlocking(next, now)) {
    next.failures = 0;
    next.windowStart = now;
    next.blockedUntil = null;
  }
  return { row: next, ended };
}

/**
 * Decides one attempt on the counters it touches (see throttleKeys). An allowed attempt is
 * already counted as a failure: call `releaseAfterSuccess` when the password was right.
 */
export function decideAttempt(current: ThrottleRow[], policy: ThrottlePolicy, now: Date): AttemptDecision {
  const settled = current.map((row) => settle(row, policy, now));
  const rows = settled.map((s) => s.row);
  const ended = settled.flatMap((s) => (s.ended ? [s.ended] : []));
  const pair = rows.find((row) => row.scope === "account_address");
  const trusted = pair?.lastSuccessAt ? now.getTime() - pair.lastSuccessAt.getTime() < policy.trustMs : false;
  const blocking = rows.filter((row) => isBlocking(row, now) && !(row.scope === "account" && trusted));
  if (blocking.length > 0) {
    for (const row of blocking) {
      row.refused += 1;
      row.blockStartedAt ??= now;
    }
    const longest = blocking.reduce((a, b) => (a.blockedUntil!.getTime() >= b.blockedUntil!.getTime() ? a : b));
    return { allowed: false, scope: longest.scope, retryAfterMs: longest.blockedUntil!.getTime() - now.getTime(), rows, ended };
  }
  for (const row of rows) {
    row.failures += 1;
    if (row.failures < limitOf(row.scope, policy)) continue;
    const wait = row.scope === "account" ? accountDelayMs(row.failures, policy) : policy.blockMs;
    row.blockedUntil = new Date(now.getTime() + wait);
    row.blockStartedAt ??= now;
  }
  return { allowed: true, rows, ended };
}

/**
 * The password was right: the reserved failure is taken back. The account and address pair
 * starts afresh and is trusted from now on; the address and the account keep their other failures.
 */
export function releaseAfterSuccess(current: ThrottleRow[], policy: ThrottlePolicy, now: Date): ThrottleRow[] {
  return current.map((row) => {
    const next = { ...row, failures: Math.max(0, row.failures - 1) };
    if (row.scope === "account_address") {
      next.failures = 0;
      next.lastSuccessAt = now;
    }
    // The reservation may have started a block or delay on its own; a right password undoes it.
    // The account's delay is lifted too: the next failure re-arms it.
    const limit = limitOf(row.scope, policy);
    if (next.failures < limit || row.scope === "account") next.blockedUntil = null;
    if (next.failures < limit && next.refused === 0) next.blockStartedAt = null;
    return next;
  });
}
