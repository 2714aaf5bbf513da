import { getDb } from "../db.server";

export interface ThrottlePolicy {
  windowMs: number;
  blockMs: number;
  maxPerAccount: number;
  maxPerIp: number;
}

export function throttleKeys(username: string, ip: string | null): { account: string; ip: string | null } {
  return { account: `account:${username.trim().toLowerCase()}`, ip: ip ? `ip:${ip}` : null };
}

/** Seconds until sign-in is allowed again for this account or address, or 0. */
export async function secondsUntilAllowed(keys: { account: string; ip: string | null }, now = new Date()): Promise<number> {
  const rows = await getDb().loginThrottle.findMany({
    where: { key: { in: [keys.account, ...(keys.ip ? [keys.ip] : [])] }, blockedUntil: { gt: now } },
  });
  const latest = Math.max(0, ...rows.map((row) => row.blockedUntil!.getTime()));
  return latest > 0 ? Math.ceil((latest - now.getTime()) / 1000) : 0;
}

export async function recordFailure(keys: { account: string; ip: string | null }, policy: ThrottlePolicy, now = new Date()) {
  const db = getDb();
  const limits: Array<[string, number]> = [[keys.account, policy.maxPerAccount]];
  if (keys.ip) limits.push([keys.ip, policy.maxPerIp]);
  await db.$transaction(async (tx) => {
    for (const [key, max] of limits) {
      const row = await tx.loginThrottle.findUnique({ where: { key } });
      const windowOpen = row && now.getTime() - row.windowStart.getTime() < policy.windowMs;
      const failures = windowOpen ? row.failures + 1 : 1;
      const blockedUntil = failures >= max ? new Date(now.getTime() + policy.blockMs) : null;
      await tx.loginThrottle.upsert({
        where: { key },
        create: { key, failures, windowStart: now, blockedUntil },
        update: { failures, windowStart: windowOpen ? row.windowStart : now, blockedUntil },
      });
    }
  });
}

/** A successful sign-in clears the account's counter; the address keeps its count. */
export async function clearAccountFailures(keys: { account: string }) {
  await getDb().loginThrottle.deleteMany({ where: { key: keys.account } });
}
