import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/account";
import { actorOf } from "../auth/actor.server";
import { serializeClearedSessionCookie } from "../auth/cookie.server";
import { requireUser } from "../auth/guards.server";
import { recordAuditEvent } from "../models/audit.server";
import { countSessionsOfUser, deleteAllSessionsOfUser } from "../models/session.server";
import { paths } from "../lib/paths";

export const meta = () => [{ title: "Your account · Claimdesk" }];

export async function loader({ request }: Route.LoaderArgs) {
  const { user } = await requireUser(request);
  return {
    user: { username: user.username, displayName: user.displayName, isAdmin: user.isAdmin },
    sessions: await countSessionsOfUser(user.id),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const auth = await requireUser(request, { allowPendingPasswordChange: true });
  const intent = (await request.formData()).get("intent");
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
  const { user, sessions } = loaderData;
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
