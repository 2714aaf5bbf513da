import { isRouteErrorResponse } from "react-router";
import { getLogger } from "./logger.server";
import { currentRequest } from "./request-context.server";

const reported = new WeakSet<object>();

/**
 * Logs an error of the request being handled. A 4xx (no route matches, a thrown 404 or
 * 403) is not an error of ours: it becomes a note on the request's one access line, with
 * no stack, so probes for `/.env` cannot fill the log. Anything else is logged once, with
 * its stack and the request id the error page shows the user.
 */
export function reportServerError(error: unknown): void {
  const request = currentRequest();
  if (isRouteErrorResponse(error) && error.status < 500) {
    if (request && !request.note) request.note = error.statusText || `status ${error.status}`;
    return;
  }
  // React Router wraps some errors (a 500 it raised itself) in a response carrying the cause.
  const wrapped = isRouteErrorResponse(error) ? (error as { error?: unknown }).error : undefined;
  const cause = wrapped ?? error;
  if (typeof cause === "object" && cause !== null) {
    if (reported.has(cause)) return;
    reported.add(cause);
  }
  getLogger().error({ err: cause, requestId: request?.requestId, userId: request?.userId ?? null }, "unexpected error");
}
