import { disconnectDb } from "../../../app/db.server";
import { createProject, setMemberRole } from "../../../app/models/project.server";
import { createUser } from "../../../app/models/user.server";
import { E2E_PASSWORD, E2E_PROJECT, E2E_USERS } from "./accounts";

const actor = { id: null, name: "e2e-seed" };
for (const user of Object.values(E2E_USERS)) {
  await createUser(
    { username: user.username, displayName: user.displayName, password: E2E_PASSWORD, isAdmin: user.admin, mustChangePassword: "mustChangePassword" in user },
    actor,
  );
}
const project = await createProject({ ...E2E_PROJECT, ownerUsername: E2E_USERS.admin.username }, actor);
for (const user of Object.values(E2E_USERS)) {
  if (user.role !== "owner") await setMemberRole(project.id, user.username, user.role, actor);
}
await disconnectDb();
