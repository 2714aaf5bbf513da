import { disconnectDb } from "../../../app/db.server";
import { tagClaim } from "../../../app/models/claim-verdict.server";
import { createProject, setMemberRole } from "../../../app/models/project.server";
import { createUser } from "../../../app/models/user.server";
import { seedLargeDemo } from "../../../app/models/large-demo.server";
import { getDb } from "../../../app/db.server";
import { E2E_FACTS_PROJECT, E2E_PASSWORD, E2E_PROJECT, E2E_REVIEW_PROJECT, E2E_USERS } from "./accounts";

const actor = { id: null, name: "e2e-seed" };
for (const user of Object.values(E2E_USERS)) {
  await createUser(
    {
      username: user.username,
      displayName: user.displayName,
      password: E2E_PASSWORD,
      isAdmin: user.admin,
      mustChangePassword: "mustChangePassword" in user,
    },
    actor,
  );
}
const project = await createProject({ ...E2E_PROJECT, ownerUsername: E2E_USERS.admin.username }, actor);
for (const user of Object.values(E2E_USERS)) {
  if (user.role !== "owner") await setMemberRole({ projectId: project.id, username: user.username, role: user.role, actor });
}
const review = await createProject(
  { slug: E2E_REVIEW_PROJECT.slug, name: E2E_REVIEW_PROJECT.name, ownerUsername: E2E_USERS.admin.username },
  actor,
);
for (const user of Object.values(E2E_USERS)) {
  if (user.role !== "owner") await setMemberRole({ projectId: review.id, username: user.username, role: user.role, actor });
}
await seedLargeDemo({ projectId: review.id, count: E2E_REVIEW_PROJECT.claims, actor: actor });
// The review journeys tag without sources; the evidence journey uses the other project.
await getDb().project.update({ where: { id: review.id }, data: { requireSourceForVerdict: false } });
await getDb().claim.updateMany({ where: { projectId: review.id }, data: { status: "unverified", rationale: null } });
// A few disputed ones for the filter journey.
const firstIds = (await getDb().claim.findMany({ where: { projectId: review.id }, orderBy: { id: "asc" }, take: 28 })).map((c) => c.id);
await getDb().claim.updateMany({
  where: { id: { in: firstIds.slice(25, 28) } },
  data: { status: "disputed", rationale: "Seeded for the filter test" },
});
// One of them disputed through the trail, so that the report credits a person with it.
const reviewer = await getDb().user.findUniqueOrThrow({ where: { username: E2E_USERS.reviewer.username } });
await tagClaim({
  projectId: review.id,
  claimId: firstIds[27]!,
  status: "disputed",
  rationale: "Seeded through the trail for the report test",
  expectedVersion: null,
  actor: { id: reviewer.id, name: reviewer.username },
});
const facts = await createProject({ ...E2E_FACTS_PROJECT, ownerUsername: E2E_USERS.admin.username }, actor);
for (const user of Object.values(E2E_USERS)) {
  if (user.role !== "owner") await setMemberRole({ projectId: facts.id, username: user.username, role: user.role, actor });
}
await getDb().project.update({ where: { id: facts.id }, data: { requireSourceForVerdict: false } });
await disconnectDb();
