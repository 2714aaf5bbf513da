import { isSecureRequest } from "./cookie.server";

// A one-visit notice: an action sets it on its redirect, the next load of the page it
// redirects to reads it and clears it, so the notice shows once (a reload, the next
// action or another link no longer carries it) and the address stays the plain one.

const ADDED_CLAIM = "claimdesk_added_claim";
/** Long enough for the redirect to be followed on a slow connection; a notice never read expires. */
const MAX_AGE_SECONDS = 60;

function serialize(request: Request, value: string, maxAgeSeconds: number): string {
  // Path=/ so the data request that follows a redirect in the browser (".data") sends it too.
  const parts = [`${ADDED_CLAIM}=${value}`, "HttpOnly", "SameSite=Lax", "Path=/", `Max-Age=${maxAgeSeconds}`];
  if (isSecureRequest(request)) parts.push("Secure");
  return parts.join("; ");
}

/** The Set-Cookie value that tells the reader's next load that this claim was just added. */
export function addedClaimNotice(request: Request, claimId: number): string {
  return serialize(request, String(claimId), MAX_AGE_SECONDS);
}

/** The claim the notice names, or null when there is none (or it is not a claim id). */
export function readAddedClaimNotice(request: Request): number | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const pair of header.split(";")) {
    const index = pair.indexOf("=");
    if (index === -1 || pair.slice(0, index).trim() !== ADDED_CLAIM) continue;
    const id = Number(pair.slice(index + 1).trim());
    return Number.isInteger(id) && id > 0 ? id : null;
  }
  return null;
}

/** The Set-Cookie value that removes the notice once it has been shown. */
export function clearedAddedClaimNotice(request: Request): string {
  return serialize(request, "", 0);
}
