import { useActionData } from "react-router";
import type { Route } from "./+types/project.claims";
import { actorOf } from "../auth/actor.server";
import { notFound, requireProjectCapability } from "../auth/guards.server";
import { ClaimsTable } from "../components/claims-table/claims-table";
import { EmptyState, ImportFirstArticles } from "../components/empty-state";
import { ProjectNav } from "../components/project-nav";
import { actionSuccess, invalidForm, revalidateAfterStaleWrite, withAppErrors } from "../lib/action-result";
import { AppError } from "../lib/app-error";
import { parseClaimQuery } from "../lib/claim-query";
import { parseFormData } from "../lib/form";
import { TABLE_FORM_CAPABILITY, bulkAssignee, capabilityOfForm, tableFormSchema } from "../lib/review-forms";
import { TABLE_PREFERENCES_KEY, tablePreferencesSchema } from "../lib/table-preferences";
import type { ClaimsPage } from "../lib/review-types";
import { can } from "../lib/roles";
import { assignableMembers } from "../models/claim-assignment.server";
import { searchClaims } from "../models/claim-search.server";
import { getPreference, setPreference } from "../models/user-preference.server";
import { applyBulkChange, previewBulkChange, undoBulkChange } from "../models/bulk-change.server";
import { approveClaims } from "../models/review/sign-off.server";
import { documentFilterOptions } from "../models/document.server";

// A verdict refused as stale (from a row or the panel) reloads the rows, so they show the other person's change.
export const shouldRevalidate = revalidateAfterStaleWrite;

export const meta = () => [{ title: "Claims · Claimdesk" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role, user } = await requireProjectCapability(request, params.slug, "read");
  const query = parseClaimQuery(new URL(request.url).searchParams);
  const [result, documents, members, preferences] = await Promise.all([
    searchClaims({ projectId: project.id, query, viewerId: user.id }),
    documentFilterOptions(project.id, query.document),
    assignableMembers(project.id),
    getPreference(user.id, TABLE_PREFERENCES_KEY),
  ]);
  return {
    project,
    role,
    query,
    viewerId: user.id,
    rows: result.rows.map((row) => ({
      ...row,
      lastChangedAt: row.lastChangedAt.toISOString(),
      decision: row.decision && { ...row.decision, at: row.decision.at.toISOString() },
    })),
    total: result.total,
    counts: result.counts,
    documents: documents.options,
    documentsComplete: documents.complete,
    members,
    preferences: tablePreferencesSchema.parse(preferences ?? {}),
    canTag: can(role, "tagClaim"),
    canBulk: can(role, "bulkEdit"),
    canAssign: can(role, "assignClaims"),
    canImport: can(role, "importDocuments"),
    secondReview: project.secondReview,
    canApprove: can(role, "approve"),
    // The filter's options tell whether any article is there (more than it lists when incomplete): no count query of its own.
    hasDocuments: !documents.complete || documents.options.length > 0,
  } satisfies ClaimsPage;
}

// The table's own forms: bulk change (preview and apply), its undo, bulk approval and the saved view.
// Verdicts and assignments from a row or the side panel post to the claim's route.
export async function action({ request, params, context }: Route.ActionArgs) {
  const formData = await request.formData();
  const auth = await requireProjectCapability(request, params.slug, capabilityOfForm(formData, TABLE_FORM_CAPABILITY, "tagClaim"));
  const parsed = parseFormData(formData, tableFormSchema);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors);
  const input = parsed.data;
  const projectId = auth.project.id;
  const actor = actorOf(auth, context);
  return withAppErrors(
    async () => {
      switch (input.intent) {
        case "bulk-preview":
        case "bulk-apply": {
          const target = bulkTarget(input, auth.user.id);
          const assigneeId = bulkAssignee(input.assigneeId);
          if (assigneeId !== undefined && assigneeId !== null && !Number.isInteger(assigneeId))
            throw new AppError("invalid_input", "Unknown assignee.");
          const change = { status: input.status, rationale: input.rationale ?? null, assigneeId };
          if (input.intent === "bulk-preview")
            return actionSuccess({ intent: input.intent, preview: await previewBulkChange({ projectId, target, change }) });
          const result = await applyBulkChange({ projectId, target, change, actor });
          return actionSuccess({ intent: input.intent, bulk: { ...result, undoUntil: result.undoUntil.toISOString() } });
        }
        case "approve-preview":
        case "approve-apply": {
          const target = bulkTarget(input, auth.user.id);
          const approval = await approveClaims({ projectId, target, actor, preview: input.intent === "approve-preview" });
          return actionSuccess({ intent: input.intent, approval });
        }
        case "undo": {
          const undone = await undoBulkChange({ projectId, operationId: input.operationId, actor });
          if (!undone) notFound("Bulk change not found.");
          return actionSuccess({ intent: input.intent, undone });
        }
        case "preferences": {
          const hidden = input.hidden === undefined ? [] : Array.isArray(input.hidden) ? input.hidden : [input.hidden];
          const value = tablePreferencesSchema.parse({ hidden, density: input.density, advance: input.advance === "on" });
          await setPreference({ userId: auth.user.id, key: TABLE_PREFERENCES_KEY, value });
          return actionSuccess({ intent: input.intent });
        }
      }
    },
    { inputField: "rationale" },
  );
}

/** The claims a bulk form names: those selected, or every claim matching the filters it carries. */
function bulkTarget(input: { scope: "selected" | "filter"; ids?: number[]; search?: string }, viewerId: number) {
  return input.scope === "selected"
    ? { ids: input.ids ?? [] }
    : { query: parseClaimQuery(new URLSearchParams(input.search ?? "")), viewerId };
}

export default function Claims({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <h1>{loaderData.project.name}: claims</h1>
      <ProjectNav slug={loaderData.project.slug} role={loaderData.role} />
      {!loaderData.hasDocuments ? (
        <EmptyState title="No claims yet" next={<ImportFirstArticles slug={loaderData.project.slug} canImport={loaderData.canImport} />}>
          Claims are picked out of the articles imported into this project.
        </EmptyState>
      ) : (
        <ClaimsTable data={loaderData} actionError={actionData && !actionData.ok ? actionData.error : null} />
      )}
    </section>
  );
}
