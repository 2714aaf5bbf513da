import { data, Form, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/project.members";
import { actorOf } from "../auth/actor.server";
import { requireProjectCapability } from "../auth/guards.server";
import { Field, FormError, Notice, SelectField } from "../components/forms";
import { ProjectNav } from "../components/project-nav";
import { parseFormData } from "../lib/form";
import { usernameSchema } from "../lib/password-policy";
import { PROJECT_ROLES, ROLE_LABELS } from "../lib/roles";
import { LastOwnerError, UnknownUserError, listMembers, removeMember, setMemberRole } from "../models/project.server";

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
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, notice: null }, { status: 400 });
  const actor = actorOf(auth, context);
  try {
    if (parsed.data.intent === "set-role") {
      const result = await setMemberRole(auth.project.id, parsed.data.username, parsed.data.role, actor);
      const notice = result.changed ? `${parsed.data.username} is now ${ROLE_LABELS[parsed.data.role].toLowerCase()}.` : "Nothing changed.";
      return data({ fieldErrors: {}, notice });
    }
    // Scoped by project in the query: a user id from another project removes nothing.
    const result = await removeMember(auth.project.id, parsed.data.userId, actor);
    if (!result.removed)
      return data({ fieldErrors: { form: "That person is not a member of this project." }, notice: null }, { status: 404 });
    return data({ fieldErrors: {}, notice: "Member removed." });
  } catch (error) {
    if (error instanceof UnknownUserError) return data({ fieldErrors: { username: error.message }, notice: null }, { status: 400 });
    if (error instanceof LastOwnerError) return data({ fieldErrors: { form: error.message }, notice: null }, { status: 409 });
    throw error;
  }
}

export default function Members({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.fieldErrors ?? {};
  const { project, role, members } = loaderData;
  return (
    <section>
      <h1>{project.name}: members</h1>
      <ProjectNav slug={project.slug} role={role} />
      <FormError message={errors.form ?? errors.intent ?? errors.role} />
      <Notice message={actionData?.notice} />
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
