import { Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/project.sources";
import { formatDate } from "../lib/datetime";
import { requireProjectCapability } from "../auth/guards.server";
import { EmptyState } from "../components/empty-state";
import { ProjectNav } from "../components/project-nav";
import { listProjectSources } from "../models/source.server";
import { paths } from "../lib/paths";

export const meta = () => [{ title: "Sources · Claimdesk" }];

const searchSchema = z.string().trim().max(200).catch("");

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role } = await requireProjectCapability(request, params.slug, "read");
  const q = searchSchema.parse(new URL(request.url).searchParams.get("q") ?? "");
  return { project, role, q, sources: await listProjectSources(project.id, { q }) };
}

export default function Sources({ loaderData }: Route.ComponentProps) {
  const { project, role, q, sources } = loaderData;
  return (
    <section>
      <h1>{project.name}: sources</h1>
      <ProjectNav slug={project.slug} role={role} />
      <Form method="get" action={paths.sources(project.slug)} role="search" className="inline-form">
        <label>
          Search sources{" "}
          <input type="search" name="q" defaultValue={q} maxLength={200} placeholder='title, outlet, article text, "a phrase"' />
        </label>{" "}
        <button type="submit">Search</button>
        {q ? <Link to={paths.sources(project.slug)}>Clear</Link> : null}
      </Form>
      {sources.length === 0 ? (
        q ? (
          <p>No source matches “{q}”.</p>
        ) : (
          <EmptyState title="No sources yet" next={<Link to={`/projects/${project.slug}/claims`}>Open the claims</Link>}>
            A source is linked from a claim: an address with the quote and whether it supports or refutes it, or a passage found in another
            article.
          </EmptyState>
        )
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
