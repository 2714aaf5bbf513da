import { Prisma, type Tx } from "../../db.server";
import type { NotificationDetails, NotificationKind } from "../../lib/notifications/kinds";
import { type ProjectRole, isProjectRole, roleAtLeast } from "../../lib/roles";
import { publishUserEvent } from "../events.server";
import { signalNotificationsCreated } from "./created-signal.server";
import type { Actor } from "../user.server";

export interface NotificationInput {
  userId: number;
  kind: NotificationKind;
  claimId: number | null;
  details?: NotificationDetails;
}

/**
 * Writes notifications in the caller's transaction, so a notification exists if and only if
 * the change it tells of does. The actor is never notified of their own change; users who
 * are not (or no longer) active members of the project are skipped; one user gets one
 * notification per kind and claim from one change. Each is marked for email by the
 * recipient's setting at this moment (a later change of setting does not resend).
 * Returns the users to tell live once the transaction has committed (`announce`).
 */
export async function notifyInTransaction(tx: Tx, options: { projectId: number; actor: Actor; inputs: NotificationInput[] }) {
  const { projectId, actor } = options;
  const seen = new Set<string>();
  const inputs = options.inputs.filter((input) => {
    const key = `${input.userId}:${input.kind}:${input.claimId}`;
    if (input.userId === actor.id || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (inputs.length === 0) return [];
  const userIds = [...new Set(inputs.map((input) => input.userId))];
  const recipients = await tx.$queryRaw<Array<{ id: number; email: string | null; emailMode: string | null }>>`
    SELECT u."id", s."email", s."emailMode" FROM "User" u
    JOIN "Membership" m ON m."userId" = u."id" AND m."projectId" = ${projectId}
    LEFT JOIN "NotificationSetting" s ON s."userId" = u."id"
    WHERE u."id" IN (${Prisma.join(userIds)}) AND u."disabledAt" IS NULL`;
  const byId = new Map(recipients.map((r) => [r.id, r]));
  const rows = inputs
    .filter((input) => byId.has(input.userId))
    .map((input) => {
      const recipient = byId.get(input.userId)!;
      const emailState = !recipient.email
        ? "none"
        : recipient.emailMode === "immediate"
          ? "pending"
          : recipient.emailMode === "daily"
            ? "digest"
            : "none";
      return {
        userId: input.userId,
        projectId,
        claimId: input.claimId,
        kind: input.kind,
        actorId: actor.id,
        actorName: actor.name,
        details: JSON.stringify(input.details ?? {}),
        emailState,
      };
    });
  if (rows.length > 0) await tx.notification.createMany({ data: rows });
  return [...new Set(rows.map((row) => row.userId))];
}

/** Tells each user's open pages that they have something new. Call after commit. */
export async function announce(userIds: readonly number[]): Promise<void> {
  if (userIds.length === 0) return;
  signalNotificationsCreated();
  await Promise.all(userIds.map((userId) => publishUserEvent({ type: "notification", userId })));
}

/** Active members of the project with at least this role (editors for adjudication). */
export async function membersWithRole(tx: Tx, projectId: number, minimum: ProjectRole): Promise<number[]> {
  const rows = await tx.$queryRaw<Array<{ id: number; role: string }>>`
    SELECT u."id", m."role" FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
    WHERE m."projectId" = ${projectId} AND u."disabledAt" IS NULL`;
  return rows.filter((row) => isProjectRole(row.role) && roleAtLeast(row.role, minimum)).map((row) => row.id);
}
