import { z } from "zod";
import { TABLE_PAGE_SIZES, tableQueryFields } from "./table-query";
import { CLAIM_STATUSES } from "./claim-status";
import { REVIEW_STATES } from "./review/review-state";

export const CLAIM_SORTS = ["position", "checkworthiness", "status", "lastChanged", "decided", "assignee", "sources"] as const;
export type ClaimSort = (typeof CLAIM_SORTS)[number];
export const PAGE_SIZES = TABLE_PAGE_SIZES;

/**
 * The claims table's state as it lives in the URL, so a view can be shared and the
 * back button works. Every field falls back to its default when the URL holds
 * something invalid: a hand-edited link never fails.
 */
export const claimQuerySchema = z.object({
  status: z.array(z.enum(CLAIM_STATUSES)).catch([]),
  /** Review states (editorial review); several may be chosen, as statuses. Absent when none is. */
  review: z.array(z.enum(REVIEW_STATES)).min(1).optional().catch(undefined),
  document: z.coerce.number().int().positive().optional().catch(undefined),
  assignee: z
    .union([z.enum(["me", "none"]), z.coerce.number().int().positive()])
    .optional()
    .catch(undefined),
  sources: z.enum(["yes", "no"]).optional().catch(undefined),
  min: z.coerce.number().min(0).max(1).optional().catch(undefined),
  max: z.coerce.number().min(0).max(1).optional().catch(undefined),
  sort: z.enum(CLAIM_SORTS).catch("position"),
  ...tableQueryFields({ defaultDir: "asc" }),
  dismissed: z.enum(["1"]).optional().catch(undefined),
  /** Only claims whose article changed under them and that could not be placed again (anchorState needs_reanchoring). */
  reanchor: z.enum(["1"]).optional().catch(undefined),
});

export type ClaimQuery = z.infer<typeof claimQuerySchema>;

const SINGLE_KEYS = ["document", "assignee", "sources", "min", "max", "q", "sort", "dir", "page", "size", "dismissed", "reanchor"] as const;

export function parseClaimQuery(params: URLSearchParams): ClaimQuery {
  const list = (key: string) =>
    params
      .getAll(key)
      .flatMap((s) => s.split(","))
      .filter(Boolean);
  const raw: Record<string, unknown> = { status: list("status") };
  if (list("review").length > 0) raw.review = list("review");
  for (const key of SINGLE_KEYS) {
    const value = params.get(key);
    if (value !== null && value !== "") raw[key] = value;
  }
  return claimQuerySchema.parse(raw);
}

const DEFAULTS = claimQuerySchema.parse({ status: [] });

/** The URL search string for a query, leaving defaults out so links stay short. */
export function claimQueryToSearch(query: Partial<ClaimQuery>): string {
  const full = { ...DEFAULTS, ...query };
  const params = new URLSearchParams();
  for (const status of full.status) params.append("status", status);
  for (const state of full.review ?? []) params.append("review", state);
  for (const key of SINGLE_KEYS) {
    const value = full[key];
    if (value !== undefined && value !== DEFAULTS[key]) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}
