import { randomBytes } from "node:crypto";
import { serializeSessionCookie } from "../../app/auth/cookie.server";
import type { ProjectRole } from "../../app/lib/roles";
import { createProject, setMemberRole } from "../../app/models/project.server";
import { createSession } from "../../app/models/session.server";
import { createUser } from "../../app/models/user.server";

export const TEST_PASSWORD = "correct-horse-battery";
const SYSTEM = { id: null, name: "test" };

export function uniqueName(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function makeUser(options: { admin?: boolean; mustChangePassword?: boolean; password?: string; prefix?: string } = {}) {
  const username = uniqueName(options.prefix ?? "user");
  const user = await createUser(
    {
      username,
      displayName: `Test ${username}`,
      password: options.password ?? TEST_PASSWORD,
      isAdmin: options.admin,
      mustChangePassword: options.mustChangePassword,
    },
    SYSTEM,
  );
  return user;
}

/** A project with one member per role, plus an outsider and an admin. */
export async function makeProjectWithTeam() {
  const owner = await makeUser({ prefix: "owner" });
  const project = await createProject({ slug: uniqueName("proj"), name: "Test project", ownerUsername: owner.username }, SYSTEM);
  const members: Record<ProjectRole, Awaited<ReturnType<typeof makeUser>>> = {
    owner,
    editor: await makeUser({ prefix: "editor" }),
    reviewer: await makeUser({ prefix: "reviewer" }),
    viewer: await makeUser({ prefix: "viewer" }),
  };
  for (const role of ["editor", "reviewer", "viewer"] as const) {
    await setMemberRole({ projectId: project.id, username: members[role].username, role, actor: SYSTEM });
  }
  const outsider = await makeUser({ prefix: "outsider" });
  const admin = await makeUser({ prefix: "admin", admin: true });
  return { project, members, outsider, admin };
}

export async function cookieFor(userId: number, url = "http://localhost/"): Promise<string> {
  const { token } = await createSession(userId, { ip: "127.0.0.1", userAgent: "vitest" });
  return serializeSessionCookie(new Request(url), token, 3600).split(";")[0]!;
}
