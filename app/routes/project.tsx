import type { Route } from "./+types/project";
import { requireProjectCapability } from "../auth/guards.server";
import { ProjectNav } from "../components/project-nav";
import { ROLE_LABELS } from "../lib/roles";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `${data?.project.name ?? "Project"} · Claimdesk` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role } = await requireProjectCapability(request, params.slug, "read");
  return { project, role };
}

export default function Project({ loaderData }: Route.ComponentProps) {
  const { project, role } = loaderData;
  return (
    <section>
      <h1>{project.name}</h1>
      <ProjectNav slug={project.slug} role={role} />
      {project.archivedAt ? <p className="alert alert-info">This project is archived.</p> : null}
      <p className="meta">Your role: {ROLE_LABELS[role]}</p>
      {project.description ? <p>{project.description}</p> : null}
    </section>
  );
}
