import type { RequestHandler } from "express";
import { createHash, timingSafeEqual } from "node:crypto";
import { metricsContentType, renderMetrics } from "../app/observability/metrics.server";
import { ROUTE_LABEL } from "./request-log";

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * GET /metrics in Prometheus' text format, only with `Authorization: Bearer $METRICS_TOKEN`.
 * Without the variable the path is not there at all (the router answers 404 as for any
 * unknown URL); with it, a missing or wrong token is 401.
 */
export function metricsEndpoint(token: string | undefined): RequestHandler {
  const expected = token ? digest(token) : null;
  return async (req, res, next) => {
    if (!expected || (req.method !== "GET" && req.method !== "HEAD")) return next();
    res.locals[ROUTE_LABEL] = "/metrics";
    const given = /^Bearer\s+(\S+)$/i.exec(req.get("authorization") ?? "")?.[1];
    // Compared as digests: equal lengths, and no timing difference to learn the token from.
    if (!given || !timingSafeEqual(digest(given), expected)) {
      res
        .status(401)
        .set("WWW-Authenticate", 'Bearer realm="claimdesk metrics"')
        .type("text/plain")
        .send("Unauthorized: send Authorization: Bearer <METRICS_TOKEN>.\n");
      return;
    }
    try {
      const text = await renderMetrics();
      res.status(200).set("Content-Type", metricsContentType).set("Cache-Control", "no-store").send(text);
    } catch (error) {
      next(error);
    }
  };
}
