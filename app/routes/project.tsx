import { Link } from "react-router";
import type { Route } from "./+types/project";
import { requireProjectCapability } from "../auth/guards.server";
import { EmptyState, ImportFirstArticles } from "../components/empty-state";
import { ProjectNav } from "../components/project-nav";
import { ROLE_LABELS, can } from "../lib/roles";
import { countClaimsByProject } from "../models/claim-counts.server";
import { hasClaimsNeedingReanchoring } from "../models/claim.server";
import { countDocuments } from "../models/document.server";
import { projectProgress } from "../models/review/progress.server";
import { ProgressDashboard } from "../components/review/progress-dashboard";
import { paths } from "../lib/paths";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `${data?.project.name ?? "Project"} · Claimdesk` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role } = await requireProjectCapability(request, params.slug, "read");
  const [counts, documents, needsReanchoring, progress] = await Promise.all([
    countClaimsByProject([project.id]),
    countDocuments(project.id),
    hasClaimsNeedingReanchoring(project.id),
    projectProgress({ projectId: project.id, timeZone: project.timeZone }),
  ]);
  return {
    project,
    role,
    counts: counts.get(project.id)!,
    documents,
    needsReanchoring,
    canImport: can(role, "importDocuments"),
    progress,
  };
}

export default function Project({ loaderData }: Route.ComponentProps) {
  const { project, role, counts, documents, needsReanchoring, canImport, progress } = loaderData;
  return (
    <section>
      <h1>{project.name}</h1>
      <ProjectNav slug={project.slug} role={role} />
      {project.archivedAt ? <p className="alert alert-info">This project is archived.</p> : null}
      <p className="meta">Your role: {ROLE_LABELS[role]}</p>
      {project.description ? <p>{project.description}</p> : null}
      {documents === 0 ? (
        <EmptyState title="No articles yet" next={<ImportFirstArticles slug={project.slug} canImport={canImport} />}>
          Import the articles to check; their claims are picked out for review.
        </EmptyState>
      ) : null}
      <ul className="stat-list" aria-label="Claims by status">
        <li>
          <Link to={paths.documents(project.slug)}>
            <strong>{documents}</strong> articles
          </Link>
        </li>
        {(["unverified", "confirmed", "disputed"] as const).map((status) => (
          <li key={status} className={`status-${status}`}>
            <Link to={paths.claims(project.slug, { status: [status] })}>
              <strong>{counts[status]}</strong> {status}
            </Link>
          </li>
        ))}
      </ul>
      {needsReanchoring ? (
        <p className="alert alert-info">
          Some claims could not be placed in a new version of their article.{" "}
          <Link to={paths.claims(project.slug, { reanchor: "1" })}>Review claims that need re-anchoring</Link>.
        </p>
      ) : null}
      {documents > 0 ? (
        <ProgressDashboard progress={progress} claimsPath={paths.claims(project.slug)} secondReview={project.secondReview} />
      ) : null}
    </section>
  );
}
