import { type Tx, getDb, isTransactionTimeout, isUniqueViolation } from "../db.server";
import {
  type BlockSummary,
  type ThrottleKey,
  type ThrottlePolicy,
  type ThrottleRow,
  type ThrottleScope,
  blockIsOver,
  decideAttempt,
  emptyRow,
  releaseAfterSuccess,
  throttleKeys,
} from "../lib/login-throttle";
import { KeyedQueue } from "../lib/keyed-queue";
import { getLogger } from "../observability/logger.server";
import { appendAuditEvents } from "./audit.server";

export type AttemptReservation =
  | { allowed: true }
  | { allowed: false; reason: "blocked"; scope: ThrottleScope; retryAfterSeconds: number }
  | { allowed: false; reason: "busy"; retryAfterSeconds: number };

const THROTTLE_TRANSACTION = { maxWait: 15_000, timeout: 15_000 };

/**
 * Attempts on the same counters are decided one after the other anyway (the row lock), so in
 * this process they wait in memory rather than each holding a pooled connection while it waits
 * for the lock. Beyond this many waiting on one counter (a burst from one address, as a
 * soak test's 30 simultaneous sign-ins were), an attempt is refused at once with a short wait:
 * the queue never grows past the transaction timeout and never starves other sign-ins.
 */
export const MAX_WAITING_PER_COUNTER = 8;
const BUSY_RETRY_AFTER_SECONDS = 5;
const counterQueue = new KeyedQueue();

/**
 * Runs `change` on the rows of `keys`, locked for the transaction: the first statement on each
 * row writes to it, which takes its row lock on PostgreSQL and the write lock on SQLite, so
 * concurrent attempts on the same counters are decided one after the other. Keys are locked in
 * a fixed order, so two attempts never wait on each other. Two instances creating the same row
 * at once collide on its key; the loser starts again and finds it.
 */
async function withLockedRows<T>(keys: ThrottleKey[], now: Date, change: (tx: Tx, rows: ThrottleRow[]) => Promise<T>): Promise<T> {
  return counterQueue.run(
    keys.map((key) => key.key),
    () => lockRowsAndChange(keys, now, change),
  );
}

async function lockRowsAndChange<T>(keys: ThrottleKey[], now: Date, change: (tx: Tx, rows: ThrottleRow[]) => Promise<T>): Promise<T> {
  const ordered = [...keys].sort((a, b) => (a.key < b.key ? -1 : 1));
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await getDb().$transaction(async (tx) => {
        for (const key of ordered) {
          const touched = await tx.loginThrottle.updateMany({ where: { key: key.key }, data: { refused: { increment: 0 } } });
          if (touched.count === 0) await tx.loginThrottle.create({ data: emptyRow(key, now) });
        }
        const stored = await tx.loginThrottle.findMany({ where: { key: { in: ordered.map((k) => k.key) } } });
        const rows = ordered.map((key) => stored.find((row) => row.key === key.key) as ThrottleRow);
        return change(tx, rows);
        // A flood of attempts queues here for the pool and the row locks: wait rather than fail.
      }, THROTTLE_TRANSACTION);
    } catch (error) {
      if (attempt >= 3 || !isUniqueViolation(error)) throw error;
    }
  }
}

async function writeRows(tx: Tx, rows: ThrottleRow[]): Promise<void> {
  for (const { key, ...data } of rows) await tx.loginThrottle.update({ where: { key }, data });
}

function blockEvents(blocks: BlockSummary[]) {
  return blocks.map((block) => ({
    actorName: block.account,
    ip: block.ip,
    action: "auth.sign_in_blocked",
    details: {
      scope: block.scope,
      startedAt: block.startedAt.toISOString(),
      endedAt: block.endedAt.toISOString(),
      failures: block.failures,
      refused: block.refused,
    },
  }));
}

/**
 * Reserves one password check for `account` from `ip` before any hashing: counted as a failure
 * now, or refused with the wait. Blocks that have ended on these counters are recorded.
 */
export async function reservePasswordAttempt(
  input: { account: string; ip: string | null },
  policy: ThrottlePolicy,
  now = new Date(),
): Promise<AttemptReservation> {
  const keys = throttleKeys(input.account, input.ip);
  const busy: AttemptReservation = { allowed: false, reason: "busy", retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS };
  if (keys.some((key) => counterQueue.waitingFor(key.key) >= MAX_WAITING_PER_COUNTER)) return busy;
  try {
    return await withLockedRows(keys, now, async (tx, rows): Promise<AttemptReservation> => {
      const decision = decideAttempt(rows, policy, now);
      await writeRows(tx, decision.rows);
      await appendAuditEvents(tx, null, blockEvents(decision.ended));
      if (decision.allowed) return { allowed: true };
      const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      return { allowed: false, reason: "blocked", scope: decision.scope, retryAfterSeconds };
    });
  } catch (error) {
    // Other instances flooding the same counters: nothing was counted, so refusing is safe.
    if (isTransactionTimeout(error)) return busy;
    throw error;
  }
}

/** The reserved check found the right password: take the failure back and trust this account and address. */
export async function releasePasswordAttempt(
  input: { account: string; ip: string | null },
  policy: ThrottlePolicy,
  now = new Date(),
): Promise<void> {
  try {
    await withLockedRows(throttleKeys(input.account, input.ip), now, (tx, rows) => writeRows(tx, releaseAfterSuccess(rows, policy, now)));
  } catch (error) {
    if (!isTransactionTimeout(error)) throw error;
    // The password was right: sign the user in. The reserved failure stays counted, which errs
    // on the side of the limit, and the next success releases it.
    getLogger().warn({ err: error, account: input.account }, "login throttle release timed out; the reserved failure stays counted");
  }
}

/**
 * Records the blocks that ended on counters nobody has touched since (an attacker who gave up),
 * and deletes counters that no longer matter. Each block is claimed by one instance only.
 */
export async function recordEndedBlocks(policy: ThrottlePolicy, now = new Date(), limit = 50): Promise<number> {
  const db = getDb();
  const windowOpenedBefore = new Date(now.getTime() - policy.windowMs);
  const candidates = await db.loginThrottle.findMany({
    where: { blockStartedAt: { not: null }, windowStart: { lte: windowOpenedBefore } },
    orderBy: { blockStartedAt: "asc" },
    take: limit,
  });
  const ended = candidates.filter((row) => blockIsOver(row as ThrottleRow, policy, now));
  const recorded = await db.$transaction(async (tx) => {
    const claimed: BlockSummary[] = [];
    for (const row of ended) {
      const taken = await tx.loginThrottle.updateMany({
        where: { key: row.key, blockStartedAt: row.blockStartedAt, refused: row.refused },
        data: { blockStartedAt: null, refused: 0 },
      });
      if (taken.count === 1)
        claimed.push({
          scope: row.scope as ThrottleScope,
          account: row.account,
          ip: row.ip,
          startedAt: row.blockStartedAt!,
          endedAt: row.blockedUntil ?? row.blockStartedAt!,
          failures: row.failures,
          refused: row.refused,
        });
    }
    await appendAuditEvents(tx, null, blockEvents(claimed));
    return claimed.length;
  });
  await db.loginThrottle.deleteMany({
    where: {
      blockStartedAt: null,
      windowStart: { lte: windowOpenedBefore },
      OR: [{ blockedUntil: null }, { blockedUntil: { lte: now } }],
      AND: [{ OR: [{ lastSuccessAt: null }, { lastSuccessAt: { lte: new Date(now.getTime() - policy.trustMs) } }] }],
    },
  });
  return recorded;
}
