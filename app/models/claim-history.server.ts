import { getDb } from "../db.server";

/** Every event about one claim, oldest first: status changes, assignments, edits, sources. */
export async function claimHistory(projectId: number, claimId: number) {
  const events = await getDb().auditEvent.findMany({
    where: { projectId, targetType: "claim", targetId: String(claimId) },
    orderBy: { seq: "asc" },
    select: { id: true, action: true, actorId: true, actorName: true, createdAt: true, details: true },
  });
  // People by their display names (viewers see this); the username recorded in the trail stays there.
  const actorIds = [...new Set(events.flatMap((e) => (e.actorId === null ? [] : [e.actorId])))];
  const people = await getDb().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } });
  const names = new Map(people.map((p) => [p.id, p.displayName]));
  return events.map((event) => ({ ...event, actorName: (event.actorId !== null && names.get(event.actorId)) || event.actorName }));
}
