import { Prisma, type Tx, getDb } from "../db.server";
import type { ClaimStatus } from "../lib/claim-status";
import type { ClaimQuery } from "../lib/claim-query";
import { PROJECT_ROLES, can, isProjectRole } from "../lib/roles";
import { AppError, staleVersionError } from "../lib/app-error";
import { parseReasons } from "./claim.server";
import { claimConditions, claimOrder, countClaimsByStatus } from "./claim-filter.server";
import { claimsGeneration, publishProjectEvent } from "./events.server";
import { writeProject } from "./unit-of-work.server";
import type { Actor } from "./user.server";

export const UNDO_WINDOW_MS = 30_000;
const CHUNK = 500;

// Counts by status for the filters other than status, valid while the project's claims are
// unchanged. Writes from another process on SQLite (the CLI) send no event here, so entries
// also expire after a few seconds.
const countCache = new Map<string, { generation: number; expires: number; counts: Record<ClaimStatus, number> }>();
const COUNT_CACHE_LIMIT = 500;
const COUNT_CACHE_TTL_MS = 5_000;

async function countsByStatus(projectId: number, query: ClaimQuery, viewerId: number): Promise<Record<ClaimStatus, number>> {
  const conditions = claimConditions(projectId, query, viewerId, { ignoreStatus: true });
  const key = `${projectId}:${conditions.sql}:${JSON.stringify(conditions.values)}`;
  const generation = await claimsGeneration(projectId);
  const cached = countCache.get(key);
  if (cached && cached.generation === generation && cached.expires > Date.now()) return cached.counts;
  const counts = await countClaimsByStatus(conditions);
  if (countCache.size >= COUNT_CACHE_LIMIT) countCache.clear();
  countCache.set(key, { generation, expires: Date.now() + COUNT_CACHE_TTL_MS, counts });
  return counts;
}

interface ClaimTableRow {
  id: number;
  text: string;
  speaker: string | null;
  status: string;
  rationale: string | null;
  checkworthiness: number;
  sourceCount: number;
  version: number;
  dismissed: boolean;
  lastChangedAt: Date;
  documentId: number;
  documentTitle: string;
  assigneeId: number | null;
  assigneeName: string | null;
  lastChangedByName: string | null;
}

/** One page of the claims table with its total and the counts by status, in one SQL query for the rows. */
export async function searchClaims(projectId: number, query: ClaimQuery, viewerId: number) {
  const conditions = claimConditions(projectId, query, viewerId);
  // When status is the only filter, the total is the sum of the per-status counts: one query fewer.
  const onlyStatusFiltered =
    query.document === undefined &&
    query.assignee === undefined &&
    query.sources === undefined &&
    query.min === undefined &&
    query.max === undefined &&
    query.q === undefined;
  const [rows, exactTotal, counts] = await Promise.all([
    getDb().$queryRaw<ClaimTableRow[]>`
      SELECT c."id", c."text", c."speaker", c."status", c."rationale", c."checkworthiness", c."sourceCount", c."version", c."dismissed", c."lastChangedAt",
             d."id" AS "documentId", d."title" AS "documentTitle", a."id" AS "assigneeId", a."displayName" AS "assigneeName", l."displayName" AS "lastChangedByName"
      FROM "Claim" c
      JOIN "Document" d ON d."id" = c."documentId"
      LEFT JOIN "User" a ON a."id" = c."assigneeId"
      LEFT JOIN "User" l ON l."id" = c."lastChangedById"
      WHERE ${conditions}
      ORDER BY ${claimOrder(query)}
      LIMIT ${query.size} OFFSET ${(query.page - 1) * query.size}`,
    onlyStatusFiltered
      ? Promise.resolve(null)
      : getDb().$queryRaw<Array<{ total: bigint | number }>>`SELECT COUNT(*) AS "total" FROM "Claim" c WHERE ${conditions}`,
    // Counts above the table ignore the status filter, so every status shows its number.
    countsByStatus(projectId, query, viewerId),
  ]);
  const selected = query.status.length > 0 ? query.status : (Object.keys(counts) as ClaimStatus[]);
  const total = exactTotal ? Number(exactTotal[0]?.total ?? 0) : selected.reduce((sum, status) => sum + counts[status], 0);
  return {
    // Plain SQL rows carry the columns' own types (numbers, booleans, dates) on both
    // databases; only aggregates such as COUNT come back as bigint.
    rows: rows.map(({ documentId, documentTitle, assigneeId, assigneeName, lastChangedByName, ...claim }) => ({
      ...claim,
      document: { id: documentId, title: documentTitle },
      assignee: assigneeId === null ? null : { id: assigneeId, displayName: assigneeName ?? "" },
      lastChangedBy: lastChangedByName === null ? null : { displayName: lastChangedByName },
    })),
    total,
    counts,
  };
}

