import { z } from "zod";

// What every table view of the app (claims, facts) keeps in its URL alike: the search words,
// the sort direction and the page. One fragment, so a hand-edited link falls back to the same
// defaults in every view and the limits cannot drift apart.

export const TABLE_PAGE_SIZES = [25, 50, 100, 200] as const;

/** Longest search text a view accepts. */
export const MAX_QUERY_TEXT = 200;

/** The shared fields; each view says which way it sorts by default. */
export function tableQueryFields(options: { defaultDir: "asc" | "desc" }) {
  return {
    q: z
      .string()
      .trim()
      .max(MAX_QUERY_TEXT)
      .optional()
      .catch(undefined)
      .transform((v) => (v ? v : undefined)),
    dir: z.enum(["asc", "desc"]).catch(options.defaultDir),
    page: z.coerce.number().int().min(1).max(100_000).catch(1),
    size: z.coerce
      .number()
      .refine((n) => (TABLE_PAGE_SIZES as readonly number[]).includes(n))
      .catch(50),
  };
}
