import "react-router";
import { createRequestHandler } from "@react-router/express";
import express, { type NextFunction, type Request, type Response } from "express";
import cluster from "node:cluster";
import os from "node:os";
import type { RequestContext } from "../app/auth/request-context";
import { getConfig } from "../app/config.server";
import { disconnectDb } from "../app/db.server";
import { closeEventListener, endEventStreams } from "../app/models/events.server";
import { checkDatabase } from "../app/models/health.server";
import { startIndexWarming, stopIndexWarming } from "../app/models/project-index.server";
import { getLogger } from "../app/observability/logger.server";
import { reportServerError } from "../app/observability/errors.server";
import { currentRequest } from "../app/observability/request-context.server";
import { httpRequestDuration } from "../app/observability/metrics.server";
import { metricsEndpoint } from "./metrics-endpoint";
import { type FinishedRequest, ROUTE_LABEL, observeRequests, rejectMalformedPaths } from "./request-log";
import { routePatternMatcher } from "./route-pattern";
import { startNotificationDelivery } from "../app/services/notification-delivery.server";
import { startImportRunner, stopImportRunner } from "../app/services/import-runner.server";
import { LOOPBACK_ONLY_NOTICE, loopbackHostsOnly, originCheck, securityHeaders } from "./security";

const config = getConfig();
const development = process.env.NODE_ENV === "development";
const serverBuild = await import("virtual:react-router/server-build");

export const app = express();
app.disable("x-powered-by");
// Behind a load balancer, X-Forwarded-For/-Proto name the real client and scheme.
app.set("trust proxy", config.TRUST_PROXY);

const isSecure = (req: Request) => (config.APP_ORIGIN ? config.APP_ORIGIN.startsWith("https:") : req.protocol === "https");
const expectedOrigin = (req: Request) => config.APP_ORIGIN ?? `${req.protocol}://${req.get("host")}`;

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
function recordRequestMetrics(request: FinishedRequest) {
  // Event streams stay open for as long as a table is: counted by claimdesk_event_streams_open instead.
  if (request.eventStream) return;
  const route = request.route.pattern === null ? "(none)" : `${request.route.pattern}${request.route.data ? ".data" : ""}`;
  const method = METHODS.has(request.method) ? request.method : "other";
  httpRequestDuration.observe({ method, route, status: String(request.status) }, request.durationSeconds);
}

app.use(
  observeRequests({
    routeOf: routePatternMatcher(serverBuild.routes),
    trustForwardedRequestId: config.TRUST_PROXY,
    quietRoutes: new Set(["/healthz", "/readyz", "/metrics"]),
    onFinished: recordRequestMetrics,
  }),
);
app.use(rejectMalformedPaths);
// While the process drains (graceful shutdown), every response closes its connection, so
// keep-alive clients reconnect to a process that is still serving.
let stopping = false;
app.use((_req, res, next) => {
  if (stopping) res.setHeader("Connection", "close");
  next();
});
app.get("/metrics", metricsEndpoint(config.METRICS_TOKEN));
if (import.meta.env.PROD) {
  // The built client (in development Vite serves it). Paths are relative to the project
  // root, where `npm start` runs.
  const setHeaders = (res: Response) => (res.locals[ROUTE_LABEL] = "static");
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y", index: false, setHeaders }));
  app.use(express.static("build/client", { maxAge: "1h", index: false, setHeaders }));
}
// The Host header is trusted as the origin only in development or behind APP_ORIGIN.
const trustsOnlyLoopback = config.NODE_ENV === "production" && !config.APP_ORIGIN && !development;
/** Lines `npm start` prints once when it starts serving. */
export const startNotices = trustsOnlyLoopback ? [LOOPBACK_ONLY_NOTICE] : [];

app.use(securityHeaders({ development, secure: isSecure }));
if (trustsOnlyLoopback) app.use(loopbackHostsOnly());
app.use(originCheck(expectedOrigin));

app.use(
  createRequestHandler({
    // A function makes React Router rebuild its route tables (createStaticHandler: flattening and
    // ranking every route) on each request, 2.5% of a full claims page's CPU and 5% of a data
    // request's (docs/benchmarks.md, 2026-12-03). The built app never changes while it runs;
    // only development, where Vite reloads the routes, needs the function.
    build: development ? () => import("virtual:react-router/server-build") : serverBuild,
    getLoadContext(req, res): RequestContext {
      return { cspNonce: String(res.locals.cspNonce), clientIp: req.ip ?? null };
    },
  }),
);

// Errors that escape the router (a failure in a middleware): logged once with the request
// id, answered with that id and no stack.
app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
  reportServerError(error);
  if (res.headersSent) return next(error);
  const reference = currentRequest()?.requestId ?? String(res.getHeader("X-Request-Id") ?? "");
  res.status(500).type("text/plain").send(`Unexpected server error. Reference: ${reference}\n`);
});

/**
 * How many server processes `npm start` runs. Rendering is CPU-bound and Node uses one
 * core per process, so one process per core (up to 8) unless WEB_CONCURRENCY says otherwise.
 */
export const serverProcessCount = config.WEB_CONCURRENCY ?? Math.min(os.availableParallelism(), 8);

// Email for notifications when SMTP_URL is set, in each process that serves (a primary that
// only supervises server processes does not): docs/decisions/011-notification-delivery.md.
if (!(cluster.isPrimary && serverProcessCount > 1)) startNotificationDelivery();

/** How long SIGTERM lets in-flight requests run before their connections are closed. */
export const shutdownTimeoutSeconds = config.SHUTDOWN_TIMEOUT_SECONDS;

let importRunnerStopped: Promise<void> = Promise.resolve();

/**
 * Graceful shutdown, called by scripts/serve.mjs on SIGTERM once the listener stops
 * accepting: responses from now on close their connections, and open event streams end
 * with a reconnect hint so browsers move to a process that is still serving.
 */
export function beginShutdown(): { eventStreams: number } {
  stopping = true;
  stopIndexWarming();
  // The running import's lease ends, so another process (or the next start) resumes it at once.
  importRunnerStopped = stopImportRunner();
  return { eventStreams: endEventStreams() };
}

/** After the last in-flight request: close the database connections (SQLite checkpoints its WAL). */
export async function finishShutdown(): Promise<void> {
  await importRunnerStopped;
  await closeEventListener();
  await disconnectDb();
}

/**
 * Opens the database as soon as the process listens, not at the first request: the first
 * visitor does not wait for it, an unreachable database is logged at once, and a running
 * server always holds its SQLite file open (which `claimdesk db restore` checks for).
 */
export async function warmUp(): Promise<void> {
  const database = await checkDatabase();
  if (!database.ok) getLogger().error({ database }, "claimdesk: the database does not answer");
  // The matching index of recent projects, read between requests so first visits compare at once.
  else {
    void startIndexWarming();
    // Import jobs queued here or left by a stopped process (its lease ran out) resume now.
    startImportRunner();
  }
}