async function assertAssignable(projectId: number, assigneeId: number) {
  const member = await getDb().membership.findUnique({
    where: { projectId_userId: { projectId, userId: assigneeId } },
    include: { user: { select: { disabledAt: true } } },
  });
  if (!member || member.user.disabledAt || !isProjectRole(member.role) || !can(member.role, "tagClaim")) {
    throw new AppError("invalid_input", "Claims can be assigned only to active members who can tag (reviewers and above).");
  }
}

async function staleError(tx: Tx, claimId: number): Promise<AppError> {
  const current = await tx.claim.findUnique({ where: { id: claimId }, include: { lastChangedBy: { select: { displayName: true } } } });
  return staleVersionError({
    version: current?.version ?? 0,
    status: current?.status,
    rationale: current?.rationale ?? null,
    changedBy: current?.lastChangedBy?.displayName ?? null,
    changedAt: current?.lastChangedAt ?? null,
  });
}

export interface TagInput {
  status: ClaimStatus;
  rationale: string | null;
  expectedVersion: number | null;
}

/**
 * Sets a claim's status. Moving away from unverified needs a rationale. The update
 * only applies to the version the reviewer saw (`expectedVersion`): a stale write
 * is refused with the other person's change, never overwrites it. The audit event
 * is written in the same transaction.
 */
export async function tagClaim(projectId: number, claimId: number, input: TagInput, actor: Actor) {
  const rationale = input.rationale?.trim() || null;
  if (input.status !== "unverified" && !rationale)
    throw new AppError("invalid_input", `Give a rationale for marking the claim ${input.status}.`);
  return writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }) => {
    const claim = await tx.claim.findFirst({
      where: { id: claimId, projectId },
      include: { project: { select: { requireSourceForVerdict: true } } },
    });
    if (!claim) return null;
    const expected = input.expectedVersion ?? claim.version;
    if (claim.version !== expected) throw await staleError(tx, claimId);
    if (claim.status === input.status && (claim.rationale ?? null) === rationale) return claim;
    if (input.status !== "unverified" && claim.project.requireSourceForVerdict && claim.sourceCount === 0) {
      throw new AppError("invalid_input", `Link at least one source before marking the claim ${input.status} (a project setting).`);
    }
    // The version condition makes concurrent writers race on the row: exactly one wins.
    const updated = await tx.claim.updateMany({
      where: { id: claimId, version: expected },
      data: { status: input.status, rationale, version: { increment: 1 }, lastChangedAt: new Date(), lastChangedById: actor.id },
    });
    if (updated.count === 0) throw await staleError(tx, claimId);
    audit({
      action: "claim.status_changed",
      targetType: "claim",
      targetId: claimId,
      details: { from: claim.status, to: input.status, rationale, version: expected + 1 },
    });
    claimsChanged([claimId], `${actor.name} marked claim ${claimId} ${input.status}`);
    return tx.claim.findUniqueOrThrow({ where: { id: claimId } });
  });
}

export async function assignClaim(
  projectId: number,
  claimId: number,
  assigneeId: number | null,
  expectedVersion: number | null,
  actor: Actor,
) {
  if (assigneeId !== null) await assertAssignable(projectId, assigneeId);
  return writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }) => {
    const claim = await tx.claim.findFirst({ where: { id: claimId, projectId } });
    if (!claim) return null;
    const expected = expectedVersion ?? claim.version;
    if (claim.version !== expected) throw await staleError(tx, claimId);
    if (claim.assigneeId === assigneeId) return claim;
    const updated = await tx.claim.updateMany({
      where: { id: claimId, version: expected },
      data: { assigneeId, version: { increment: 1 }, lastChangedAt: new Date(), lastChangedById: actor.id },
    });
    if (updated.count === 0) throw await staleError(tx, claimId);
    audit({
      action: "claim.assigned",
      targetType: "claim",
      targetId: claimId,
      details: { from: claim.assigneeId, to: assigneeId, version: expected + 1 },
    });
    claimsChanged([claimId], `${actor.name} assigned claim ${claimId}`);
    return tx.claim.findUniqueOrThrow({ where: { id: claimId } });
  });
}

export type BulkTarget = { ids: number[] } | { query: ClaimQuery; viewerId: number };
export interface BulkChange {
  status?: ClaimStatus;
  rationale?: string | null;
  assigneeId?: number | null;
}

type Reader = Pick<Tx, "$queryRaw" | "project">;

