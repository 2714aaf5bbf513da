import { describe, expect, it } from "vitest";
import { onOffSchema, publisherUrlSchema, thresholdSchema, timeZoneSchema } from "./project-settings";

describe("project settings", () => {
  it("takes IANA time zones in their canonical spelling and names a bad one in the message", () => {
    expect(timeZoneSchema.parse(" america/new_york ")).toBe("America/New_York");
    const bad = timeZoneSchema.safeParse("Mars/Base");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('"Mars/Base" is not a time zone name');
  });

  it("normalizes the publisher's address and refuses what is not one", () => {
    expect(publisherUrlSchema.parse("HTTPS://Checks.Example.org/")).toBe("https://checks.example.org");
    expect(publisherUrlSchema.parse("")).toBeNull();
    expect(publisherUrlSchema.safeParse("ftp://x.example").success).toBe(false);
    expect(publisherUrlSchema.safeParse("not a url").success).toBe(false);
  });

  it("reads thresholds and on/off", () => {
    expect(thresholdSchema.parse("0.5")).toBe(0.5);
    expect(thresholdSchema.parse("")).toBeNull();
    expect(thresholdSchema.parse("default")).toBeNull();
    expect(thresholdSchema.safeParse("1.5").success).toBe(false);
    expect(thresholdSchema.safeParse("abc").success).toBe(false);
    expect(onOffSchema.parse("off")).toBe(false);
  });
});
