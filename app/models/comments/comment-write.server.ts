import { Prisma, type Tx } from "../../db.server";
import { AppError } from "../../lib/app-error";
import { commentBodySchema, commentExcerpt, mentionedUsernames } from "../../lib/comments/comment-text";
import { COMMENT_ADDED_ACTION, COMMENT_DELETED_ACTION, COMMENT_EDITED_ACTION } from "../../lib/review/audit-actions";
import { type NotificationInput, announce, notifyInTransaction } from "../notifications/notify.server";
import { type AuditEntry, writeProject } from "../unit-of-work.server";
import type { Actor } from "../user.server";

// Writing in a claim's discussion: add, edit and delete your own comments. Every change is
// in the audit trail with the text (an edit with the text before and after, a deletion
// with the text removed), so the trail keeps what the thread no longer shows.

function parseBody(text: string): string {
  const parsed = commentBodySchema.safeParse(text);
  if (!parsed.success) throw new AppError("invalid_input", parsed.error.issues[0]?.message ?? "Write a comment", { field: "text" });
  return parsed.data;
}

/** Members of the project among the mentioned usernames (others are plain text). */
async function mentionedMembers(tx: Tx, projectId: number, body: string): Promise<number[]> {
  const usernames = mentionedUsernames(body);
  if (usernames.length === 0) return [];
  const rows = await tx.$queryRaw<Array<{ id: number }>>`
    SELECT u."id" FROM "User" u JOIN "Membership" m ON m."userId" = u."id" AND m."projectId" = ${projectId}
    WHERE u."username" IN (${Prisma.join(usernames)}) AND u."disabledAt" IS NULL`;
  return rows.map((row) => row.id);
}

function requireAuthor(actor: Actor): number {
  if (actor.id === null) throw new AppError("invalid_input", "A comment is written as a user (--as USERNAME).");
  return actor.id;
}

const commentEvent = (claimId: number, action: string, details: Record<string, unknown>): AuditEntry => ({
  action,
  targetType: "claim",
  targetId: claimId,
  details,
});

/**
 * Adds a comment to a claim's thread. Mentioned members are told; so is everyone who
 * wrote in the thread before (a reply), unless the comment mentions them anyway. Null
 * when the claim is not in the project.
 */
export async function addComment(options: { projectId: number; claimId: number; text: string; actor: Actor }) {
  const { projectId, claimId, actor } = options;
  const authorId = requireAuthor(actor);
  const body = parseBody(options.text);
  const result = await writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }) => {
    const claim = await tx.claim.findFirst({ where: { id: claimId, projectId }, select: { id: true } });
    if (!claim) return null;
    const comment = await tx.comment.create({ data: { projectId, claimId, authorId, body } });
    await audit(commentEvent(claimId, COMMENT_ADDED_ACTION, { commentId: comment.id, text: body }));
    claimsChanged([claimId], `${actor.name} commented on claim ${claimId}`);
    const mentioned = await mentionedMembers(tx, projectId, body);
    const earlier = await tx.comment.findMany({
      where: { claimId, id: { lt: comment.id }, authorId: { not: null } },
      distinct: ["authorId"],
      select: { authorId: true },
    });
    const details = { commentId: comment.id, excerpt: commentExcerpt(body) };
    const inputs: NotificationInput[] = [
      ...mentioned.map((userId) => ({ userId, kind: "mention" as const, claimId, details })),
      ...earlier
        .map((row) => row.authorId!)
        .filter((userId) => !mentioned.includes(userId))
        .map((userId) => ({ userId, kind: "reply" as const, claimId, details })),
    ];
    const notify = await notifyInTransaction(tx, { projectId, actor, inputs });
    return { comment, notify };
  });
  if (!result) return null;
  await announce(result.notify);
  return result.comment;
}

async function ownComment(tx: Tx, options: { projectId: number; commentId: number; authorId: number }) {
  const comment = await tx.comment.findFirst({ where: { id: options.commentId, projectId: options.projectId } });
  if (!comment || comment.deletedAt) return null;
  if (comment.authorId !== options.authorId) throw new AppError("forbidden", "You can edit and delete only your own comments.");
  return comment;
}

/** Changes your own comment; members mentioned for the first time are told. */
export async function editComment(options: { projectId: number; commentId: number; text: string; actor: Actor }) {
  const { projectId, commentId, actor } = options;
  const authorId = requireAuthor(actor);
  const body = parseBody(options.text);
  const result = await writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }) => {
    const comment = await ownComment(tx, { projectId, commentId, authorId });
    if (!comment) return null;
    if (comment.body === body) return { comment, notify: [] as number[] };
    const updated = await tx.comment.update({ where: { id: commentId }, data: { body, editedAt: new Date() } });
    await audit(commentEvent(comment.claimId, COMMENT_EDITED_ACTION, { commentId, before: comment.body, after: body }));
    claimsChanged([comment.claimId], `${actor.name} edited a comment on claim ${comment.claimId}`);
    const before = new Set(await mentionedMembers(tx, projectId, comment.body));
    const added = (await mentionedMembers(tx, projectId, body)).filter((userId) => !before.has(userId));
    const details = { commentId, excerpt: commentExcerpt(body) };
    const notify = await notifyInTransaction(tx, {
      projectId,
      actor,
      inputs: added.map((userId) => ({ userId, kind: "mention", claimId: comment.claimId, details })),
    });
    return { comment: updated, notify };
  });
  if (!result) return null;
  await announce(result.notify);
  return result.comment;
}

/** Removes your own comment's text from the thread; the trail keeps it. */
export async function deleteComment(options: { projectId: number; commentId: number; actor: Actor }) {
  const { projectId, commentId, actor } = options;
  const authorId = requireAuthor(actor);
  return writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }) => {
    const comment = await ownComment(tx, { projectId, commentId, authorId });
    if (!comment) return null;
    const deleted = await tx.comment.update({ where: { id: commentId }, data: { body: "", deletedAt: new Date() } });
    await audit(commentEvent(comment.claimId, COMMENT_DELETED_ACTION, { commentId, text: comment.body }));
    claimsChanged([comment.claimId], `${actor.name} deleted a comment on claim ${comment.claimId}`);
    return deleted;
  });
}
