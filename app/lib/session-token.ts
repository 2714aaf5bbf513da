import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Per the Lucia guide: a token is "<id>.<secret>"; the id finds the row, the secret
// proves possession and is stored only as a SHA-256 hash. 18 random bytes give 144
// bits for each part, above the guide's 120-bit floor.
const PART_BYTES = 18;

export interface GeneratedToken {
  token: string;
  id: string;
  secretHash: string;
}

export function generateSessionToken(): GeneratedToken {
  const id = randomBytes(PART_BYTES).toString("base64url");
  const secret = randomBytes(PART_BYTES).toString("base64url");
  return { token: `${id}.${secret}`, id, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const parts = token.split(".");
  if (parts.length !== 2) return null;
  const [id, secret] = parts as [string, string];
  const wellFormed = /^[A-Za-z0-9_-]{24}$/;
  if (!wellFormed.test(id) || !wellFormed.test(secret)) return null;
  return { id, secret };
}

/** Constant-time: the comparison takes as long whichever byte differs. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const actual = Buffer.from(hashSecret(secret), "hex");
  const expected = Buffer.from(storedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
