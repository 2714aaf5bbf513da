import { Form, Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/account";
import { actorOf } from "../auth/actor.server";
import { serializeClearedSessionCookie } from "../auth/cookie.server";
import { requireUser } from "../auth/guards.server";
import { recordAuditEvent } from "../models/audit.server";
import { countSessionsOfUser, deleteAllSessionsOfUser } from "../models/session.server";
import { Field } from "../components/forms";
import { paths } from "../lib/paths";
import { actionSuccess, invalidForm } from "../lib/action-result";
import { parseFormData } from "../lib/form";
import { EMAIL_MODES, EMAIL_MODE_LABELS, emailSettingSchema } from "../lib/notifications/kinds";
import { getEmailSetting, setEmailSetting } from "../models/notifications/email-setting.server";

export const meta = () => [{ title: "Your account · Claimdesk" }];

export async function loader({ request }: Route.LoaderArgs) {
  const { user } = await requireUser(request);
  return {
    user: { username: user.username, displayName: user.displayName, isAdmin: user.isAdmin },
    sessions: await countSessionsOfUser(user.id),
    emailSetting: await getEmailSetting(user.id),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const auth = await requireUser(request, { allowPendingPasswordChange: true });
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "email-settings") {
    const parsed = parseFormData(formData, emailSettingSchema);
    if (!parsed.ok) return invalidForm(parsed.fieldErrors);
    if (parsed.data.mode !== "off" && !parsed.data.email) return invalidForm({ email: "Enter the address to send notifications to" });
    const saved = await setEmailSetting({ userId: auth.user.id, setting: parsed.data, actor: actorOf(auth, context) });
    return actionSuccess({ saved });
  }
  if (intent !== "sign-out-everywhere") {
    return Response.json({ message: "Unknown action." }, { status: 400 });
  }
  const ended = await deleteAllSessionsOfUser(auth.user.id);
  const actor = actorOf(auth, context);
  await recordAuditEvent({
    actorId: actor.id,
    actorName: actor.name,
    ip: actor.ip,
    action: "auth.signed_out_everywhere",
    targetType: "user",
    targetId: auth.user.id,
    details: { sessionsEnded: ended },
  });
  throw redirect(paths.login({ signedOut: true }), { headers: { "Set-Cookie": serializeClearedSessionCookie(request) } });
}

export default function Account({ loaderData }: Route.ComponentProps) {
  const { user, sessions, emailSetting } = loaderData;
  const result = useActionData<typeof action>();
  const fieldErrors = result && "ok" in result && !result.ok ? result.fieldErrors : {};
  return (
    <section className="narrow">
      <h1>Your account</h1>
      <dl className="facts">
        <dt>Username</dt>
        <dd>{user.username}</dd>
        <dt>Display name</dt>
        <dd>{user.displayName}</dd>
        <dt>Role</dt>
        <dd>{user.isAdmin ? "Administrator" : "Member"}</dd>
        <dt>Active sessions</dt>
        <dd>{sessions}</dd>
      </dl>
      <p>
        <Link to={paths.accountPassword()} className="button">
          Change password
        </Link>
      </p>
      <Form method="post" aria-labelledby="email-title">
        <h2 id="email-title">Email notifications</h2>
        <p>Mentions, assignments, second reviews, adjudications and replies are always in your inbox; they can also be emailed.</p>
        <Field
          label="Email address"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={emailSetting.email ?? ""}
          error={fieldErrors.email}
        />
        <fieldset>
          <legend>How often</legend>
          {EMAIL_MODES.map((mode) => (
            <label key={mode} className="choice">
              <input type="radio" name="mode" value={mode} defaultChecked={emailSetting.mode === mode} /> {EMAIL_MODE_LABELS[mode]}
            </label>
          ))}
          {fieldErrors.mode ? <p className="field-error">{fieldErrors.mode}</p> : null}
        </fieldset>
        <button type="submit" name="intent" value="email-settings" className="button">
          Save email settings
        </button>
        {result && "ok" in result && result.ok ? (
          <p className="meta" role="status">
            Saved.
          </p>
        ) : null}
      </Form>
      <Form method="post">
        <h2>Sign out everywhere</h2>
        <p>Ends every session of your account, on this device and all others.</p>
        <button type="submit" name="intent" value="sign-out-everywhere" className="button danger">
          Sign out everywhere
        </button>
      </Form>
    </section>
  );
}
