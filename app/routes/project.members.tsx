import { Form, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/project.members";
import { actorOf } from "../auth/actor.server";
import { requireProjectCapability } from "../auth/guards.server";
import { Field, FormError, Notice, SelectField } from "../components/forms";
import { ProjectNav } from "../components/project-nav";
import { actionFailure, actionSuccess, invalidForm, withAppErrors } from "../lib/action-result";
import { AppError } from "../lib/app-error";
import { parseFormData } from "../lib/form";
import { usernameSchema } from "../lib/password-policy";
import { PROJECT_ROLES, ROLE_LABELS } from "../lib/roles";
import { listMembers, removeMember, setMemberRole } from "../models/project.server";

export const meta = () => [{ title: "Members · Claimdesk" }];

const roleField = z.enum(PROJECT_ROLES, { error: "Choose a role" });
const actionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("set-role"), username: usernameSchema, role: roleField }),
    z.object({ intent: z.literal("remove"), userId: z.coerce.number().int().positive() }),
  ],
  { error: "Unknown action" },
);

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role } = await requireProjectCapability(request, params.slug, "manageMembers");
  return { project, role, members: await listMembers(project.id) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const auth = await requireProjectCapability(request, params.slug, "manageMembers");
  const parsed = parseFormData(await request.formData(), actionSchema);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors);
  const actor = actorOf(auth, context);
  const input = parsed.data;
  return withAppErrors(async () => {
    if (input.intent === "set-role") {
      const result = await setMemberRole({ projectId: auth.project.id, username: input.username, role: input.role, actor });
      const notice = result.changed ? `${input.username} is now ${ROLE_LABELS[input.role].toLowerCase()}.` : "Nothing changed.";
      return actionSuccess({ notice });
    }
    // Scoped by project in the query: a user id from another project removes nothing.
    const result = await removeMember({ projectId: auth.project.id, userId: input.userId, actor });
    if (!result.removed) return actionFailure(new AppError("not_found", "That person is not a member of this project."));
    return actionSuccess({ notice: "Member removed." });
  });
}

export default function Members({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const failure = actionData && !actionData.ok ? actionData : null;
  const errors: Record<string, string> = failure?.fieldErrors ?? {};
  const { project, role, members } = loaderData;
  return (
    <section>
      <h1>{project.name}: members</h1>
      <ProjectNav slug={project.slug} role={role} />
      <FormError message={failure && !errors.username ? failure.error : null} />
      <Notice message={actionData?.ok ? actionData.notice : null} />
      <table className="data-table">
        <caption className="visually-hidden">Project members</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Display name</th>
            <th scope="col">Role</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => (
            <tr key={member.user.id}>
              <td>{member.user.username}</td>
              <td>
                {member.user.displayName}
                {member.user.disabledAt ? " (disabled)" : ""}
              </td>
              <td>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="set-role" />
                  <input type="hidden" name="username" value={member.user.username} />
                  <label className="visually-hidden" htmlFor={`role-${member.user.id}`}>
                    Role of {member.user.username}
                  </label>
                  <select id={`role-${member.user.id}`} name="role" defaultValue={member.role}>
                    {PROJECT_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="button small" aria-label={`Save role of ${member.user.username}`}>
                    Save
                  </button>
                </Form>
              </td>
              <td>
                <Form method="post">
                  <input type="hidden" name="userId" value={member.user.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="remove"
                    className="button small danger"
                    aria-label={`Remove ${member.user.username}`}
                  >
                    Remove
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Form method="post" className="card" noValidate>
        <h2>Add a member</h2>
        <input type="hidden" name="intent" value="set-role" />
        <Field label="Username" name="username" autoComplete="off" autoCapitalize="none" required error={errors.username} />
        <SelectField label="Role" name="role" defaultValue="reviewer">
          {PROJECT_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </SelectField>
        <button type="submit" className="button primary">
          Add member
        </button>
      </Form>
    </section>
  );
}
