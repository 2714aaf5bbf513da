import { useActionData } from "react-router";
import type { Route } from "./+types/project.claims";
import { requireProjectCapability } from "../auth/guards.server";
import { ClaimsTable } from "../components/claims-table";
import { ProjectNav } from "../components/project-nav";
import { parseClaimQuery } from "../lib/claim-query";
import { can } from "../lib/roles";
import { assignableMembers } from "../models/claim-assignment.server";
import { searchClaims } from "../models/claim-search.server";
import { getPreference } from "../models/user-preference.server";
import { documentFilterOptions } from "../models/document.server";
import { TABLE_PREFERENCES_KEY, handleReviewAction, tablePreferencesSchema } from "../services/review-actions.server";

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
    rows: result.rows.map((row) => ({ ...row, lastChangedAt: row.lastChangedAt.toISOString() })),
    total: result.total,
    counts: result.counts,
    documents: documents.options,
    documentsComplete: documents.complete,
    members,
    preferences: tablePreferencesSchema.parse(preferences ?? {}),
    canTag: can(role, "tagClaim"),
    canBulk: can(role, "bulkEdit"),
    canAssign: can(role, "assignClaims"),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  return handleReviewAction(request, params.slug, context);
}

export default function Claims({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  return (
    <section>
      <h1>{loaderData.project.name}: claims</h1>
      <ProjectNav slug={loaderData.project.slug} role={loaderData.role} />
      <ClaimsTable data={loaderData} actionError={actionData && !actionData.ok ? actionData.error : null} />
    </section>
  );
}

export type ClaimsLoaderData = Awaited<ReturnType<typeof loader>>;
