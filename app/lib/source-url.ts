export const MAX_URL_LENGTH = 2048;

// Parameters that only track the click; two links that differ only in them are the same page.
const TRACKING_PARAMS = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|_ga|ref_src)$/i;

export type NormalizedUrl = { ok: true; url: string } | { ok: false; error: string };

/**
 * Validates a source address and returns it in one canonical form, so that the same
 * page linked twice is one source: http(s) only, lower-case scheme and host, no
 * default port, no fragment, no tracking parameters.
 */
export function normalizeSourceUrl(input: string): NormalizedUrl {
  const raw = input.trim();
  if (raw === "") return { ok: false, error: "Enter the source's address" };
  if (raw.length > MAX_URL_LENGTH) return { ok: false, error: `The address is longer than ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, error: "This is not a valid web address (it should start with https:// or http://)" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { ok: false, error: `Only http and https addresses can be sources, not ${url.protocol.replace(/:$/, "")}:` };
  }
  if (!url.hostname || (!url.hostname.includes(".") && url.hostname !== "localhost"))
    return { ok: false, error: "The address has no valid host name" };
  if (url.username || url.password) return { ok: false, error: "Addresses with a user name or password cannot be sources" };
  url.hash = "";
  for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
  const normalized = url.toString();
  return normalized.length > MAX_URL_LENGTH
    ? { ok: false, error: `The address is longer than ${MAX_URL_LENGTH} characters` }
    : { ok: true, url: normalized };
}
