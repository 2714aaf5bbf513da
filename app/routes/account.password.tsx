import { data, Form, redirect, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/account.password";
import { actorOf } from "../auth/actor.server";
import { serializeSessionCookie } from "../auth/cookie.server";
import { requireUser } from "../auth/guards.server";
import { clientIpOf } from "../auth/request-context";
import { checkCurrentPassword, sessionCookieMaxAgeSeconds } from "../auth/sign-in.server";
import { Field, FormError } from "../components/forms";
import { parseFormData } from "../lib/form";
import { newPasswordSchema } from "../lib/password-policy";
import { createSession } from "../models/session.server";
import { setPassword } from "../models/user.server";
import { paths } from "../lib/paths";

export const meta = () => [{ title: "Change password · Claimdesk" }];

const changeSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, "Enter your current password").max(1024),
    newPassword: newPasswordSchema,
    confirmPassword: z.string({ error: "Repeat the new password" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "The two new passwords differ" })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password different from the current one",
  });

// Passes Retry-After from a throttled password check through to the HTTP response.
export function headers({ actionHeaders }: Route.HeadersArgs) {
  return actionHeaders;
}

export async function loader({ request }: Route.LoaderArgs) {
  const { user } = await requireUser(request, { allowPendingPasswordChange: true });
  return { mustChange: user.mustChangePassword };
}

export async function action({ request, context }: Route.ActionArgs) {
  const auth = await requireUser(request, { allowPendingPasswordChange: true });
  const parsed = parseFormData(await request.formData(), changeSchema);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  const check = await checkCurrentPassword({
    userId: auth.user.id,
    username: auth.user.username,
    password: parsed.data.currentPassword,
    ip: clientIpOf(context),
  });
  if (!check.ok) {
    const headers: HeadersInit = check.retryAfterSeconds ? { "Retry-After": String(check.retryAfterSeconds) } : {};
    return data({ fieldErrors: { currentPassword: check.message } }, { status: check.status, headers });
  }
  // Every session ends with the old password; this one is replaced by a fresh session.
  await setPassword(
    auth.user.id,
    parsed.data.newPassword,
    { mustChangePassword: false, action: "user.password_changed" },
    actorOf(auth, context),
  );
  const session = await createSession(auth.user.id, { ip: clientIpOf(context), userAgent: request.headers.get("User-Agent") });
  throw redirect(paths.projects({ passwordChanged: true }), {
    headers: { "Set-Cookie": serializeSessionCookie(request, session.token, sessionCookieMaxAgeSeconds()) },
  });
}

export default function ChangePassword({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.fieldErrors ?? {};
  return (
    <section className="narrow card">
      <h1>Change password</h1>
      {loaderData.mustChange ? (
        <p className="alert alert-info" role="status">
          Your password was set by an administrator. Choose your own password to continue.
        </p>
      ) : null}
      <FormError message={errors.form} />
      <Form method="post" noValidate>
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={errors.currentPassword}
        />
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint="8 to 256 characters; common passwords are refused."
          error={errors.newPassword}
        />
        <Field
          label="Repeat new password"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          error={errors.confirmPassword}
        />
        <button type="submit" className="button primary">
          Change password
        </button>
      </Form>
      <p className="hint">Changing your password signs you out on every other device.</p>
    </section>
  );
}
