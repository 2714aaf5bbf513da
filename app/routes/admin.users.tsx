import { Form, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/admin.users";
import { actorOf } from "../auth/actor.server";
import { requireAdmin } from "../auth/guards.server";
import { Field, FormError, Notice } from "../components/forms";
import { actionFailure, actionSuccess, invalidForm, withAppErrors } from "../lib/action-result";
import { AppError } from "../lib/app-error";
import { parseFormData } from "../lib/form";
import { displayNameSchema, newPasswordSchema, usernameSchema } from "../lib/password-policy";
import { generateTemporaryPassword } from "../lib/random-password";
import { createUser, findUserById, listUsers, setPassword, setUserDisabled } from "../models/user.server";

export const meta = () => [{ title: "Users · Claimdesk" }];

const optionalTemporaryPassword = z
  .string()
  .optional()
  .transform((v) => (v && v.length > 0 ? v : undefined))
  .pipe(newPasswordSchema.optional());

const userIdField = z.coerce.number({ error: "Unknown user" }).int().positive("Unknown user");

const actionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("create"),
      username: usernameSchema,
      displayName: displayNameSchema,
      temporaryPassword: optionalTemporaryPassword,
      isAdmin: z.literal("on").optional(),
    }),
    z.object({ intent: z.literal("disable"), userId: userIdField }),
    z.object({ intent: z.literal("enable"), userId: userIdField }),
    z.object({ intent: z.literal("reset-password"), userId: userIdField, temporaryPassword: optionalTemporaryPassword }),
  ],
  { error: "Unknown action" },
);

export async function loader({ request }: Route.LoaderArgs) {
  const auth = await requireAdmin(request);
  const users = await listUsers();
  return { users, currentUserId: auth.user.id };
}

export async function action({ request, context }: Route.ActionArgs) {
  const auth = await requireAdmin(request);
  const parsed = parseFormData(await request.formData(), actionSchema);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors);
  const input = parsed.data;
  const actor = actorOf(auth, context);

  if (input.intent === "create") {
    const password = input.temporaryPassword ?? generateTemporaryPassword();
    return withAppErrors(async () => {
      const user = await createUser(
        { username: input.username, displayName: input.displayName, password, isAdmin: input.isAdmin === "on", mustChangePassword: true },
        actor,
      );
      return actionSuccess({
        notice: `Created ${user.username}. They must choose a new password at first sign-in.`,
        temporaryPassword: { username: user.username, password },
      });
    });
  }

  const target = await findUserById(input.userId);
  if (!target) return actionFailure(new AppError("not_found", "That user no longer exists."));
  if (input.intent === "disable" || input.intent === "enable") {
    if (target.id === auth.user.id && input.intent === "disable") {
      return actionFailure(new AppError("invalid_input", "You cannot disable your own account."));
    }
    await setUserDisabled(target.id, input.intent === "disable", actor);
    return actionSuccess({
      temporaryPassword: null,
      notice: `${target.username} is now ${input.intent === "disable" ? "disabled and signed out everywhere" : "enabled"}.`,
    });
  }
  const password = input.temporaryPassword ?? generateTemporaryPassword();
  await setPassword(target.id, password, { mustChangePassword: true, action: "user.password_reset" }, actor);
  return actionSuccess({
    notice: `Password of ${target.username} reset; their sessions have ended.`,
    temporaryPassword: { username: target.username, password },
  });
}

export default function AdminUsers({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const failure = actionData && !actionData.ok ? actionData : null;
  const errors: Record<string, string> = failure?.fieldErrors ?? {};
  return (
    <section>
      <h1>Users</h1>
      <FormError message={failure && !errors.username && !errors.displayName && !errors.temporaryPassword ? failure.error : null} />
      <Notice message={actionData?.ok ? actionData.notice : null} />
      {actionData?.ok && actionData.temporaryPassword ? (
        <div className="alert alert-info" role="status">
          Temporary password for <strong>{actionData.temporaryPassword.username}</strong>:{" "}
          <code className="secret">{actionData.temporaryPassword.password}</code>. It is shown only now; pass it on privately.
        </div>
      ) : null}
      <table className="data-table">
        <caption className="visually-hidden">All user accounts</caption>
        <thead>
          <tr>
            <th scope="col">Username</th>
            <th scope="col">Display name</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {loaderData.users.map((user) => (
            <tr key={user.id}>
              <td>{user.username}</td>
              <td>{user.displayName}</td>
              <td>{user.isAdmin ? "Administrator" : "Member"}</td>
              <td>{user.disabledAt ? "Disabled" : user.mustChangePassword ? "Must change password" : "Active"}</td>
              <td className="row-actions">
                <Form method="post">
                  <input type="hidden" name="userId" value={user.id} />
                  {user.disabledAt ? (
                    <button type="submit" name="intent" value="enable" className="button small" aria-label={`Enable ${user.username}`}>
                      Enable
                    </button>
                  ) : user.id !== loaderData.currentUserId ? (
                    <button type="submit" name="intent" value="disable" className="button small" aria-label={`Disable ${user.username}`}>
                      Disable
                    </button>
                  ) : null}
                  <button
                    type="submit"
                    name="intent"
                    value="reset-password"
                    className="button small"
                    aria-label={`Reset password of ${user.username}`}
                  >
                    Reset password
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <Form method="post" className="card" noValidate>
        <h2>Create a user</h2>
        <Field label="Username" name="username" autoComplete="off" autoCapitalize="none" required error={errors.username} />
        <Field label="Display name" name="displayName" autoComplete="off" required error={errors.displayName} />
        <Field
          label="Temporary password"
          name="temporaryPassword"
          type="text"
          autoComplete="off"
          hint="Leave empty to generate one. The user must change it at first sign-in."
          error={errors.temporaryPassword}
        />
        <div className="field checkbox">
          <input id="new-user-admin" type="checkbox" name="isAdmin" />
          <label htmlFor="new-user-admin">Administrator</label>
        </div>
        <button type="submit" name="intent" value="create" className="button primary">
          Create user
        </button>
      </Form>
    </section>
  );
}
