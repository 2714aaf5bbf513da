import { generateSessionToken, parseSessionToken, secretMatches } from "../lib/session-token";
import { getDb } from "../db.server";
import { publicUserSelect } from "./user.server";

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

export type SessionUser = NonNullable<Awaited<ReturnType<typeof validateSessionToken>>>["user"];

/**
 * Returns the session and its user when the token is genuine, the user is enabled,
 * and neither the inactivity timeout nor the absolute lifetime has passed; an
 * expired session is deleted.
 */
export async function validateSessionToken(token: string, policy: SessionPolicy, now = new Date()) {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const db = getDb();
  const session = await db.session.findUnique({ where: { id: parsed.id }, include: { user: { select: publicUserSelect } } });
  if (!session || !secretMatches(parsed.secret, session.secretHash)) return null;
  const expired =
    now.getTime() - session.createdAt.getTime() >= policy.maxAgeMs ||
    now.getTime() - session.lastActiveAt.getTime() >= policy.idleMs ||
    session.user.disabledAt !== null;
  if (expired) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastActiveAt.getTime() >= ACTIVITY_WRITE_INTERVAL_MS) {
    await db.session.updateMany({ where: { id: session.id }, data: { lastActiveAt: now } });
  }
  return { session: { id: session.id, createdAt: session.createdAt }, user: session.user };
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
