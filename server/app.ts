import "react-router";
import { createRequestHandler } from "@react-router/express";
import express, { type Request } from "express";
import os from "node:os";
import type { RequestContext } from "../app/auth/request-context";
import { getConfig } from "../app/config.server";
import { LOOPBACK_ONLY_NOTICE, loopbackHostsOnly, originCheck, securityHeaders } from "./security";

const config = getConfig();
const development = process.env.NODE_ENV === "development";

export const app = express();
app.disable("x-powered-by");
// Behind a load balancer, X-Forwarded-For/-Proto name the real client and scheme.
app.set("trust proxy", config.TRUST_PROXY);

const isSecure = (req: Request) => (config.APP_ORIGIN ? config.APP_ORIGIN.startsWith("https:") : req.protocol === "https");
const expectedOrigin = (req: Request) => config.APP_ORIGIN ?? `${req.protocol}://${req.get("host")}`;

// The Host header is trusted as the origin only in development or behind APP_ORIGIN.
const trustsOnlyLoopback = config.NODE_ENV === "production" && !config.APP_ORIGIN && !development;
/** Lines `npm start` prints once when it starts serving. */
export const startNotices = trustsOnlyLoopback ? [LOOPBACK_ONLY_NOTICE] : [];

app.use(securityHeaders({ development, secure: isSecure }));
if (trustsOnlyLoopback) app.use(loopbackHostsOnly());
app.use(originCheck(expectedOrigin));

app.use(
  createRequestHandler({
    build: () => import("virtual:react-router/server-build"),
    getLoadContext(req, res): RequestContext {
      return { cspNonce: String(res.locals.cspNonce), clientIp: req.ip ?? null };
    },
  }),
);

/**
 * How many server processes `npm start` runs. Rendering is CPU-bound and Node uses one
 * core per process, so one process per core (up to 8) unless WEB_CONCURRENCY says otherwise.
 */
export const serverProcessCount = config.WEB_CONCURRENCY ?? Math.min(os.availableParallelism(), 8);
