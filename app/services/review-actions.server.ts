import { data } from "react-router";
import { z } from "zod";
import { actorOf } from "../auth/actor.server";
import { notFound, requireProjectCapability } from "../auth/guards.server";
import { CLAIM_STATUSES } from "../lib/claim-status";
import { parseClaimQuery } from "../lib/claim-query";
import { parseFormData } from "../lib/form";
import type { Capability } from "../lib/roles";
import { type ActionFailure, actionFailure, invalidForm } from "../lib/action-result";
import { AppError, isAppError } from "../lib/app-error";
import { applyBulkChange, previewBulkChange, undoBulkChange } from "../models/bulk-change.server";
import { assignClaim } from "../models/claim-assignment.server";
import { markViewing } from "../models/claim-presence.server";
import { tagClaim } from "../models/claim-verdict.server";
import { setPreference } from "../models/user-preference.server";
import { STANCES, addExternalSource, editSourceLink, removeSourceLink } from "../models/source.server";

export const TABLE_PREFERENCES_KEY = "claims-table";
export const TABLE_COLUMNS = ["status", "checkworthiness", "assignee", "sources", "lastChanged"] as const;
export const tablePreferencesSchema = z.object({
  hidden: z.array(z.enum(TABLE_COLUMNS)).catch([]),
  density: z.enum(["comfortable", "compact"]).catch("comfortable"),
});
export type TablePreferences = z.infer<typeof tablePreferencesSchema>;

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

const schema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("tag"),
      claimId: id,
      version: id,
      status: z.enum(CLAIM_STATUSES, { error: "Choose a verdict" }),
      rationale: z.string().max(5000).optional(),
    }),
    z.object({ intent: z.literal("assign"), claimId: id, version: id, assigneeId: optionalAssignee }),
    z.object({
      intent: z.enum(["bulk-preview", "bulk-apply"]),
      scope: z.enum(["selected", "filter"]),
      ids: z
        .union([z.array(id).max(1000, "Select at most 1,000 claims, or use 'all matching the filters'"), id.transform((v) => [v])])
        .optional(),
      search: z.string().max(2000).optional(),
      status: z
        .union([z.enum(CLAIM_STATUSES), z.literal("")])
        .optional()
        .transform((v) => v || undefined),
      rationale: z.string().max(5000).optional(),
      assigneeId: z.union([z.literal("keep"), z.string()]).optional(),
    }),
    z.object({ intent: z.literal("undo"), operationId: id }),
    z.object({
      intent: z.literal("preferences"),
      hidden: z.union([z.array(z.string()), z.string()]).optional(),
      density: z.string().optional(),
    }),
    z.object({ intent: z.literal("presence"), claimId: id }),
    z.object({
      intent: z.literal("add-source"),
      claimId: id,
      url: z.string({ error: "Enter the source's address" }).max(4000),
      stance: z.enum(STANCES, { error: "Choose supports, refutes or context" }),
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
      stance: z.enum(STANCES, { error: "Choose supports, refutes or context" }),
      quote: z.string().max(5000).optional(),
      note: z.string().max(5000).optional(),
    }),
    z.object({ intent: z.literal("remove-source"), linkId: id }),
  ],
  { error: "Unknown action" },
);

const CAPABILITY: Record<z.infer<typeof schema>["intent"], Capability> = {
  tag: "tagClaim",
  assign: "assignClaims",
  "bulk-preview": "bulkEdit",
  "bulk-apply": "bulkEdit",
  undo: "bulkEdit",
  preferences: "read",
  presence: "read",
  "add-source": "addSource",
  "edit-source": "addSource",
  "remove-source": "addSource",
};

export type ReviewActionResult =
  | {
      ok: true;
      intent: string;
      preview?: { matched: number; willChange: number };
      bulk?: { operationId: number; changed: number; undoUntil: string };
      undone?: { restored: number; skipped: number };
    }
  | ActionFailure;

/**
 * The review actions of the claims table and the claim page. The capability
 * depends on the intent, so the user's role is checked after reading the intent
 * and before anything else happens.
 */
