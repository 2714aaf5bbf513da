// Facts across outlets, as the UI and the CLI see them: client-safe types, the Facts
// view's state as it lives in the URL, and how a fact's claims' verdicts sum up.
import { z } from "zod";
import { CLAIM_STATUSES, type ClaimStatus } from "./claim-status";
import type { DetailKind } from "./matching/details";
import type { FactDifference } from "./matching/fact-differences";

export type { FactDifference };

/** All the fact's claims share this verdict, or they do not ("mixed"). */
export const FACT_STATUSES = [...CLAIM_STATUSES, "mixed"] as const;
export type FactStatus = (typeof FACT_STATUSES)[number];

export function factStatus(counts: Record<ClaimStatus, number>): FactStatus {
  const present = CLAIM_STATUSES.filter((status) => counts[status] > 0);
  return present.length === 1 ? present[0]! : present.length === 0 ? "unverified" : "mixed";
}

export const FACT_SORTS = ["outlets", "disagreement", "status", "claims", "recent"] as const;
export type FactSort = (typeof FACT_SORTS)[number];
export const FACT_PAGE_SIZES = [25, 50, 100, 200] as const;

/** The Facts view's state in the URL; anything invalid falls back to its default. */
export const factQuerySchema = z.object({
  status: z.array(z.enum(FACT_STATUSES)).catch([]),
  document: z.coerce.number().int().positive().optional().catch(undefined),
  minOutlets: z.coerce.number().int().min(1).max(1000).catch(2),
  differing: z.enum(["1"]).optional().catch(undefined),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .transform((v) => (v ? v : undefined)),
  sort: z.enum(FACT_SORTS).catch("outlets"),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  size: z.coerce
    .number()
    .refine((n) => (FACT_PAGE_SIZES as readonly number[]).includes(n))
    .catch(50),
});
export type FactQuery = z.infer<typeof factQuerySchema>;

const SINGLE_KEYS = ["document", "minOutlets", "differing", "q", "sort", "dir", "page", "size"] as const;

export function parseFactQuery(params: URLSearchParams): FactQuery {
  const raw: Record<string, unknown> = {
    status: params
      .getAll("status")
      .flatMap((s) => s.split(","))
      .filter(Boolean),
  };
  for (const key of SINGLE_KEYS) {
    const value = params.get(key);
    if (value !== null && value !== "") raw[key] = value;
  }
  return factQuerySchema.parse(raw);
}

const DEFAULTS = factQuerySchema.parse({ status: [] });

/** The URL search string for a query, defaults left out. */
export function factQueryToSearch(query: Partial<FactQuery>): string {
  const full = { ...DEFAULTS, ...query };
  const params = new URLSearchParams();
  for (const status of full.status) params.append("status", status);
  for (const key of SINGLE_KEYS) {
    const value = full[key];
    if (value !== undefined && value !== DEFAULTS[key]) params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** One row of the Facts view. */
export interface FactRow {
  id: number;
  label: string;
  outlets: number;
  claims: number;
  counts: Record<ClaimStatus, number>;
  status: FactStatus;
  differences: FactDifference[];
}

/** One version of a fact: a member claim with its article and the values of the details that differ. */
export interface FactVersionView {
  claimId: number;
  text: string;
  documentId: number;
  documentTitle: string;
  outlet: string | null;
  status: ClaimStatus;
  rationale: string | null;
  version: number;
  pinned: boolean;
  sourceCount: number;
  /** The value this claim gives for each differing kind. */
  values: Partial<Record<DetailKind, string>>;
  /** Whether it states the same details as the label claim (a fact verdict applies to it without asking). */
  sameAsLabel: boolean;
}

export const DETAIL_KIND_LABELS: Record<DetailKind, string> = {
  money: "amount",
  percentage: "percentage",
  number: "count",
  duration: "span of time",
  time: "time",
  date: "date",
  name: "name or title",
};

/** "time: 5:01 p.m. (2), 5 p.m. (1)" */
export function describeDifference(difference: FactDifference): string {
  const described = valuesByKey(difference.values).map(({ wordings, values }) => `${wordings.join(" / ")} (${values.length})`);
  return `${DETAIL_KIND_LABELS[difference.kind]}: ${described.join(", ")}`;
}

/**
 * A difference's values, one entry per value with the wordings it was stated in and the
 * claims that state it: "5:01 p.m." and "5:01pm" are one time stated two ways.
 */
export function valuesByKey<V extends { key: string; value: string }>(values: V[]) {
  const groups = new Map<string, { key: string; wordings: string[]; values: V[] }>();
  for (const value of values) {
    const group = groups.get(value.key) ?? { key: value.key, wordings: [], values: [] };
    if (!group.wordings.includes(value.value)) group.wordings.push(value.value);
    group.values.push(value);
    groups.set(value.key, group);
  }
  return [...groups.values()];
}
