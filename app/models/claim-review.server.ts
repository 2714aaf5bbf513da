import { type Prisma, databaseProvider, getDb } from "../db.server";
import type { ClaimStatus } from "../lib/claim-status";
import type { ClaimQuery } from "../lib/claim-query";
import { roleAtLeast, isProjectRole } from "../lib/roles";
import { appendAuditEvents } from "./audit.server";
import { ClaimInputError, StaleClaimError, parseReasons } from "./claim.server";
import { claimsGeneration, publishProjectEvent } from "./events.server";
import type { Actor } from "./user.server";

export const UNDO_WINDOW_MS = 30_000;
const CHUNK = 500;

/** The WHERE clause of a table query, scoped to the project; "me" needs the viewer's id. */
export function claimWhere(projectId: number, query: ClaimQuery, viewerId: number): Prisma.ClaimWhereInput {
  const where: Prisma.ClaimWhereInput = { projectId, dismissed: query.dismissed === "1" ? undefined : false };
  if (query.status.length > 0) where.status = { in: query.status };
  if (query.document) where.documentId = query.document;
  if (query.assignee === "me") where.assigneeId = viewerId;
  else if (query.assignee === "none") where.assigneeId = null;
  else if (typeof query.assignee === "number") where.assigneeId = query.assignee;
  if (query.sources === "yes") where.sourceCount = { gt: 0 };
  else if (query.sources === "no") where.sourceCount = 0;
  if (query.min !== undefined || query.max !== undefined) where.checkworthiness = { gte: query.min ?? 0, lte: query.max ?? 1 };
  if (query.q) {
    // SQLite's LIKE is case-insensitive for ASCII already; PostgreSQL needs ILIKE.
    const contains = databaseProvider() === "postgresql" ? { contains: query.q, mode: "insensitive" as const } : { contains: query.q };
    where.OR = [{ text: contains }, { speaker: contains }];
  }
  return where;
}

function claimOrder(query: ClaimQuery): Prisma.ClaimOrderByWithRelationInput[] {
  const dir = query.dir;
  switch (query.sort) {
    case "checkworthiness":
      return [{ checkworthiness: dir }, { id: "asc" }];
    case "status":
      return [{ status: dir }, { id: "asc" }];
    case "lastChanged":
      return [{ lastChangedAt: dir }, { id: "asc" }];
    case "assignee":
      return [{ assigneeId: dir }, { id: "asc" }];
    case "sources":
      return [{ sourceCount: dir }, { id: "asc" }];
    default:
      return [{ documentId: dir }, { start: dir }, { id: "asc" }];
  }
}

// Counts by status for the filters other than status, valid while the project's claims are
// unchanged. Writes from another process on SQLite (the CLI) send no event here, so entries
// also expire after a few seconds.
const countCache = new Map<string, { generation: number; expires: number; counts: Record<ClaimStatus, number> }>();
const COUNT_CACHE_LIMIT = 500;
const COUNT_CACHE_TTL_MS = 5_000;

async function countsByStatus(projectId: number, where: Prisma.ClaimWhereInput): Promise<Record<ClaimStatus, number>> {
  const key = `${projectId}:${JSON.stringify(where)}`;
  const generation = await claimsGeneration(projectId);
  const cached = countCache.get(key);
  if (cached && cached.generation === generation && cached.expires > Date.now()) return cached.counts;
  const rows = await getDb().claim.groupBy({ by: ["status"], where, _count: { _all: true } });
  const counts: Record<ClaimStatus, number> = { unverified: 0, confirmed: 0, disputed: 0 };
  for (const row of rows) if (row.status in counts) counts[row.status as ClaimStatus] = row._count._all;
  if (countCache.size >= COUNT_CACHE_LIMIT) countCache.clear();
  countCache.set(key, { generation, expires: Date.now() + COUNT_CACHE_TTL_MS, counts });
  return counts;
}

