import { describe, expect, it } from "vitest";
import { generateSessionToken, hashSecret, parseSessionToken, secretMatches } from "./session-token";

describe("session tokens", () => {
  it("are an id and a secret of 144 random bits each, with only the secret's hash kept", () => {
    const { token, id, secretHash } = generateSessionToken();
    const parsed = parseSessionToken(token);
    expect(parsed?.id).toBe(id);
    expect(Buffer.from(parsed!.secret, "base64url")).toHaveLength(18);
    expect(Buffer.from(id, "base64url")).toHaveLength(18);
    expect(secretHash).toBe(hashSecret(parsed!.secret));
    expect(secretHash).not.toContain(parsed!.secret);
  });

  it("never repeat", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => generateSessionToken().id));
    expect(ids.size).toBe(1000);
  });

  it("accept only the matching secret", () => {
    const { token, secretHash } = generateSessionToken();
    const { secret } = parseSessionToken(token)!;
    expect(secretMatches(secret, secretHash)).toBe(true);
    const tampered = (secret[0] === "A" ? "B" : "A") + secret.slice(1);
    expect(secretMatches(tampered, secretHash)).toBe(false);
  });

  it.each(["", "abc", "a.b.c", `${"x".repeat(24)}.${"y".repeat(23)}`, `${"x".repeat(24)}.${"y".repeat(23)}!`])(
    "reject malformed token %j",
    (token) => {
      expect(parseSessionToken(token)).toBeNull();
    },
  );
});