async function resolveTarget(db: Reader, projectId: number, target: BulkTarget, change: BulkChange) {
  if ("ids" in target && target.ids.length === 0) return { matched: 0, changing: [] };
  const conditions =
    "ids" in target
      ? Prisma.sql`c."projectId" = ${projectId} AND c."id" IN (${Prisma.join(target.ids)})`
      : claimConditions(projectId, target.query, target.viewerId);
  const claims = await db.$queryRaw<
    Array<{ id: number; status: string; rationale: string | null; assigneeId: number | null; version: number; sourceCount: number }>
  >`
    SELECT c."id", c."status", c."rationale", c."assigneeId", c."version", c."sourceCount" FROM "Claim" c WHERE ${conditions} ORDER BY c."id"`;
  if (change.status && change.status !== "unverified") {
    const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { requireSourceForVerdict: true } });
    const unsourced = project.requireSourceForVerdict ? claims.filter((c) => c.sourceCount === 0).length : 0;
    if (unsourced > 0)
      throw new AppError(
        "invalid_input",
        `${unsourced} of the ${claims.length} claims have no source; link sources first or narrow the selection (a project setting requires a source for ${change.status}).`,
      );
  }
  const changing = claims.filter(
    (c) =>
      (change.status !== undefined && (c.status !== change.status || (change.rationale ?? null) !== (c.rationale ?? null))) ||
      (change.assigneeId !== undefined && c.assigneeId !== change.assigneeId),
  );
  return { matched: claims.length, changing };
}

function validateBulkChange(change: BulkChange) {
  if (change.status === undefined && change.assigneeId === undefined)
    throw new AppError("invalid_input", "Choose a status or an assignee to set.");
  if (change.status && change.status !== "unverified" && !change.rationale?.trim())
    throw new AppError("invalid_input", `Give a rationale for marking claims ${change.status}.`);
}

/** How many claims a bulk change would touch, without changing anything. */
export async function previewBulkChange(projectId: number, target: BulkTarget, change: BulkChange) {
  validateBulkChange(change);
  if (change.assigneeId) await assertAssignable(projectId, change.assigneeId);
  const { matched, changing } = await resolveTarget(getDb(), projectId, target, change);
  return { matched, willChange: changing.length };
}

/**
 * Applies a status and/or assignee to many claims in one transaction, recording
 * each claim's previous values so the change can be undone for UNDO_WINDOW_MS.
 * Each changed claim gets its own audit event.
 */
export async function applyBulkChange(projectId: number, target: BulkTarget, change: BulkChange, actor: Actor) {
  validateBulkChange(change);
  if (change.assigneeId) await assertAssignable(projectId, change.assigneeId);
  const rationale = change.rationale?.trim() || null;
  const operation = await writeProject({ projectId, actor, large: true }, async ({ tx, audit, claimsChanged }) => {
    const { changing } = await resolveTarget(tx, projectId, target, change);
    const created = await tx.bulkOperation.create({
      data: { projectId, actorId: actor.id, change: JSON.stringify({ ...change, rationale }) },
    });
    const now = new Date();
    const data: Prisma.ClaimUncheckedUpdateManyInput = { version: { increment: 1 }, lastChangedAt: now, lastChangedById: actor.id };
    if (change.status !== undefined) Object.assign(data, { status: change.status, rationale });
    if (change.assigneeId !== undefined) Object.assign(data, { assigneeId: change.assigneeId });
    // Each claim changes only from the version read above: one changed by someone in the
    // meantime fails the whole change instead of being overwritten.
    const byVersion = new Map<number, typeof changing>();
    for (const claim of changing) byVersion.set(claim.version, [...(byVersion.get(claim.version) ?? []), claim]);
    for (const [version, claims] of byVersion) {
      for (let i = 0; i < claims.length; i += CHUNK) {
        const ids = claims.slice(i, i + CHUNK).map((c) => c.id);
        const updated = await tx.claim.updateMany({ where: { projectId, id: { in: ids }, version }, data });
        if (updated.count !== ids.length)
          throw new AppError(
            "conflict",
            `${ids.length - updated.count} of these claims were changed by someone else meanwhile; nothing was applied. Preview the change again.`,
          );
      }
    }
    for (let i = 0; i < changing.length; i += CHUNK) {
      const chunk = changing.slice(i, i + CHUNK);
      await tx.bulkOperationItem.createMany({
        data: chunk.map((c) => ({
          operationId: created.id,
          claimId: c.id,
          previousStatus: c.status,
          previousRationale: c.rationale,
          previousAssigneeId: c.assigneeId,
          versionAfter: c.version + 1,
        })),
      });
    }
    audit(
      ...changing.map((c) => ({
        action: change.status !== undefined ? "claim.status_changed" : "claim.assigned",
        targetType: "claim",
        targetId: c.id,
        details: {
          bulkOperationId: created.id,
          ...(change.status !== undefined ? { from: c.status, to: change.status, rationale } : {}),
          ...(change.assigneeId !== undefined ? { assigneeFrom: c.assigneeId, assigneeTo: change.assigneeId } : {}),
          version: c.version + 1,
        },
      })),
    );
    claimsChanged(
      changing.map((c) => c.id),
      `${actor.name} changed ${changing.length} claims`,
    );
    return { id: created.id, changed: changing.length, createdAt: created.createdAt };
  });
  return { operationId: operation.id, changed: operation.changed, undoUntil: new Date(operation.createdAt.getTime() + UNDO_WINDOW_MS) };
}

