import { getDb } from "../db.server";

// Display names for history and reports: events store user ids and usernames, people
// read names.

export interface Person {
  id: number;
  username: string;
  displayName: string;
}

/** Ids of people an event names: its actor, and assignees in its details. */
export function peopleIdsOf(events: Array<{ actorId: number | null; details: Record<string, unknown> }>): number[] {
  const ids = new Set<number>();
  for (const event of events) {
    if (event.actorId !== null) ids.add(event.actorId);
    for (const key of ["to", "from", "assigneeTo", "assigneeFrom", "restoredAssigneeId"])
      if (typeof event.details[key] === "number") ids.add(event.details[key]);
  }
  return [...ids];
}

export async function peopleByIds(ids: number[]): Promise<Person[]> {
  if (ids.length === 0) return [];
  return getDb().user.findMany({ where: { id: { in: ids } }, select: { id: true, username: true, displayName: true } });
}

/** Everyone who is a member of the project or has acted in it (its audit trail), in name order. */
export function projectPeople(projectId: number): Promise<Person[]> {
  return getDb().$queryRaw<Person[]>`
    SELECT u."id", u."username", u."displayName" FROM "User" u
    WHERE u."id" IN (SELECT m."userId" FROM "Membership" m WHERE m."projectId" = ${projectId})
       OR u."id" IN (SELECT DISTINCT e."actorId" FROM "AuditEvent" e WHERE e."projectId" = ${projectId} AND e."actorId" IS NOT NULL)
    ORDER BY u."displayName", u."id"`;
}

export function namesById(people: Person[]): Map<number, string> {
  return new Map(people.map((p) => [p.id, p.displayName]));
}