export async function searchClaims(projectId: number, query: ClaimQuery, viewerId: number) {
  const db = getDb();
  const where = claimWhere(projectId, query, viewerId);
  const { status: _status, ...withoutStatus } = where;
  // When status is the only filter, the total is the sum of the per-status counts: one query fewer.
  const onlyStatusFiltered = Object.keys(withoutStatus).every((key) => key === "projectId" || key === "dismissed");
  const [rows, exactTotal, counts] = await Promise.all([
    db.claim.findMany({
      where,
      orderBy: claimOrder(query),
      skip: (query.page - 1) * query.size,
      take: query.size,
      select: {
        id: true,
        text: true,
        speaker: true,
        status: true,
        rationale: true,
        checkworthiness: true,
        sourceCount: true,
        version: true,
        dismissed: true,
        lastChangedAt: true,
        document: { select: { id: true, title: true } },
        assignee: { select: { id: true, displayName: true } },
        lastChangedBy: { select: { displayName: true } },
      },
    }),
    onlyStatusFiltered ? Promise.resolve(null) : db.claim.count({ where }),
    // Counts above the table ignore the status filter, so every status shows its number.
    countsByStatus(projectId, withoutStatus),
  ]);
  const selected = query.status.length > 0 ? query.status : (Object.keys(counts) as ClaimStatus[]);
  const total = exactTotal ?? selected.reduce((sum, status) => sum + counts[status], 0);
  return { rows, total, counts };
}

async function assertAssignable(projectId: number, assigneeId: number) {
  const member = await getDb().membership.findUnique({ where: { projectId_userId: { projectId, userId: assigneeId } }, include: { user: { select: { disabledAt: true } } } });
  if (!member || member.user.disabledAt || !isProjectRole(member.role) || !roleAtLeast(member.role, "reviewer")) {
    throw new ClaimInputError("Claims can be assigned only to active members who can tag (reviewers and above).");
  }
}

async function staleError(claimId: number): Promise<StaleClaimError> {
  const current = await getDb().claim.findUnique({ where: { id: claimId }, include: { lastChangedBy: { select: { displayName: true } } } });
  return new StaleClaimError({
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
  if (input.status !== "unverified" && !rationale) throw new ClaimInputError(`Give a rationale for marking the claim ${input.status}.`);
  const result = await getDb().$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({ where: { id: claimId, projectId }, include: { project: { select: { requireSourceForVerdict: true } } } });
    if (!claim) return null;
    const expected = input.expectedVersion ?? claim.version;
    if (claim.version !== expected) return { stale: true as const };
    if (claim.status === input.status && (claim.rationale ?? null) === rationale) return { claim, changed: false };
    if (input.status !== "unverified" && claim.project.requireSourceForVerdict && claim.sourceCount === 0) {
      throw new ClaimInputError(`Link at least one source before marking the claim ${input.status} (a project setting).`);
    }
    // The version condition makes concurrent writers race on the row: exactly one wins.
    const updated = await tx.claim.updateMany({
      where: { id: claimId, version: expected },
      data: { status: input.status, rationale, version: { increment: 1 }, lastChangedAt: new Date(), lastChangedById: actor.id },
    });
    if (updated.count === 0) return { stale: true as const };
    await appendAuditEvents(tx, projectId, [
      {
        actorId: actor.id,
        actorName: actor.name,
        ip: actor.ip,
        action: "claim.status_changed",
        targetType: "claim",
        targetId: claimId,
        details: { from: claim.status, to: input.status, rationale, version: expected + 1 },
      },
    ]);
    return { claim: await tx.claim.findUniqueOrThrow({ where: { id: claimId } }), changed: true };
  });
  if (!result) return null;
  if ("stale" in result) throw await staleError(claimId);
  if (result.changed) await publishProjectEvent({ type: "claims-changed", projectId, claimIds: [claimId], actorId: actor.id, summary: `${actor.name} marked claim ${claimId} ${input.status}` });
  return result.claim;
}

