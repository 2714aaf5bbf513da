import { z } from "zod";
import { canonicalTimeZone } from "./datetime";
import { normalizeSourceUrl } from "./source-url";
import { UNSAFE_NAME_MESSAGE, hasUnsafeNameChars } from "./text-safety";

// A project's settings as entered in the settings page or on the command line: one set
// of rules and messages for both. Client-safe.

export const timeZoneSchema = z
  .string({ error: "Enter a time zone" })
  .trim()
  .transform((value, ctx) => {
    const zone = canonicalTimeZone(value);
    if (!zone) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a time zone name; use an IANA name such as Europe/Berlin or UTC` });
      return z.NEVER;
    }
    return zone;
  });

export const publisherNameSchema = z
  .string()
  .trim()
  .max(200, "Use at most 200 characters")
  .refine((v) => !hasUnsafeNameChars(v), UNSAFE_NAME_MESSAGE)
  .transform((v) => v || null);

/** The publisher's site, normalized without a trailing slash; empty clears it. */
export const publisherUrlSchema = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === "") return null;
    const url = normalizeSourceUrl(v);
    if (!url.ok) {
      ctx.addIssue({ code: "custom", message: url.error });
      return z.NEVER;
    }
    return url.url.replace(/\/$/, "");
  });

/** A check-worthiness threshold between 0 and 1; empty means the tuned default (null). */
export const thresholdSchema = z
  .string()
  .trim()
  .transform((v) => (v === "" || v === "default" ? null : Number(v)))
  .pipe(
    z
      .number({ error: "Enter a number between 0 and 1" })
      .min(0, "Enter a number between 0 and 1")
      .max(1, "Enter a number between 0 and 1")
      .nullable(),
  );

export const onOffSchema = z.enum(["on", "off"], { error: "must be on or off" }).transform((v) => v === "on");
