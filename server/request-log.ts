import type { NextFunction, Request, RequestHandler, Response } from "express";
import { randomBytes } from "node:crypto";
import { getLogger } from "../app/observability/logger.server";
import { type RequestState, currentRequest, runInRequest } from "../app/observability/request-context.server";
import type { RequestRoute } from "./route-pattern";

/** What is known about a request once its response is finished (or the client went away). */
export interface FinishedRequest {
  method: string;
  route: RequestRoute;
  status: number;
  durationSeconds: number;
  /** The client closed the connection before the response was complete. */
  aborted: boolean;
  eventStream: boolean;
}

/** A name set in `res.locals` by handlers outside the router (static files, /metrics). */
export const ROUTE_LABEL = "claimdeskRoute";

// A request id from a proxy is kept only if it is a plain token (it is echoed in a header and the log).
const FORWARDED_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;
const MAX_LOGGED_PATH = 200;

/**
 * The first middleware: gives the request an id (sent back as X-Request-Id, and kept for
 * the whole request in AsyncLocalStorage) and writes one access line when it ends: method,
 * route pattern, path (never the query string, which may hold search terms or tokens),
 * status, duration, request id and user id. Headers, cookies and bodies are never logged.
 */
export function observeRequests(options: {
  routeOf: (pathname: string) => RequestRoute;
  trustForwardedRequestId: boolean;
  /** Routes probed every few seconds (health checks, scrapes): their lines are logged at debug. */
  quietRoutes?: ReadonlySet<string>;
  onFinished?: (request: FinishedRequest) => void;
}): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    const forwarded = options.trustForwardedRequestId ? req.get("x-request-id") : undefined;
    const requestId = forwarded && FORWARDED_REQUEST_ID.test(forwarded) ? forwarded : randomBytes(9).toString("base64url");
    res.setHeader("X-Request-Id", requestId);
    const state: RequestState = { requestId, userId: null, note: null };

    res.once("close", () => {
      const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const label: unknown = res.locals[ROUTE_LABEL];
      const route: RequestRoute = typeof label === "string" ? { pattern: label, data: false } : options.routeOf(req.path);
      const aborted = !res.writableFinished;
      const eventStream = String(res.getHeader("Content-Type") ?? "").startsWith("text/event-stream");
      const path = req.path.length > MAX_LOGGED_PATH ? `${req.path.slice(0, MAX_LOGGED_PATH)}…` : req.path;
      const level = route.pattern !== null && options.quietRoutes?.has(route.pattern) ? "debug" : "info";
      getLogger()[level](
        {
          method: req.method,
          route: route.pattern,
          ...(route.data ? { data: true } : {}),
          path,
          status: res.statusCode,
          durationMs: Math.round(durationSeconds * 10_000) / 10,
          requestId,
          userId: state.userId,
          ...(aborted ? { aborted: true } : {}),
          ...(state.note ? { note: state.note } : {}),
        },
        "request",
      );
      options.onFinished?.({ method: req.method, route, status: res.statusCode, durationSeconds, aborted, eventStream });
    });
    runInRequest(state, () => next());
  };
}

/**
 * Answers 400 to a path that is not valid percent-encoding (`/assets/%c0%ae`) before the
 * router, which would log a warning for it: scanners send these by the thousand.
 */
export const rejectMalformedPaths: RequestHandler = (req, res, next) => {
  try {
    for (const segment of req.path.split("/")) decodeURIComponent(segment);
  } catch {
    const state = currentRequest();
    if (state) state.note = "malformed URL";
    res.status(400).type("text/plain").send("Bad request: the address is not valid URL encoding.\n");
    return;
  }
  next();
};
