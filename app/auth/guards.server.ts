import { redirect } from "react-router";
import { getConfig } from "../config.server";
import { throwAppError } from "../lib/action-result";
import { AppError } from "../lib/app-error";
import { type Capability, can } from "../lib/roles";
import { type ProjectAccess, findProjectAccess } from "../models/project.server";
import { type SessionUser, validateSessionToken } from "../models/session.server";
import { currentRequest, noteRequestUser } from "../observability/request-context.server";
import { readSessionToken } from "./cookie.server";
import { paths } from "../lib/paths";

export interface Authenticated {
  user: SessionUser;
  sessionId: string;
}

export function sessionPolicy() {
  const config = getConfig();
  return { idleMs: config.SESSION_IDLE_MINUTES * 60_000, maxAgeMs: config.SESSION_MAX_AGE_MINUTES * 60_000 };
}

// The root loader and the route's own loader both ask who is signed in; the session is
// looked up (and its activity time written) once per request, not once per loader. React
// Router hands each loader of one HTTP request a Request object of its own, so a read (GET,
// HEAD) is keyed by the HTTP request's state (request-context), which they share; that was a
// second session query on every page and data request (docs/benchmarks.md, 2026-12-03). After
// an action, which may sign out or change the session, the loaders look it up again.
const perRequest = new WeakMap<object, Promise<Authenticated | null>>();

export function getAuthenticated(request: Request): Promise<Authenticated | null> {
  const read = request.method === "GET" || request.method === "HEAD";
  const key = (read && currentRequest()) || request;
  let pending = perRequest.get(key);
  if (!pending) {
    pending = lookUpSession(request);
    perRequest.set(key, pending);
  }
  return pending;
}

async function lookUpSession(request: Request): Promise<Authenticated | null> {
  const token = readSessionToken(request);
  if (!token) return null;
  const result = await validateSessionToken(token, sessionPolicy());
  if (!result) return null;
  noteRequestUser(result.user.id); // for the access log
  return { user: result.user, sessionId: result.session.id };
}

export function forbidden(message = "You do not have permission to do that."): never {
  throwAppError(new AppError("forbidden", message));
}

export function notFound(message = "Not found."): never {
  throwAppError(new AppError("not_found", message));
}

/**
 * The signed-in user, or a redirect to the sign-in page. A user who must change
 * their password is sent to do so before anything else.
 */
export async function requireUser(request: Request, options: { allowPendingPasswordChange?: boolean } = {}): Promise<Authenticated> {
  const auth = await getAuthenticated(request);
  const url = new URL(request.url);
  if (!auth) {
    const back = request.method === "GET" ? url.pathname + url.search : paths.home();
    throw redirect(paths.login({ redirectTo: back }));
  }
  if (auth.user.mustChangePassword && !options.allowPendingPasswordChange) {
    throw redirect(paths.accountPassword());
  }
  return auth;
}

export async function requireAdmin(request: Request): Promise<Authenticated> {
  const auth = await requireUser(request);
  if (!auth.user.isAdmin) forbidden("Only administrators can do that.");
  return auth;
}

/**
 * The project and the user's role, when the user may do `capability` in it. A
 * project the user cannot see is a 404 (its existence is not revealed); a visible
 * one where the role falls short is a 403.
 */
export async function requireProjectCapability(
  request: Request,
  slug: string | undefined,
  capability: Capability,
): Promise<Authenticated & ProjectAccess> {
  const auth = await requireUser(request);
  const access = slug ? await findProjectAccess(slug, auth.user) : null;
  if (!access) notFound("Project not found.");
  if (!can(access.role, capability)) forbidden(`Your role in this project (${access.role}) does not allow that.`);
  return { ...auth, ...access };
}
