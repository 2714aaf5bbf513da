import { getDb } from "../../app/db.server";
import type { ProjectRole } from "../../app/lib/roles";
import { seedLargeDemo } from "../../app/models/large-demo.server";
import { setMemberRole } from "../../app/models/project.server";
import { makeProjectWithTeam, makeUser } from "./factories";

const SYSTEM = { id: null, name: "test" };

/**
 * A project for editorial review: the usual team (owner, editor, reviewer, viewer,
 * outsider, admin) plus two more reviewers, `count` unverified claims, and second review
 * on unless asked otherwise. Sources are not required, so verdicts can be given at once.
 */
export async function makeReviewTeam(options: { claims?: number; secondReview?: boolean } = {}) {
  const team = await makeProjectWithTeam();
  const second = await makeUser({ prefix: "second" });
  const third = await makeUser({ prefix: "third" });
  await setMemberRole({ projectId: team.project.id, username: second.username, role: "reviewer", actor: SYSTEM });
  await setMemberRole({ projectId: team.project.id, username: third.username, role: "reviewer", actor: SYSTEM });
  await seedLargeDemo({ projectId: team.project.id, count: options.claims ?? 3, actor: SYSTEM });
  await getDb().project.update({
    where: { id: team.project.id },
    data: { requireSourceForVerdict: false, secondReview: options.secondReview ?? true },
  });
  await getDb().claim.updateMany({ where: { projectId: team.project.id }, data: { status: "unverified", rationale: null } });
  const claims = await getDb().claim.findMany({ where: { projectId: team.project.id }, orderBy: { id: "asc" } });
  const people = { ...team.members, second, third };
  type Person = keyof typeof people;
  const roleOf: Record<Person, ProjectRole> = {
    owner: "owner",
    editor: "editor",
    reviewer: "reviewer",
    viewer: "viewer",
    second: "reviewer",
    third: "reviewer",
  };
  const actor = (who: Person) => ({ id: people[who].id, name: people[who].username, ip: "203.0.113.9" });
  const viewer = (who: Person) => ({ userId: people[who].id, role: roleOf[who] });
  return { ...team, people, claims, actor, viewer, roleOf };
}

export type ReviewTeam = Awaited<ReturnType<typeof makeReviewTeam>>;
