import { Prisma, getDb } from "../db.server";
import { AppError } from "../lib/app-error";
import { type ProjectRole, isProjectRole } from "../lib/roles";
import { appendAuditEvent } from "./audit.server";
import { writeProject } from "./unit-of-work.server";
import type { Actor } from "./user.server";

const unknownUser = (username: string) => new AppError("invalid_input", `No user named "${username}"`, { field: "username" });

export interface ProjectAccess {
  project: {
    id: number;
    slug: string;
    name: string;
    description: string;
    archivedAt: Date | null;
    claimThreshold: number | null;
    requireSourceForVerdict: boolean;
    publisherName: string | null;
    publisherUrl: string | null;
    secondReview: boolean;
    timeZone: string;
  };
  role: ProjectRole;
}

/**
 * The project and the user's role in it, or null when the user may not see it. Global
 * admins act as owners of every project. Membership is part of the query, so a
 * project the user cannot see is indistinguishable from one that does not exist.
 */
export async function findProjectAccess(slug: string, user: { id: number; isAdmin: boolean }): Promise<ProjectAccess | null> {
  // Every project page asks this first; one plain statement costs a quarter of the
  // two that the query builder would make for the project and the membership.
  const rows = await getDb().$queryRaw<Array<ProjectAccess["project"] & { memberRole: string | null }>>`
    SELECT p."id", p."slug", p."name", p."description", p."archivedAt", p."claimThreshold", p."requireSourceForVerdict",
           p."publisherName", p."publisherUrl", p."secondReview", p."timeZone", m."role" AS "memberRole"
    FROM "Project" p LEFT JOIN "Membership" m ON m."projectId" = p."id" AND m."userId" = ${user.id}
    WHERE p."slug" = ${slug} ${user.isAdmin ? Prisma.empty : Prisma.sql`AND m."userId" IS NOT NULL`}`;
  const row = rows[0];
  if (!row) return null;
  const { memberRole, ...project } = row;
  const role: ProjectRole = user.isAdmin ? "owner" : isProjectRole(memberRole) ? memberRole : "viewer";
  return { project, role };
}

export async function listProjectsForUser(user: { id: number; isAdmin: boolean }, options: { includeArchived?: boolean } = {}) {
  const projects = await getDb().project.findMany({
    where: {
      ...(user.isAdmin ? {} : { memberships: { some: { userId: user.id } } }),
      ...(options.includeArchived ? {} : { archivedAt: null }),
    },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      archivedAt: true,
      createdAt: true,
      memberships: { where: { userId: user.id }, select: { role: true } },
      _count: { select: { memberships: true } },
    },
    orderBy: { name: "asc" },
  });
  return projects.map(({ memberships, _count, ...project }) => ({
    ...project,
    memberCount: _count.memberships,
    role: (user.isAdmin ? "owner" : (memberships[0]?.role ?? "viewer")) as ProjectRole,
  }));
}

// Not through writeProject: the project, and so its audit chain, comes into being inside this transaction.
export async function createProject(input: { slug: string; name: string; description?: string; ownerUsername?: string }, actor: Actor) {
  return getDb().$transaction(async (tx) => {
    if (await tx.project.findUnique({ where: { slug: input.slug }, select: { id: true } }))
      throw new AppError("conflict", `A project with the slug "${input.slug}" already exists`, { field: "slug" });
    let owner: { id: number; username: string } | null = null;
    if (input.ownerUsername) {
      owner = await tx.user.findUnique({ where: { username: input.ownerUsername }, select: { id: true, username: true } });
      if (!owner) throw unknownUser(input.ownerUsername);
    }
    const project = await tx.project.create({
      data: { slug: input.slug, name: input.name, description: input.description ?? "" },
    });
    await appendAuditEvent(tx, {
      projectId: project.id,
      actorId: actor.id,
      actorName: actor.name,
      ip: actor.ip,
      action: "project.created",
      targetType: "project",
      targetId: project.id,
      details: { slug: project.slug, name: project.name },
    });
    if (owner) {
      await tx.membership.create({ data: { projectId: project.id, userId: owner.id, role: "owner" } });
      await appendAuditEvent(tx, {
        projectId: project.id,
        actorId: actor.id,
        actorName: actor.name,
        ip: actor.ip,
        action: "membership.added",
        targetType: "user",
        targetId: owner.id,
        details: { username: owner.username, role: "owner" },
      });
    }
    return project;
  });
}

