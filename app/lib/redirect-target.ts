// Any origin works here: targets are resolved against it only to tell whether they stay on it.
const LOCAL_ORIGIN = "http://claimdesk.invalid";

/**
 * Only same-site paths: an attacker-supplied `redirectTo` must not send users elsewhere.
 * The browser's own URL parser decides (it drops tabs and newlines, so `/<TAB>/evil.example`
 * is `//evil.example`), and the result is re-serialized so it is always a valid header value.
 */
export function safeRedirectTarget(value: unknown, fallback = "/projects"): string {
  if (typeof value !== "string" || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, LOCAL_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== LOCAL_ORIGIN) return fallback;
  if (/^\/(login|logout)(\/|$)/.test(url.pathname)) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
