import { describe, expect, it } from "vitest";
import { normalizeSourceUrl } from "./source-url";

describe("source addresses", () => {
  it.each([
    ["javascript:alert(1)", "not javascript:"],
    ["JavaScript:alert(1)", "not javascript:"],
    ["data:text/html,<b>x</b>", "not data:"],
    ["file:///etc/passwd", "not file:"],
    ["ftp://example.org/a", "not ftp:"],
    ["not a url", "not a valid web address"],
    ["https://", "not a valid web address"],
    ["http://intranet/", "no valid host"],
    ["https://user:pw@example.org/", "user name or password"],
    [`https://example.org/${"a".repeat(2100)}`, "longer than 2048"],
    ["   ", "Enter the source"],
  ])("refuses %j with a clear error", (input, message) => {
    const result = normalizeSourceUrl(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(message);
  });

  it("normalizes case, default ports, fragments and tracking parameters", () => {
    expect(normalizeSourceUrl(" HTTPS://News.Example.ORG:443/Story?id=7&utm_source=x&fbclid=y#comments ")).toEqual({
      ok: true,
      url: "https://news.example.org/Story?id=7",
    });
    expect(normalizeSourceUrl("http://example.org")).toEqual({ ok: true, url: "http://example.org/" });
  });
});