export function listMembers(projectId: number) {
  return getDb().membership.findMany({
    where: { projectId },
    select: { role: true, createdAt: true, user: { select: { id: true, username: true, displayName: true, disabledAt: true } } },
    orderBy: { user: { username: "asc" } },
  });
}

/**
 * Adds a member or changes their role. Refuses to demote the last owner, so a
 * project can always be managed by someone.
 */
export async function setMemberRole(options: { projectId: number; username: string; role: ProjectRole; actor: Actor }) {
  const { projectId, username, role, actor } = options;
  return writeProject({ projectId, actor }, async ({ tx, audit }) => {
    const user = await tx.user.findUnique({ where: { username }, select: { id: true, username: true } });
    if (!user) throw unknownUser(username);
    const existing = await tx.membership.findUnique({ where: { projectId_userId: { projectId, userId: user.id } } });
    if (existing?.role === role) return { changed: false };
    if (existing?.role === "owner" && role !== "owner") await assertAnotherOwner(tx, projectId, user.id);
    await tx.membership.upsert({
      where: { projectId_userId: { projectId, userId: user.id } },
      create: { projectId, userId: user.id, role },
      update: { role },
    });
    await audit({
      action: existing ? "membership.role_changed" : "membership.added",
      targetType: "user",
      targetId: user.id,
      details: { username: user.username, role, previousRole: existing?.role ?? null },
    });
    return { changed: true };
  });
}

export async function removeMember(options: { projectId: number; userId: number; actor: Actor }) {
  const { projectId, userId, actor } = options;
  return writeProject({ projectId, actor }, async ({ tx, audit }) => {
    const existing = await tx.membership.findUnique({
      where: { projectId_userId: { projectId, userId } },
      include: { user: { select: { username: true } } },
    });
    if (!existing) return { removed: false };
    if (existing.role === "owner") await assertAnotherOwner(tx, projectId, userId);
    await tx.membership.delete({ where: { projectId_userId: { projectId, userId } } });
    await audit({
      action: "membership.removed",
      targetType: "user",
      targetId: userId,
      details: { username: existing.user.username, previousRole: existing.role },
    });
    return { removed: true };
  });
}

type TxClient = Parameters<Parameters<ReturnType<typeof getDb>["$transaction"]>[0]>[0];
async function assertAnotherOwner(tx: TxClient, projectId: number, userId: number) {
  const others = await tx.membership.count({ where: { projectId, role: "owner", userId: { not: userId } } });
  if (others === 0) throw new AppError("conflict", "A project must keep at least one owner");
}

export async function renameProject(options: { projectId: number; name: string; actor: Actor }) {
  const { projectId, name, actor } = options;
  return writeProject({ projectId, actor }, async ({ tx, audit }) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: projectId } });
    const project = await tx.project.update({ where: { id: projectId }, data: { name } });
    await audit({
      action: "project.renamed",
      targetType: "project",
      targetId: projectId,
      details: { from: before.name, to: name },
    });
    return project;
  });
}

export interface ProjectSettings {
  claimThreshold?: number | null;
  requireSourceForVerdict?: boolean;
  publisherName?: string | null;
  publisherUrl?: string | null;
  secondReview?: boolean;
  timeZone?: string;
}

/** Changes project settings and records each changed value, before and after, in the audit trail. */
export async function updateProjectSettings(options: { projectId: number; change: ProjectSettings; actor: Actor }) {
  const { projectId, change, actor } = options;
  return writeProject({ projectId, actor }, async ({ tx, audit }) => {
    const before = await tx.project.findUniqueOrThrow({ where: { id: projectId } });
    const project = await tx.project.update({ where: { id: projectId }, data: change });
    const changed = Object.fromEntries(
      (Object.keys(change) as Array<keyof ProjectSettings>)
        .filter((key) => before[key] !== project[key])
        .map((key) => [key, { from: before[key], to: project[key] }]),
    );
    if (Object.keys(changed).length > 0) {
      await audit({
        action: "project.settings_changed",
        targetType: "project",
        targetId: projectId,
        details: changed,
      });
    }
    return project;
  });
}

export async function setProjectArchived(options: { projectId: number; archived: boolean; actor: Actor }) {
  const { projectId, archived, actor } = options;
  return writeProject({ projectId, actor }, async ({ tx, audit }) => {
    const project = await tx.project.update({ where: { id: projectId }, data: { archivedAt: archived ? new Date() : null } });
    await audit({
      action: archived ? "project.archived" : "project.unarchived",
      targetType: "project",
      targetId: projectId,
    });
    return project;
  });
}

export function findProjectBySlug(slug: string) {
  return getDb().project.findUnique({ where: { slug } });
}
