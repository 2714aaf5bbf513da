import { Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/project.claim";
import { notFound, requireProjectCapability } from "../auth/guards.server";
import { ReasonList, StatusBadge } from "../components/claim-summary";
import { ProjectNav } from "../components/project-nav";
import { getClaim } from "../models/claim.server";

export const meta = () => [{ title: "Claim · Claimdesk" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role } = await requireProjectCapability(request, params.slug, "read");
  const id = z.coerce.number().int().positive().safeParse(params.claimId);
  const claim = id.success ? await getClaim(project.id, id.data) : null;
  if (!claim) notFound("Claim not found.");
  return { project, role, claim };
}

export default function ClaimDetail({ loaderData }: Route.ComponentProps) {
  const { project, role, claim } = loaderData;
  return (
    <section>
      <ProjectNav slug={project.slug} role={role} />
      <h1>Claim {claim.id}</h1>
      <blockquote className="claim-quote">{claim.text}</blockquote>
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          <StatusBadge status={claim.status} />
          {claim.dismissed ? " (dismissed candidate)" : ""}
        </dd>
        <dt>Article</dt>
        <dd>
          <Link to={`/projects/${project.slug}/documents/${claim.document.id}?claim=${claim.id}`}>{claim.document.title}</Link>
          {claim.document.outlet ? ` (${claim.document.outlet})` : ""}
        </dd>
        <dt>Speaker</dt>
        <dd>{claim.speaker ?? "not stated"}</dd>
        <dt>Check-worthiness</dt>
        <dd>{claim.checkworthiness.toFixed(2)}</dd>
        <dt>Anchor</dt>
        <dd>{claim.anchorState === "anchored" ? `characters ${claim.start}–${claim.end}` : "needs re-anchoring: not found in the current version"}</dd>
        <dt>Origin</dt>
        <dd>{claim.origin === "manual" ? `added by ${claim.createdBy?.displayName ?? "a reviewer"}` : "extracted automatically"}</dd>
        <dt>Version</dt>
        <dd>{claim.version}</dd>
      </dl>
      <h2>Why it was picked</h2>
      <ReasonList reasons={claim.reasons} />
    </section>
  );
}
