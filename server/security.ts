import { randomBytes } from "node:crypto";
import type { NextFunction, Request, Response } from "express";

const SAFE_METHODS = new Set(["GET", "HEAD"]);

export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  const directives = [
    "default-src 'self'",
    // Scripts run only from our origin or with this response's nonce (React Router's
    // inline hydration data); injected markup without the nonce cannot run.
    `script-src 'self' 'nonce-${nonce}'`,
    // Style attributes are used for layout (virtualized rows); they cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    options.development ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join("; ");
}

/** Sets the headers every response carries and a fresh CSP nonce for this request. */
export function securityHeaders(options: { development: boolean; secure: (req: Request) => boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, options));
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("X-Frame-Options", "DENY");
    res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
    res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
    res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
    if (options.secure(req)) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  };
}

/**
 * Refuses any request that could change state unless the browser says it came from
 * our own origin. Browsers always send Origin on cross-site and on same-origin
 * non-GET requests, so a missing Origin is refused too.
 */
export function originCheck(expectedOrigin: (req: Request) => string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get("origin");
    if (!origin || origin !== expectedOrigin(req)) {
      res.status(403).type("text/plain").send("Forbidden: this request did not come from a Claimdesk page (Origin check failed).");
      return;
    }
    next();
  };
}

/** Host names only this machine can reach: a DNS-rebound name is never one of them. */
export function isLoopbackHost(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.toLowerCase().replace(/:\d+$/, "");
  return host === "localhost" || host.endsWith(".localhost") || /^127(?:\.\d{1,3}){3}$/.test(host) || host === "[::1]";
}

export const LOOPBACK_ONLY_NOTICE =
  "claimdesk: APP_ORIGIN is not set, so only http://localhost and 127.0.0.1 are served; set APP_ORIGIN to the address people open (e.g. https://claimdesk.example.org) to serve others";

/**
 * Without APP_ORIGIN the Origin check can only compare with the Host header, which a page on
 * another site controls through DNS rebinding (its own name pointed at this server). In
 * production such a server answers loopback names only.
 */
export function loopbackHostsOnly() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (isLoopbackHost(req.get("host"))) return next();
    res
      .status(421)
      .type("text/plain")
      .send(
        "Misdirected request: this Claimdesk has no APP_ORIGIN set and answers only on localhost. Its administrator must set APP_ORIGIN.",
      );
  };
}
