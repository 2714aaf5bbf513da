/** Only same-site paths: an attacker-supplied `redirectTo` must not send users elsewhere. */
export function safeRedirectTarget(value: unknown, fallback = "/projects"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (value.startsWith("/login") || value.startsWith("/logout")) return fallback;
  return value;
}
