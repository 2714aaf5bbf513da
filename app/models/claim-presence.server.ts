import { getDb } from "../db.server";
import { publishProjectEvent } from "./events.server";

const PRESENCE_TTL_MS = 25_000;

/** Records that the user has the claim open; false if the claim is not in the project. */
export async function markViewing(options: { projectId: number; claimId: number; userId: number }): Promise<boolean> {
  const { projectId, claimId, userId } = options;
  const claim = await getDb().claim.findFirst({ where: { id: claimId, projectId }, select: { id: true } });
  if (!claim) return false;
  await getDb().claimPresence.upsert({
    where: { claimId_userId: { claimId, userId } },
    create: { claimId, userId, seenAt: new Date() },
    update: { seenAt: new Date() },
  });
  await publishProjectEvent({ type: "presence", projectId, claimId });
  return true;
}

export function viewersOf(claimId: number, exceptUserId: number) {
  return getDb().claimPresence.findMany({
    where: { claimId, userId: { not: exceptUserId }, seenAt: { gt: new Date(Date.now() - PRESENCE_TTL_MS) } },
    select: { user: { select: { displayName: true } } },
  });
}
