import { Prisma, getDb } from "../db.server";
import { AppError } from "../lib/app-error";
import { PROJECT_ROLES, can, isProjectRole } from "../lib/roles";
import { staleClaimError } from "./claim-version.server";
import { announce, notifyInTransaction } from "./notifications/notify.server";
import { writeProject } from "./unit-of-work.server";
import type { Actor } from "./user.server";

/** Roles that can be assigned claims: those that can tag them. */
const ASSIGNABLE_ROLES = PROJECT_ROLES.filter((role) => can(role, "tagClaim"));

/** Members who can be assigned claims. Plain SQL: the claims page asks on every request. */
export function assignableMembers(projectId: number): Promise<Array<{ id: number; displayName: string }>> {
  // Display names only: usernames are half of a sign-in, and viewers see this list.
  return getDb().$queryRaw`
    SELECT u."id", u."displayName" FROM "User" u JOIN "Membership" m ON m."userId" = u."id"
    WHERE m."projectId" = ${projectId} AND m."role" IN (${Prisma.join(ASSIGNABLE_ROLES)}) AND u."disabledAt" IS NULL
    ORDER BY u."displayName", u."id"`;
}

/** Refuses an assignee who is not an active member able to tag. */
export async function assertAssignable(projectId: number, assigneeId: number) {
  const member = await getDb().membership.findUnique({
    where: { projectId_userId: { projectId, userId: assigneeId } },
    include: { user: { select: { disabledAt: true } } },
  });
  if (!member || member.user.disabledAt || !isProjectRole(member.role) || !can(member.role, "tagClaim")) {
    throw new AppError("invalid_input", "Claims can be assigned only to active members who can tag (reviewers and above).");
  }
}

export interface AssignClaimOptions {
  projectId: number;
  claimId: number;
  /** null unassigns. */
  assigneeId: number | null;
  expectedVersion: number | null;
  actor: Actor;
}

export async function assignClaim(options: AssignClaimOptions) {
  const { projectId, claimId, assigneeId, actor } = options;
  if (assigneeId !== null) await assertAssignable(projectId, assigneeId);
  return writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged, afterCommit }) => {
    const claim = await tx.claim.findFirst({ where: { id: claimId, projectId } });
    if (!claim) return null;
    const expected = options.expectedVersion ?? claim.version;
    if (claim.version !== expected) throw await staleClaimError(tx, claimId);
    if (claim.assigneeId === assigneeId) return claim;
    const updated = await tx.claim.updateMany({
      where: { id: claimId, version: expected },
      data: { assigneeId, version: { increment: 1 }, lastChangedAt: new Date(), lastChangedById: actor.id },
    });
    if (updated.count === 0) throw await staleClaimError(tx, claimId);
    await audit({
      action: "claim.assigned",
      targetType: "claim",
      targetId: claimId,
      details: { from: claim.assigneeId, to: assigneeId, version: expected + 1 },
    });
    claimsChanged([claimId], `${actor.name} assigned claim ${claimId}`);
    if (assigneeId) {
      const notify = await notifyInTransaction(tx, { projectId, actor, inputs: [{ userId: assigneeId, kind: "assignment", claimId }] });
      afterCommit(() => announce(notify));
    }
    return tx.claim.findUniqueOrThrow({ where: { id: claimId } });
  });
}
