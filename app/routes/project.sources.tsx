import { Link } from "react-router";
import type { Route } from "./+types/project.sources";
import { formatDate } from "../lib/datetime";
import { requireProjectCapability } from "../auth/guards.server";
import { ProjectNav } from "../components/project-nav";
import { listProjectSources } from "../models/source.server";
import { paths } from "../lib/paths";

export const meta = () => [{ title: "Sources · Claimdesk" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role } = await requireProjectCapability(request, params.slug, "read");
  return { project, role, sources: await listProjectSources(project.id) };
}

export default function Sources({ loaderData }: Route.ComponentProps) {
  const { project, role, sources } = loaderData;
  return (
    <section>
      <h1>{project.name}: sources</h1>
      <ProjectNav slug={project.slug} role={role} />
      {sources.length === 0 ? (
        <p>No sources linked yet. Link them from a claim.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Sources of this project</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Outlet</th>
              <th scope="col">Claims</th>
              <th scope="col">Supports</th>
              <th scope="col">Refutes</th>
              <th scope="col">Context</th>
              <th scope="col">Added</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.id}>
                <td>
                  {source.document ? (
                    <Link to={paths.document(project.slug, source.document.id)}>{source.title ?? "Imported article"}</Link>
                  ) : (
                    <a href={source.url ?? "#"} rel="noopener noreferrer nofollow" target="_blank">
                      {source.title ?? source.url}
                    </a>
                  )}
                  {source.url && source.title ? <div className="meta">{source.url}</div> : null}
                </td>
                <td>{source.outlet ?? "—"}</td>
                <td>{source.claims}</td>
                <td>{source.supports}</td>
                <td>{source.refutes}</td>
                <td>{source.context}</td>
                <td className="meta">{formatDate(source.createdAt, project.timeZone)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
