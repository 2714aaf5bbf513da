import { z } from "zod";
import { CLAIM_STATUSES } from "./claim-status";
import type { ActionFailure } from "./action-result";
import type { Capability } from "./roles";
import { STANCES } from "./stances";

// The forms of the claim page (verdict, assignee, sources) and of the claims table
// (bulk change, undo, saved view), as the actions of those two routes read them. Each
// form names its intent; the intent decides the capability, checked before anything
// else is read.

const id = z.coerce.number().int().positive();
const optionalDate = (message: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v || v.trim() === "") return null;
      const date = /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? new Date(`${v.trim()}T00:00:00Z`) : new Date(Number.NaN);
      if (Number.isNaN(date.getTime())) ctx.addIssue({ code: "custom", message });
      return date;
    });
const optionalAssignee = z
  .string()
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "" || v === "none" ? null : Number(v)))
  .pipe(z.union([z.null(), z.undefined(), z.number().int().positive()]));
const stance = z.enum(STANCES, { error: "Choose supports, refutes or context" });

/** The claim page's forms; the claim is the one in the URL. */
export const claimFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("tag"),
      version: id,
      status: z.enum(CLAIM_STATUSES, { error: "Choose a verdict" }),
      rationale: z.string().max(5000).optional(),
    }),
    z.object({ intent: z.literal("assign"), version: id, assigneeId: optionalAssignee }),
    z.object({
      intent: z.literal("add-source"),
      url: z.string({ error: "Enter the source's address" }).max(4000),
      stance,
      title: z.string().max(500).optional(),
      outlet: z.string().max(200).optional(),
      author: z.string().max(200).optional(),
      publishedAt: optionalDate("Enter the publication date as YYYY-MM-DD"),
      accessedAt: optionalDate("Enter the date accessed as YYYY-MM-DD"),
      quote: z.string().max(5000).optional(),
      note: z.string().max(5000).optional(),
    }),
    z.object({
      intent: z.literal("edit-source"),
      linkId: id,
      stance,
      quote: z.string().max(5000).optional(),
      note: z.string().max(5000).optional(),
    }),
    z.object({ intent: z.literal("remove-source"), linkId: id }),
    // Editorial review (docs/decisions/010-editorial-review.md): the editor's steps and the named second reviewer.
    z.object({
      intent: z.literal("adjudicate"),
      version: id,
      status: z.enum(CLAIM_STATUSES, { error: "Choose the final verdict" }),
      rationale: z
        .string({ error: "Give a rationale for the final verdict" })
        .trim()
        .min(1, "Give a rationale for the final verdict")
        .max(5000),
    }),
    z.object({ intent: z.literal("approve"), version: id }),
    z.object({
      intent: z.literal("reopen"),
      version: id,
      reason: z.string({ error: "Give a reason for reopening" }).trim().min(1, "Give a reason for reopening").max(2000),
    }),
    z.object({ intent: z.literal("second-reviewer"), version: id, reviewerId: optionalAssignee }),
  ],
  { error: "Unknown action" },
);
export type ClaimFormIntent = z.infer<typeof claimFormSchema>["intent"];
export const CLAIM_FORM_CAPABILITY = {
  tag: "tagClaim",
  assign: "assignClaims",
  "add-source": "addSource",
  "edit-source": "addSource",
  "remove-source": "addSource",
  adjudicate: "adjudicate",
  approve: "approve",
  reopen: "approve",
  "second-reviewer": "assignClaims",
} as const satisfies Record<ClaimFormIntent, Capability>;

const bulkIds = z
  .union([z.array(id).max(1000, "Select at most 1,000 claims, or use 'all matching the filters'"), id.transform((v) => [v])])
  .optional();

/** The claims table's own forms. */
export const tableFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.enum(["bulk-preview", "bulk-apply"]),
      scope: z.enum(["selected", "filter"]),
      ids: bulkIds,
      search: z.string().max(2000).optional(),
      status: z
        .union([z.enum(CLAIM_STATUSES), z.literal("")])
        .optional()
        .transform((v) => v || undefined),
      rationale: z.string().max(5000).optional(),
      assigneeId: z.union([z.literal("keep"), z.string()]).optional(),
    }),
    z.object({ intent: z.literal("undo"), operationId: id }),
    // Sign-off of the selected claims, or of every claim matching the filters, with a preview first.
    z.object({
      intent: z.enum(["approve-preview", "approve-apply"]),
      scope: z.enum(["selected", "filter"]),
      ids: bulkIds,
      search: z.string().max(2000).optional(),
    }),
    z.object({
      intent: z.literal("preferences"),
      hidden: z.union([z.array(z.string()), z.string()]).optional(),
      density: z.string().optional(),
      advance: z.string().optional(),
    }),
  ],
  { error: "Unknown action" },
);
export type TableFormIntent = z.infer<typeof tableFormSchema>["intent"];
export const TABLE_FORM_CAPABILITY = {
  "bulk-preview": "bulkEdit",
  "bulk-apply": "bulkEdit",
  undo: "bulkEdit",
  "approve-preview": "approve",
  "approve-apply": "approve",
  preferences: "read",
} as const satisfies Record<TableFormIntent, Capability>;

/**
 * The capability a submitted form needs. An unknown intent needs the strictest of the
 * form's capabilities, so a stranger learns nothing more than from a known one.
 */
export function capabilityOfForm<I extends string>(formData: FormData, table: Record<I, Capability>, fallback: Capability): Capability {
  const intent = formData.get("intent");
  return typeof intent === "string" && Object.hasOwn(table, intent) ? table[intent as I] : fallback;
}

/** The bulk form's assignee field: "keep" (or absent) leaves assignees alone, "none" or "" unassigns. */
export function bulkAssignee(value: string | undefined): number | null | undefined {
  if (value === undefined || value === "keep") return undefined;
  if (value === "" || value === "none") return null;
  return Number(value);
}

/** A failed claim form's message, beside the form that was used (the verdict, the assignee or a source form). */
export interface ClaimFormErrors {
  tag?: string;
  assign?: string;
  source?: string;
  /** What was typed in the verdict form, to show it again. */
  tagValues?: Record<string, string>;
}

export function claimFormErrors(failure: ActionFailure | null | undefined): ClaimFormErrors {
  if (!failure) return {};
  return {
    tag: failure.form === "tag" ? (failure.fieldErrors.rationale ?? failure.error) : undefined,
    assign: failure.form === "assign" ? failure.error : undefined,
    source: failure.fieldErrors.source,
    tagValues: failure.form === "tag" ? failure.values : undefined,
  };
}

/** Whether a failure is shown beside its form (otherwise the page shows it at the top). */
export function shownBesideItsForm(failure: ActionFailure): boolean {
  const errors = claimFormErrors(failure);
  return !!(errors.tag || errors.assign || errors.source);
}
