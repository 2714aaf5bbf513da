import { Prisma, getDb } from "../../db.server";

export interface ThreadComment {
  id: number;
  claimId: number;
  author: { id: number; username: string; displayName: string } | null;
  /** Null once deleted: the thread shows that a comment was there. */
  body: string | null;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}

interface CommentRow {
  id: number;
  claimId: number;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  authorId: number | null;
  username: string | null;
  displayName: string | null;
}

function toThreadComment(row: CommentRow): ThreadComment {
  return {
    id: row.id,
    claimId: row.claimId,
    author: row.authorId === null ? null : { id: row.authorId, username: row.username ?? "", displayName: row.displayName ?? "" },
    body: row.deletedAt ? null : row.body,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deletedAt: row.deletedAt,
  };
}

/** The discussion of one claim, oldest first. */
export async function claimComments(projectId: number, claimId: number): Promise<ThreadComment[]> {
  return commentsOfClaims(projectId, [claimId]);
}

/** The discussions of several claims (a report page), oldest first within each claim. */
export async function commentsOfClaims(projectId: number, claimIds: number[]): Promise<ThreadComment[]> {
  if (claimIds.length === 0) return [];
  const rows = await getDb().$queryRaw<CommentRow[]>`
    SELECT c."id", c."claimId", c."body", c."createdAt", c."editedAt", c."deletedAt", u."id" AS "authorId", u."username", u."displayName"
    FROM "Comment" c LEFT JOIN "User" u ON u."id" = c."authorId"
    WHERE c."projectId" = ${projectId} AND c."claimId" IN (${Prisma.join(claimIds)})
    ORDER BY c."claimId", c."createdAt", c."id"`;
  return rows.map(toThreadComment);
}

/** Members to offer when someone types @ in a comment. */
export function mentionCandidates(projectId: number): Promise<Array<{ username: string; displayName: string }>> {
  return getDb().$queryRaw`
    SELECT u."username", u."displayName" FROM "User" u JOIN "Membership" m ON m."userId" = u."id"
    WHERE m."projectId" = ${projectId} AND u."disabledAt" IS NULL
    ORDER BY u."displayName", u."username"`;
}

/** Whether the claim is in the project (a thread of another project's claim is not found). */
export async function claimExists(projectId: number, claimId: number): Promise<boolean> {
  return (await getDb().claim.count({ where: { id: claimId, projectId } })) > 0;
}
