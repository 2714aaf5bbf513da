import { Prisma, getDb } from "../../db.server";
import { describeNotification, parseNotificationDetails } from "../../lib/notifications/kinds";
import { publishUserEvent } from "../events.server";

// A user's inbox. Only notifications from projects the user can still open are shown or
// counted: someone removed from a project stops seeing what happened in it.

export interface InboxItem {
  id: number;
  kind: string;
  text: string;
  createdAt: Date;
  readAt: Date | null;
  claimId: number | null;
  project: { slug: string; name: string };
  actorName: string | null;
  excerpt: string | null;
}

interface Row {
  id: number;
  kind: string;
  claimId: number | null;
  actorName: string | null;
  details: string;
  createdAt: Date;
  readAt: Date | null;
  slug: string;
  name: string;
}

function visibleTo(user: { id: number; isAdmin: boolean }) {
  return user.isAdmin
    ? Prisma.sql`TRUE`
    : Prisma.sql`EXISTS (SELECT 1 FROM "Membership" m WHERE m."projectId" = n."projectId" AND m."userId" = ${user.id})`;
}

/** Newest first; `beforeId` pages back. */
export async function listNotifications(options: {
  user: { id: number; isAdmin: boolean };
  unreadOnly?: boolean;
  take?: number;
  beforeId?: number;
}) {
  const { user } = options;
  const rows = await getDb().$queryRaw<Row[]>`
    SELECT n."id", n."kind", n."claimId", n."actorName", n."details", n."createdAt", n."readAt", p."slug", p."name"
    FROM "Notification" n JOIN "Project" p ON p."id" = n."projectId"
    WHERE n."userId" = ${user.id} AND ${visibleTo(user)}
      ${options.unreadOnly ? Prisma.sql`AND n."readAt" IS NULL` : Prisma.empty}
      ${options.beforeId ? Prisma.sql`AND n."id" < ${options.beforeId}` : Prisma.empty}
    ORDER BY n."id" DESC
    LIMIT ${options.take ?? 50}`;
  return rows.map((row): InboxItem => {
    const details = parseNotificationDetails(row.details);
    return {
      id: row.id,
      kind: row.kind,
      text: describeNotification({ kind: row.kind, actorName: row.actorName, claimId: row.claimId, projectName: row.name, details }),
      createdAt: row.createdAt,
      readAt: row.readAt,
      claimId: row.claimId,
      project: { slug: row.slug, name: row.name },
      actorName: row.actorName,
      excerpt: details.excerpt ?? null,
    };
  });
}

export async function unreadNotificationCount(user: { id: number; isAdmin: boolean }): Promise<number> {
  const rows = await getDb().$queryRaw<Array<{ count: bigint | number }>>`
    SELECT COUNT(*) AS "count" FROM "Notification" n WHERE n."userId" = ${user.id} AND n."readAt" IS NULL AND ${visibleTo(user)}`;
  return Number(rows[0]?.count ?? 0);
}

/** Marks the user's own notifications read (ids of others' are ignored); the user's other pages are told. */
export async function markNotificationsRead(options: { userId: number; ids: number[] | "all" }): Promise<number> {
  const { userId, ids } = options;
  if (ids !== "all" && ids.length === 0) return 0;
  const updated = await getDb().notification.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: new Date() },
  });
  if (updated.count > 0) await publishUserEvent({ type: "notification", userId });
  return updated.count;
}
