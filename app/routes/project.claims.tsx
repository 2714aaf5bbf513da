import { Form, Link } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/project.claims";
import { requireProjectCapability } from "../auth/guards.server";
import { StatusBadge } from "../components/claim-summary";
import { ProjectNav } from "../components/project-nav";
import { CLAIM_STATUSES } from "../lib/claim-status";
import { listClaims } from "../models/claim.server";

export const meta = () => [{ title: "Claims · Claimdesk" }];

const PAGE_SIZE = 100;
const filterSchema = z.object({
  status: z.array(z.enum(CLAIM_STATUSES)).catch([]),
  dismissed: z.literal("1").optional().catch(undefined),
  reanchor: z.literal("1").optional().catch(undefined),
  page: z.coerce.number().int().min(1).catch(1),
});

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role } = await requireProjectCapability(request, params.slug, "read");
  const url = new URL(request.url);
  const filter = filterSchema.parse({
    status: url.searchParams.getAll("status"),
    dismissed: url.searchParams.get("dismissed") ?? undefined,
    reanchor: url.searchParams.get("reanchor") ?? undefined,
    page: url.searchParams.get("page") ?? 1,
  });
  const claims = await listClaims(
    project.id,
    { statuses: filter.status, includeDismissed: filter.dismissed === "1", needsReanchoring: filter.reanchor === "1" },
    { take: PAGE_SIZE + 1, skip: (filter.page - 1) * PAGE_SIZE },
  );
  return { project, role, filter, claims: claims.slice(0, PAGE_SIZE), hasMore: claims.length > PAGE_SIZE };
}

export default function Claims({ loaderData }: Route.ComponentProps) {
  const { project, role, filter, claims, hasMore } = loaderData;
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    for (const s of filter.status) params.append("status", s);
    if (filter.dismissed) params.set("dismissed", "1");
    if (filter.reanchor) params.set("reanchor", "1");
    params.set("page", String(page));
    return `?${params}`;
  };
  return (
    <section>
      <h1>{project.name}: claims</h1>
      <ProjectNav slug={project.slug} role={role} />
      <Form method="get" className="filters" aria-label="Filter claims">
        <fieldset>
          <legend>Status</legend>
          {CLAIM_STATUSES.map((status) => (
            <label key={status} className="checkbox-inline">
              <input type="checkbox" name="status" value={status} defaultChecked={filter.status.includes(status)} /> {status}
            </label>
          ))}
        </fieldset>
        <label className="checkbox-inline">
          <input type="checkbox" name="dismissed" value="1" defaultChecked={filter.dismissed === "1"} /> Include dismissed candidates
        </label>
        <label className="checkbox-inline">
          <input type="checkbox" name="reanchor" value="1" defaultChecked={filter.reanchor === "1"} /> Only claims needing re-anchoring
        </label>
        <button type="submit" className="button small">
          Apply filters
        </button>
      </Form>
      {claims.length === 0 ? (
        <p>No claims match.</p>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Claims</caption>
          <thead>
            <tr>
              <th scope="col">Claim</th>
              <th scope="col">Speaker</th>
              <th scope="col">Score</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((claim) => (
              <tr key={claim.id}>
                <td>
                  <Link to={`/projects/${project.slug}/claims/${claim.id}`}>{claim.text}</Link>
                  <div className="meta">
                    in <Link to={`/projects/${project.slug}/documents/${claim.documentId}?claim=${claim.id}`}>{claim.document.title}</Link>
                    {claim.anchorState === "needs_reanchoring" ? " · needs re-anchoring" : ""}
                    {claim.dismissed ? " · dismissed candidate" : ""}
                  </div>
                </td>
                <td>{claim.speaker ?? "—"}</td>
                <td>{claim.checkworthiness.toFixed(2)}</td>
                <td>
                  <StatusBadge status={claim.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <nav aria-label="Pages" className="pager">
        {filter.page > 1 ? <Link to={pageLink(filter.page - 1)}>Previous page</Link> : null}
        {hasMore ? <Link to={pageLink(filter.page + 1)}>Next page</Link> : null}
      </nav>
    </section>
  );
}
