import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { serializeClearedSessionCookie } from "../auth/cookie.server";
import { getAuthenticated } from "../auth/guards.server";
import { clientIpOf } from "../auth/request-context";
import { recordAuditEvent } from "../models/audit.server";
import { deleteSession } from "../models/session.server";
import { paths } from "../lib/paths";

// Signing out changes state, so it is a POST; a GET only bounces back.
export async function loader() {
  throw redirect(paths.home());
}

export async function action({ request, context }: Route.ActionArgs) {
  const auth = await getAuthenticated(request);
  if (auth) {
    await deleteSession(auth.sessionId);
    await recordAuditEvent({
      actorId: auth.user.id,
      actorName: auth.user.username,
      ip: clientIpOf(context),
      action: "auth.signed_out",
      targetType: "user",
      targetId: auth.user.id,
    });
  }
  throw redirect(paths.login({ signedOut: true }), { headers: { "Set-Cookie": serializeClearedSessionCookie(request) } });
}
