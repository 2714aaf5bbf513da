import { type Capability, type ProjectRole, can, isProjectRole } from "../lib/roles";
import { findProjectBySlug } from "../models/project.server";
import { findUserByUsername, type Actor } from "../models/user.server";
import { getDb } from "../db.server";
import { AppError } from "../lib/app-error";

/** The project named on the command line, and who the command acts as (`--as`), checked like a web request would be. */
export async function resolveProjectAndActor(slug: string, asUsername: string | undefined, capability: Capability) {
  const project = await findProjectBySlug(slug);
  if (!project) throw new AppError("not_found", `no project with the slug "${slug}"`);
  // Without --as the command runs as the operator of the installation, who may do anything.
  if (!asUsername) return { project, actor: { id: null, name: "cli" } satisfies Actor, role: "owner" as ProjectRole };
  const user = await findUserByUsername(asUsername);
  if (!user || user.disabledAt) throw new AppError("not_found", `no active user named "${asUsername}"`);
  const membership = await getDb().membership.findUnique({ where: { projectId_userId: { projectId: project.id, userId: user.id } } });
  const role: ProjectRole | null = user.isAdmin ? "owner" : membership && isProjectRole(membership.role) ? membership.role : null;
  if (!role) throw new AppError("forbidden", `${user.username} is not a member of ${project.slug}`);
  if (!can(role, capability)) throw new AppError("forbidden", `${user.username} is ${role} of ${project.slug}, which does not allow this`);
  return { project, actor: { id: user.id, name: user.username } satisfies Actor, role };
}

/** The project of the claim named on the command line, and who acts, checked as above. */
export async function resolveClaimAndActor(claimId: number, asUsername: string | undefined, capability: Capability) {
  const claim = await getDb().claim.findUnique({ where: { id: claimId }, select: { project: { select: { slug: true } } } });
  if (!claim) throw new AppError("not_found", `no claim with id ${claimId}`);
  return resolveProjectAndActor(claim.project.slug, asUsername, capability);
}
