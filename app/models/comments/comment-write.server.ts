import { Prisma, type Tx, getDb } from "../../db.server";
import { commentBodySchema, commentExcerpt, mentionedUsernames } from "../../lib/comments/comment-text";
import { COMMENT_ADDED_ACTION, COMMENT_DELETED_ACTION, COMMENT_EDITED_ACTION } from "../../lib/review/audit-actions";
import { ReviewError } from "../../lib/review/errors";
import { appendAuditEvents } from "../audit.server";
import { ClaimInputError } from "../claim.server";
import { publishProjectEvent } from "../events.server";
import { type NotificationInput, announce, notifyInTransaction } from "../notifications/notify.server";
import type { Actor } from "../user.server";

// Writing in a claim's discussion: add, edit and delete your own comments. Every change is
// in the audit trail with the text (an edit with the text before and after, a deletion
// with the text removed), so the trail keeps what the thread no longer shows.

function parseBody(text: string): string {
  const parsed = commentBodySchema.safeParse(text);
  if (!parsed.success) throw new ClaimInputError(parsed.error.issues[0]?.message ?? "Write a comment");
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
  if (actor.id === null) throw new ReviewError("invalid", "A comment is written as a user (--as USERNAME).");
  return actor.id;
}

const commentEvent = (actor: Actor, claimId: number, action: string, details: Record<string, unknown>) => ({
  actorId: actor.id,
  actorName: actor.name,
  ip: actor.ip,
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
  const result = await getDb().$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({ where: { id: claimId, projectId }, select: { id: true } });
    if (!claim) return null;
    const comment = await tx.comment.create({ data: { projectId, claimId, authorId, body } });
    await appendAuditEvents(tx, projectId, [commentEvent(actor, claimId, COMMENT_ADDED_ACTION, { commentId: comment.id, text: body })]);
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
  await publishProjectEvent({
    type: "claims-changed",
    projectId,
    claimIds: [claimId],
    actorId: authorId,
    summary: `${actor.name} commented on claim ${claimId}`,
  });
  await announce(result.notify);
  return result.comment;
}

async function ownComment(tx: Tx, options: { projectId: number; commentId: number; authorId: number }) {
  const comment = await tx.comment.findFirst({ where: { id: options.commentId, projectId: options.projectId } });
  if (!comment || comment.deletedAt) return null;
  if (comment.authorId !== options.authorId) throw new ReviewError("forbidden", "You can edit and delete only your own comments.");
  return comment;
}

/** Changes your own comment; members mentioned for the first time are told. */
export async function editComment(options: { projectId: number; commentId: number; text: string; actor: Actor }) {
  const { projectId, commentId, actor } = options;
  const authorId = requireAuthor(actor);
  const body = parseBody(options.text);
  const result = await getDb().$transaction(async (tx) => {
    const comment = await ownComment(tx, { projectId, commentId, authorId });
    if (!comment) return null;
    if (comment.body === body) return { comment, notify: [] as number[], changed: false };
    const updated = await tx.comment.update({ where: { id: commentId }, data: { body, editedAt: new Date() } });
    await appendAuditEvents(tx, projectId, [
      commentEvent(actor, comment.claimId, COMMENT_EDITED_ACTION, { commentId, before: comment.body, after: body }),
    ]);
    const before = new Set(await mentionedMembers(tx, projectId, comment.body));
    const added = (await mentionedMembers(tx, projectId, body)).filter((userId) => !before.has(userId));
    const details = { commentId, excerpt: commentExcerpt(body) };
    const notify = await notifyInTransaction(tx, {
      projectId,
      actor,
      inputs: added.map((userId) => ({ userId, kind: "mention", claimId: comment.claimId, details })),
    });
    return { comment: updated, notify, changed: true };
  });
  if (!result) return null;
  if (result.changed)
    await publishProjectEvent({
      type: "claims-changed",
      projectId,
      claimIds: [result.comment.claimId],
      actorId: authorId,
      summary: `${actor.name} edited a comment on claim ${result.comment.claimId}`,
    });
  await announce(result.notify);
  return result.comment;
}

/** Removes your own comment's text from the thread; the trail keeps it. */
export async function deleteComment(options: { projectId: number; commentId: number; actor: Actor }) {
  const { projectId, commentId, actor } = options;
  const authorId = requireAuthor(actor);
  const result = await getDb().$transaction(async (tx) => {
    const comment = await ownComment(tx, { projectId, commentId, authorId });
    if (!comment) return null;
    const deleted = await tx.comment.update({ where: { id: commentId }, data: { body: "", deletedAt: new Date() } });
    await appendAuditEvents(tx, projectId, [
      commentEvent(actor, comment.claimId, COMMENT_DELETED_ACTION, { commentId, text: comment.body }),
    ]);
    return deleted;
  });
  if (!result) return null;
  await publishProjectEvent({
    type: "claims-changed",
    projectId,
    claimIds: [result.claimId],
    actorId: authorId,
    summary: `${actor.name} deleted a comment on claim ${result.claimId}`,
  });
  return result;
}