export async function assignClaim(projectId: number, claimId: number, assigneeId: number | null, expectedVersion: number | null, actor: Actor) {
  if (assigneeId !== null) await assertAssignable(projectId, assigneeId);
  const result = await getDb().$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({ where: { id: claimId, projectId } });
    if (!claim) return null;
    const expected = expectedVersion ?? claim.version;
    if (claim.version !== expected) return { stale: true as const };
    if (claim.assigneeId === assigneeId) return { claim, changed: false };
    const updated = await tx.claim.updateMany({
      where: { id: claimId, version: expected },
      data: { assigneeId, version: { increment: 1 }, lastChangedAt: new Date(), lastChangedById: actor.id },
    });
    if (updated.count === 0) return { stale: true as const };
    await appendAuditEvents(tx, projectId, [
      { actorId: actor.id, actorName: actor.name, ip: actor.ip, action: "claim.assigned", targetType: "claim", targetId: claimId, details: { from: claim.assigneeId, to: assigneeId, version: expected + 1 } },
    ]);
    return { claim: await tx.claim.findUniqueOrThrow({ where: { id: claimId } }), changed: true };
  });
  if (!result) return null;
  if ("stale" in result) throw await staleError(claimId);
  if (result.changed) await publishProjectEvent({ type: "claims-changed", projectId, claimIds: [claimId], actorId: actor.id, summary: `${actor.name} assigned claim ${claimId}` });
  return result.claim;
}

export type BulkTarget = { ids: number[] } | { query: ClaimQuery; viewerId: number };
export interface BulkChange {
  status?: ClaimStatus;
  rationale?: string | null;
  assigneeId?: number | null;
}

async function resolveTarget(projectId: number, target: BulkTarget, change: BulkChange) {
  const where: Prisma.ClaimWhereInput = "ids" in target ? { projectId, id: { in: target.ids } } : claimWhere(projectId, target.query, target.viewerId);
  const claims = await getDb().claim.findMany({ where, select: { id: true, status: true, rationale: true, assigneeId: true, version: true, sourceCount: true } });
  if (change.status && change.status !== "unverified") {
    const project = await getDb().project.findUniqueOrThrow({ where: { id: projectId }, select: { requireSourceForVerdict: true } });
    const unsourced = project.requireSourceForVerdict ? claims.filter((c) => c.sourceCount === 0).length : 0;
    if (unsourced > 0) throw new ClaimInputError(`${unsourced} of the ${claims.length} claims have no source; link sources first or narrow the selection (a project setting requires a source for ${change.status}).`);
  }
  const changing = claims.filter(
    (c) => (change.status !== undefined && (c.status !== change.status || (change.rationale ?? null) !== (c.rationale ?? null))) || (change.assigneeId !== undefined && c.assigneeId !== change.assigneeId),
  );
  return { matched: claims.length, changing };
}

function validateBulkChange(change: BulkChange) {
  if (change.status === undefined && change.assigneeId === undefined) throw new ClaimInputError("Choose a status or an assignee to set.");
  if (change.status && change.status !== "unverified" && !change.rationale?.trim()) throw new ClaimInputError(`Give a rationale for marking claims ${change.status}.`);
}

