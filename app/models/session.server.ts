import { generateSessionToken, parseSessionToken, secretMatches } from "../lib/session-token";
import { getDb } from "../db.server";

export interface SessionPolicy {
  idleMs: number;
  maxAgeMs: number;
}

// Writing lastActiveAt on every request would turn each page view into a write.
const ACTIVITY_WRITE_INTERVAL_MS = 60_000;

export async function createSession(userId: number, meta: { ip: string | null; userAgent: string | null }) {
  const { token, id, secretHash } = generateSessionToken();
  const now = new Date();
  await getDb().session.create({
    data: { id, secretHash, userId, createdAt: now, lastActiveAt: now, ip: meta.ip, userAgent: meta.userAgent?.slice(0, 300) ?? null },
  });
  return { token, sessionId: id, createdAt: now };
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  isAdmin: boolean;
  mustChangePassword: boolean;
  disabledAt: Date | null;
  createdAt: Date;
}

interface SessionRow extends SessionUser {
  sessionId: string;
  secretHash: string;
  sessionCreatedAt: Date;
  lastActiveAt: Date;
}

/**
 * Returns the session and its user when the token is genuine, the user is enabled,
 * and neither the inactivity timeout nor the absolute lifetime has passed; an
 * expired session is deleted.
 */
export async function validateSessionToken(token: string, policy: SessionPolicy, now = new Date()) {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const db = getDb();
  // Every request asks this: one plain statement, not the query builder's two.
  const rows = await db.$queryRaw<SessionRow[]>`
    SELECT s."id" AS "sessionId", s."secretHash", s."createdAt" AS "sessionCreatedAt", s."lastActiveAt",
           u."id", u."username", u."displayName", u."isAdmin", u."mustChangePassword", u."disabledAt", u."createdAt"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${parsed.id}`;
  const row = rows[0];
  if (!row || !secretMatches(parsed.secret, row.secretHash)) return null;
  const expired =
    now.getTime() - row.sessionCreatedAt.getTime() >= policy.maxAgeMs ||
    now.getTime() - row.lastActiveAt.getTime() >= policy.idleMs ||
    row.disabledAt !== null;
  if (expired) {
    await db.session.deleteMany({ where: { id: row.sessionId } });
    return null;
  }
  if (now.getTime() - row.lastActiveAt.getTime() >= ACTIVITY_WRITE_INTERVAL_MS) {
    await db.session.updateMany({ where: { id: row.sessionId }, data: { lastActiveAt: now } });
  }
  const { sessionId, secretHash: _secretHash, sessionCreatedAt, lastActiveAt: _lastActiveAt, ...user } = row;
  return { session: { id: sessionId, createdAt: sessionCreatedAt }, user: user satisfies SessionUser };
}

export async function deleteSession(sessionId: string) {
  await getDb().session.deleteMany({ where: { id: sessionId } });
}

export async function deleteAllSessionsOfUser(userId: number) {
  return (await getDb().session.deleteMany({ where: { userId } })).count;
}

export function countSessionsOfUser(userId: number) {
  return getDb().session.count({ where: { userId } });
}
