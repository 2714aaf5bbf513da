import { z } from "zod";
import { startOfDayIn } from "./datetime";
import { normalizeSourceUrl } from "./source-url";
import { UNSAFE_NAME_MESSAGE, hasUnsafeNameChars } from "./text-safety";

// A document's details as an editor corrects them (the document page and
// `claimdesk document edit`): one set of rules and messages. Client-safe.

export const DOCUMENT_FIELDS = ["title", "outlet", "author", "url", "publishedAt"] as const;
export type DocumentField = (typeof DOCUMENT_FIELDS)[number];

export interface DocumentDetails {
  title: string;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: Date | null;
}

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}: use at most ${max} characters`)
    .refine((v) => !hasUnsafeNameChars(v), UNSAFE_NAME_MESSAGE)
    .transform((v) => v || null);

/**
 * The fields' rules. A publication date alone ("2026-04-15") means midnight of that day
 * in the project's time zone; a date and time must carry its offset ("…T18:30:00Z").
 */
export function documentDetailsSchema(timeZone: string) {
  return z.object({
    title: z
      .string()
      .trim()
      .min(1, "Enter a title")
      .max(500, "Use at most 500 characters")
      .refine((v) => !hasUnsafeNameChars(v), UNSAFE_NAME_MESSAGE),
    outlet: optionalText("Outlet", 200),
    author: optionalText("Author", 200),
    url: z
      .string()
      .trim()
      .transform((v, ctx) => {
        if (v === "") return null;
        const url = normalizeSourceUrl(v);
        if (!url.ok) {
          ctx.addIssue({ code: "custom", message: url.error });
          return z.NEVER;
        }
        return url.url;
      }),
    publishedAt: z
      .string()
      .trim()
      .transform((v, ctx) => {
        if (v === "") return null;
        const day = startOfDayIn(v, timeZone);
        if (day) return day;
        const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) ? new Date(v) : null;
        if (instant && !Number.isNaN(instant.getTime())) return instant;
        ctx.addIssue({ code: "custom", message: "Use a date (2026-04-15) or a date and time with its offset (2026-04-15T18:30:00Z)" });
        return z.NEVER;
      }),
  });
}

/** The fields that differ, before and after, with dates written as ISO text (what the audit trail records). */
export function changedDetails(before: DocumentDetails, after: Partial<DocumentDetails>) {
  const changes: Partial<Record<DocumentField, { from: string | null; to: string | null }>> = {};
  const asText = (value: string | Date | null | undefined) => (value instanceof Date ? value.toISOString() : (value ?? null));
  for (const field of DOCUMENT_FIELDS) {
    if (!(field in after)) continue;
    const from = asText(before[field]);
    const to = asText(after[field]);
    if (from !== to) changes[field] = { from, to };
  }
  return changes;
}
