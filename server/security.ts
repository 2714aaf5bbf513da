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