/** How many claims a bulk change would touch, without changing anything. */
export async function previewBulkChange(projectId: number, target: BulkTarget, change: BulkChange) {
  validateBulkChange(change);
  if (change.assigneeId) await assertAssignable(projectId, change.assigneeId);
  const { matched, changing } = await resolveTarget(projectId, target, change);
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
  const operation = await getDb().$transaction(
    async (tx) => {
      const { changing } = await resolveTarget(projectId, target, change);
      const created = await tx.bulkOperation.create({ data: { projectId, actorId: actor.id, change: JSON.stringify({ ...change, rationale }) } });
      const now = new Date();
      const data: Prisma.ClaimUncheckedUpdateManyInput = { version: { increment: 1 }, lastChangedAt: now, lastChangedById: actor.id };
      if (change.status !== undefined) Object.assign(data, { status: change.status, rationale });
      if (change.assigneeId !== undefined) Object.assign(data, { assigneeId: change.assigneeId });
      for (let i = 0; i < changing.length; i += CHUNK) {
        const chunk = changing.slice(i, i + CHUNK);
        await tx.claim.updateMany({ where: { projectId, id: { in: chunk.map((c) => c.id) } }, data });
        await tx.bulkOperationItem.createMany({
          data: chunk.map((c) => ({ operationId: created.id, claimId: c.id, previousStatus: c.status, previousRationale: c.rationale, previousAssigneeId: c.assigneeId, versionAfter: c.version + 1 })),
        });
      }
      await appendAuditEvents(
        tx,
        projectId,
        changing.map((c) => ({
          actorId: actor.id,
          actorName: actor.name,
          ip: actor.ip,
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
      return { id: created.id, changed: changing.length, claimIds: changing.map((c) => c.id), createdAt: created.createdAt };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  await publishProjectEvent({ type: "claims-changed", projectId, claimIds: operation.claimIds, actorId: actor.id, summary: `${actor.name} changed ${operation.changed} claims` });
  return { operationId: operation.id, changed: operation.changed, undoUntil: new Date(operation.createdAt.getTime() + UNDO_WINDOW_MS) };
}

export class UndoUnavailableError extends Error {}

/**
 * Restores the values a bulk change replaced, for claims nobody has changed since;
 * the others are left alone and counted. Only the person who made the change can
 * undo it, within the undo window.
 */
export async function undoBulkChange(projectId: number, operationId: number, actor: Actor, now = new Date()) {
  const result = await getDb().$transaction(
    async (tx) => {
      const operation = await tx.bulkOperation.findFirst({ where: { id: operationId, projectId }, include: { items: true } });
      if (!operation) return null;
      if (operation.actorId !== actor.id) throw new UndoUnavailableError("Only the person who made a bulk change can undo it.");
      if (operation.undoneAt) throw new UndoUnavailableError("This change has already been undone.");
      if (now.getTime() - operation.createdAt.getTime() > UNDO_WINDOW_MS) throw new UndoUnavailableError("The 30 seconds to undo this change have passed.");
      const claimed = await tx.bulkOperation.updateMany({ where: { id: operationId, undoneAt: null }, data: { undoneAt: now } });
      if (claimed.count === 0) throw new UndoUnavailableError("This change has already been undone.");
      const restored: number[] = [];
      let skipped = 0;
      const events: Parameters<typeof appendAuditEvents>[2] = [];
      for (const item of operation.items) {
        const updated = await tx.claim.updateMany({
          where: { id: item.claimId, version: item.versionAfter },
          data: { status: item.previousStatus, rationale: item.previousRationale, assigneeId: item.previousAssigneeId, version: { increment: 1 }, lastChangedAt: now, lastChangedById: actor.id },
        });
        if (updated.count === 0) {
          skipped += 1;
          continue;
        }
        restored.push(item.claimId);
        events.push({
          actorId: actor.id,
          actorName: actor.name,
          ip: actor.ip,
          action: "claim.change_undone",
          targetType: "claim",
          targetId: item.claimId,
          details: { bulkOperationId: operationId, restoredStatus: item.previousStatus, restoredAssigneeId: item.previousAssigneeId, version: item.versionAfter + 1 },
        });
      }
      await appendAuditEvents(tx, projectId, events);
      return { restored, skipped };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  if (!result) return null;
  await publishProjectEvent({ type: "claims-changed", projectId, claimIds: result.restored, actorId: actor.id, summary: `${actor.name} undid a bulk change` });
  return { restored: result.restored.length, skipped: result.skipped };
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

/** Members who can be assigned claims. */
export function assignableMembers(projectId: number) {
  return getDb().user.findMany({
    where: { disabledAt: null, memberships: { some: { projectId, role: { in: ["reviewer", "editor", "owner"] } } } },
    select: { id: true, displayName: true, username: true },
    orderBy: { displayName: "asc" },
  });
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
  const row = await getDb().userPreference.findUnique({ where: { userId_key: { userId, key } } });
  if (!row) return undefined;
  try {
    return JSON.parse(row.value) as unknown;
  } catch {
    return undefined;
  }
}

export async function setPreference(userId: number, key: string, value: unknown) {
  const json = JSON.stringify(value);
  await getDb().userPreference.upsert({ where: { userId_key: { userId, key } }, create: { userId, key, value: json }, update: { value: json } });
}
