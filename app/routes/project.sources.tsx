import type { Route } from "./+types/project.sources";
import { requireProjectCapability } from "../auth/guards.server";
import { ProjectNav } from "../components/project-nav";

export const meta = () => [{ title: "Sources · Claimdesk" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role } = await requireProjectCapability(request, params.slug, "read");
  return { project, role };
}

export default function Sources({ loaderData }: Route.ComponentProps) {
  const { project, role } = loaderData;
  return (
    <section>
      <h1>{project.name}: sources</h1>
      <ProjectNav slug={project.slug} role={role} />
      <p>Linking sources to claims is not available yet in this version of Claimdesk.</p>
    </section>
  );
}