export async function handleReviewAction(request: Request, slug: string | undefined, context: unknown) {
  const formData = await request.formData();
  const intentField = formData.get("intent");
  const intent = typeof intentField === "string" && intentField in CAPABILITY ? (intentField as keyof typeof CAPABILITY) : null;
  const auth = await requireProjectCapability(request, slug, intent ? CAPABILITY[intent] : "tagClaim");
  const parsed = parseFormData(formData, schema);
  if (!parsed.ok) {
    const isSource = intent === "add-source" || intent === "edit-source";
    return invalidForm(parsed.fieldErrors, { inputField: isSource ? "source" : undefined });
  }
  const input = parsed.data;
  const actor = actorOf(auth, context);
  const projectId = auth.project.id;
  try {
    switch (input.intent) {
      case "tag": {
        const claim = await tagClaim({
          projectId,
          claimId: input.claimId,
          status: input.status,
          rationale: input.rationale ?? null,
          expectedVersion: input.version,
          actor,
        });
        if (!claim) notFound("Claim not found.");
        return data<ReviewActionResult>({ ok: true, intent: "tag" });
      }
      case "assign": {
        const claim = await assignClaim({
          projectId,
          claimId: input.claimId,
          assigneeId: input.assigneeId ?? null,
          expectedVersion: input.version,
          actor,
        });
        if (!claim) notFound("Claim not found.");
        return data<ReviewActionResult>({ ok: true, intent: "assign" });
      }
      case "bulk-preview":
      case "bulk-apply": {
        const target =
          input.scope === "selected"
            ? { ids: input.ids ?? [] }
            : { query: parseClaimQuery(new URLSearchParams(input.search ?? "")), viewerId: auth.user.id };
        const assignee =
          input.assigneeId === undefined || input.assigneeId === "keep"
            ? undefined
            : input.assigneeId === "" || input.assigneeId === "none"
              ? null
              : Number(input.assigneeId);
        if (assignee !== undefined && assignee !== null && !Number.isInteger(assignee))
          throw new AppError("invalid_input", "Unknown assignee.");
        const change = { status: input.status, rationale: input.rationale ?? null, assigneeId: assignee };
        if (input.intent === "bulk-preview")
          return data<ReviewActionResult>({
            ok: true,
            intent: input.intent,
            preview: await previewBulkChange({ projectId, target, change }),
          });
        const result = await applyBulkChange({ projectId, target, change, actor });
        return data<ReviewActionResult>({ ok: true, intent: input.intent, bulk: { ...result, undoUntil: result.undoUntil.toISOString() } });
      }
      case "undo": {
        const undone = await undoBulkChange({ projectId, operationId: input.operationId, actor });
        if (!undone) notFound("Bulk change not found.");
        return data<ReviewActionResult>({ ok: true, intent: "undo", undone });
      }
      case "preferences": {
        const hidden = input.hidden === undefined ? [] : Array.isArray(input.hidden) ? input.hidden : [input.hidden];
        await setPreference({
          userId: auth.user.id,
          key: TABLE_PREFERENCES_KEY,
          value: tablePreferencesSchema.parse({ hidden, density: input.density }),
        });
        return data<ReviewActionResult>({ ok: true, intent: "preferences" });
      }
      case "add-source": {
        const link = await addExternalSource({
          projectId,
          claimId: input.claimId,
          source: {
            url: input.url,
            stance: input.stance,
            title: input.title,
            outlet: input.outlet,
            author: input.author,
            publishedAt: input.publishedAt,
            accessedAt: input.accessedAt,
            quote: input.quote,
            note: input.note,
          },
          actor,
        });
        if (!link) notFound("Claim not found.");
        return data<ReviewActionResult>({ ok: true, intent: "add-source" });
      }
      case "edit-source": {
        const link = await editSourceLink({
          projectId,
          linkId: input.linkId,
          change: { stance: input.stance, quote: input.quote ?? null, note: input.note ?? null },
          actor,
        });
        if (!link) notFound("Source link not found.");
        return data<ReviewActionResult>({ ok: true, intent: "edit-source" });
      }
      case "remove-source": {
        const link = await removeSourceLink({ projectId, linkId: input.linkId, actor });
        if (!link) notFound("Source link not found.");
        return data<ReviewActionResult>({ ok: true, intent: "remove-source" });
      }
      case "presence": {
        if (!(await markViewing({ projectId, claimId: input.claimId, userId: auth.user.id }))) notFound("Claim not found.");
        return data<ReviewActionResult>({ ok: true, intent: "presence" });
      }
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
    return actionFailure(error, { inputField: input.intent === "add-source" || input.intent === "edit-source" ? "source" : "rationale" });
  }
}
