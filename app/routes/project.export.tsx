import type { Route } from "./+types/project.export";
import { requireProjectCapability } from "../auth/guards.server";
import { ProjectNav } from "../components/project-nav";

export const meta = () => [{ title: "Export · Claimdesk" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role } = await requireProjectCapability(request, params.slug, "export");
  return { project, role };
}

export default function Export({ loaderData }: Route.ComponentProps) {
  const { project, role } = loaderData;
  return (
    <section>
      <h1>{project.name}: export</h1>
      <ProjectNav slug={project.slug} role={role} />
      <p>Report export is not available yet in this version of Claimdesk. The audit trail can already be verified with <code>claimdesk audit verify --project {project.slug}</code>.</p>
    </section>
  );
}
