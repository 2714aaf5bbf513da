import { useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/project.claim";
import { notFound, requireProjectCapability } from "../auth/guards.server";
import { ClaimDetails } from "../components/claim-details";
import { ProjectNav } from "../components/project-nav";
import { describeClaimEvent } from "../lib/history";
import { can } from "../lib/roles";
import { claimForReview } from "../models/claim.server";
import { assignableMembers } from "../models/claim-assignment.server";
import { claimHistory } from "../models/claim-history.server";
import { viewersOf } from "../models/claim-presence.server";
import { listClaimSources } from "../models/source.server";
import { handleReviewAction } from "../services/review-actions.server";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Claim ${data?.claim.id ?? ""} · Claimdesk` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role, user } = await requireProjectCapability(request, params.slug, "read");
  const id = z.coerce.number().int().positive().safeParse(params.claimId);
  const claim = id.success ? await claimForReview(project.id, id.data) : null;
  if (!claim) notFound("Claim not found.");
  const [events, members, viewers, sources] = await Promise.all([
    claimHistory(project.id, claim.id),
    assignableMembers(project.id),
    viewersOf(claim.id, user.id),
    listClaimSources(project.id, claim.id),
  ]);
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  const history = events.map((event) => ({
    id: event.id,
    at: event.createdAt.toISOString(),
    who: event.actorName ?? "system",
    what: describeClaimEvent(event.action, JSON.parse(event.details) as Record<string, unknown>, names),
  }));
  return {
    project,
    role,
    claim,
    history,
    members,
    viewers: viewers.map((v) => v.user.displayName),
    sources: sources.map((link) => ({
      id: link.id,
      stance: link.stance,
      quote: link.quote,
      note: link.note,
      addedBy: link.addedBy?.displayName ?? null,
      addedAt: link.addedAt.toISOString(),
      source: {
        id: link.source.id,
        url: link.source.url,
        title: link.source.title,
        outlet: link.source.outlet,
        author: link.source.author,
        publishedAt: link.source.publishedAt?.toISOString() ?? null,
        accessedAt: link.source.accessedAt?.toISOString() ?? null,
        documentId: link.source.documentId,
      },
    })),
    requireSource: project.requireSourceForVerdict,
    canAddSource: can(role, "addSource"),
    canTag: can(role, "tagClaim"),
    canAssign: can(role, "assignClaims"),
  };
}

export type ClaimLoaderData = Awaited<ReturnType<typeof loader>>;

export async function action({ request, params, context }: Route.ActionArgs) {
  return handleReviewAction(request, params.slug, context);
}

export default function ClaimPage({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const failure = actionData?.ok === false ? actionData : null;
  return (
    <section>
      <ProjectNav slug={loaderData.project.slug} role={loaderData.role} />
      <h1>Claim {loaderData.claim.id}</h1>
      {failure && !failure.fieldErrors.rationale ? (
        <p className="alert alert-error" role="alert">
          {failure.error}
        </p>
      ) : null}
      <ClaimDetails data={loaderData} error={failure?.fieldErrors.rationale} sourceError={failure?.fieldErrors.source} />
    </section>
  );
}
