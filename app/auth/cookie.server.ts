import { getConfig } from "../config.server";

const BASE_NAME = "claimdesk_session";

/** HTTPS when the public origin says so (behind a TLS proxy) or the request itself is. */
export function isSecureRequest(request: Request): boolean {
  const origin = getConfig().APP_ORIGIN;
  if (origin) return origin.startsWith("https:");
  return new URL(request.url).protocol === "https:";
}

/** `__Host-` binds the cookie to this exact host and path, and browsers only accept it over HTTPS. */
export function sessionCookieName(secure: boolean): string {
  return secure ? `__Host-${BASE_NAME}` : BASE_NAME;
}

export function serializeSessionCookie(request: Request, token: string, maxAgeSeconds: number): string {
  const secure = isSecureRequest(request);
  const parts = [`${sessionCookieName(secure)}=${token}`, "HttpOnly", "SameSite=Lax", "Path=/", `Max-Age=${maxAgeSeconds}`];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

export function serializeClearedSessionCookie(request: Request): string {
  const secure = isSecureRequest(request);
  const parts = [`${sessionCookieName(secure)}=`, "HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=0"];
  if (secure) parts.push("Secure");
  return parts.join("; ");
}

export function readSessionToken(request: Request): string | null {
  const name = sessionCookieName(isSecureRequest(request));
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const pair of header.split(";")) {
    const index = pair.indexOf("=");
    if (index === -1) continue;
    if (pair.slice(0, index).trim() === name) return pair.slice(index + 1).trim() || null;
  }
  return null;
}