/**
 * Restores the values a bulk change replaced, for claims nobody has changed since;
 * the others are left alone and counted. Only the person who made the change can
 * undo it, within the undo window.
 */
export async function undoBulkChange(projectId: number, operationId: number, actor: Actor, now = new Date()) {
  const result = await writeProject({ projectId, actor, large: true }, async ({ tx, audit, claimsChanged }) => {
    const operation = await tx.bulkOperation.findFirst({ where: { id: operationId, projectId }, include: { items: true } });
    if (!operation) return null;
    if (operation.actorId !== actor.id) throw new AppError("conflict", "Only the person who made a bulk change can undo it.");
    if (operation.undoneAt) throw new AppError("conflict", "This change has already been undone.");
    if (now.getTime() - operation.createdAt.getTime() > UNDO_WINDOW_MS)
      throw new AppError("conflict", "The 30 seconds to undo this change have passed.");
    const claimed = await tx.bulkOperation.updateMany({ where: { id: operationId, undoneAt: null }, data: { undoneAt: now } });
    if (claimed.count === 0) throw new AppError("conflict", "This change has already been undone.");
    const restored: number[] = [];
    let skipped = 0;
    for (const item of operation.items) {
      const updated = await tx.claim.updateMany({
        where: { id: item.claimId, version: item.versionAfter },
        data: {
          status: item.previousStatus,
          rationale: item.previousRationale,
          assigneeId: item.previousAssigneeId,
          version: { increment: 1 },
          lastChangedAt: now,
          lastChangedById: actor.id,
        },
      });
      if (updated.count === 0) {
        skipped += 1;
        continue;
      }
      restored.push(item.claimId);
      audit({
        action: "claim.change_undone",
        targetType: "claim",
        targetId: item.claimId,
        details: {
          bulkOperationId: operationId,
          restoredStatus: item.previousStatus,
          restoredAssigneeId: item.previousAssigneeId,
          version: item.versionAfter + 1,
        },
      });
    }
    claimsChanged(restored, `${actor.name} undid a bulk change`);
    return { restored: restored.length, skipped };
  });
  return result;
}

/** Every event about one claim, oldest first: status changes, assignments, edits, sources. */
export async function claimHistory(projectId: number, claimId: number) {
  return getDb().auditEvent.findMany({
    where: { projectId, targetType: "claim", targetId: String(claimId) },
    orderBy: { seq: "asc" },
    select: { id: true, action: true, actorName: true, createdAt: true, details: true },
  });
}

export async function claimForReview(projectId: number, claimId: number) {
  const claim = await getDb().claim.findFirst({
    where: { id: claimId, projectId },
    include: {
      document: { select: { id: true, title: true, url: true, outlet: true } },
      assignee: { select: { id: true, displayName: true } },
      lastChangedBy: { select: { displayName: true } },
      createdBy: { select: { displayName: true } },
    },
  });
  return claim ? { ...claim, reasons: parseReasons(claim.reasons) } : null;
}

/** Roles that can be assigned claims: those that can tag them. */
const ASSIGNABLE_ROLES = PROJECT_ROLES.filter((role) => can(role, "tagClaim"));

/** Members who can be assigned claims. Plain SQL: the claims page asks on every request. */
export function assignableMembers(projectId: number): Promise<Array<{ id: number; displayName: string; username: string }>> {
  return getDb().$queryRaw`
    SELECT u."id", u."displayName", u."username" FROM "User" u JOIN "Membership" m ON m."userId" = u."id"
    WHERE m."projectId" = ${projectId} AND m."role" IN (${Prisma.join(ASSIGNABLE_ROLES)}) AND u."disabledAt" IS NULL
    ORDER BY u."displayName", u."id"`;
}

const PRESENCE_TTL_MS = 25_000;

export async function markViewing(claimId: number, userId: number, projectId: number): Promise<boolean> {
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

export async function getPreference(userId: number, key: string): Promise<unknown> {
  const rows = await getDb().$queryRaw<
    Array<{ value: string }>
  >`SELECT "value" FROM "UserPreference" WHERE "userId" = ${userId} AND "key" = ${key}`;
  const row = rows[0];
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

export async function setPreference(userId: number, key: string, value: unknown) {
  const json = JSON.stringify(value);
  await getDb().userPreference.upsert({
    where: { userId_key: { userId, key } },
    create: { userId, key, value: json },
    update: { value: json },
  });
}
