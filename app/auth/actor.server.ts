import type { Actor } from "../models/user.server";
import type { Authenticated } from "./guards.server";
import { clientIpOf } from "./request-context";

/** Who is acting, as the audit trail records it. */
export function actorOf(auth: Authenticated, context: unknown): Actor {
  return { id: auth.user.id, name: auth.user.username, ip: clientIpOf(context) };
}
