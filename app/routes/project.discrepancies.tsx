import { Link } from "react-router";
import type { Route } from "./+types/project.discrepancies";
import { requireProjectCapability } from "../auth/guards.server";
import { HighlightedPassage } from "../components/suggestions";
import { EmptyState, MoreCoverage } from "../components/empty-state";
import { ProjectNav } from "../components/project-nav";
import { DETAIL_KIND_LABELS, valuesByKey } from "../lib/facts";
import { can } from "../lib/roles";
import { listFactDiscrepancies } from "../models/fact-discrepancies.server";
import { findDiscrepancies } from "../models/suggestion.server";
import { paths } from "../lib/paths";

export const meta = () => [{ title: "Discrepancies · Claimdesk" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role } = await requireProjectCapability(request, params.slug, "read");
  const [{ discrepancies, note, compared, considered }, facts] = await Promise.all([
    findDiscrepancies(project.id),
    listFactDiscrepancies(project.id),
  ]);
  return { project, role, discrepancies, note, compared, considered, facts, canImport: can(role, "importDocuments") };
}

export default function Discrepancies({ loaderData }: Route.ComponentProps) {
  const { project, role, discrepancies, note, compared, considered, facts, canImport } = loaderData;
  return (
    <section>
      <h1>{project.name}: discrepancies</h1>
      <ProjectNav slug={project.slug} role={role} />
      {facts.length === 0 && discrepancies.length === 0 && !note ? (
        <EmptyState title="No disagreements found" next={<MoreCoverage slug={project.slug} canImport={canImport} />}>
          A discrepancy appears when two articles state the same fact with different details: another amount, date, time or name.
        </EmptyState>
      ) : null}
      <h2>Facts the outlets disagree on</h2>
      {facts.length === 0 ? (
        <p>No fact is stated with different details.</p>
      ) : (
        <ul className="discrepancy-list" aria-label="Facts the outlets disagree on">
          {facts.map((fact) => (
            <li key={fact.factId} className="card">
              <p>
                <Link to={paths.fact(project.slug, fact.factId)}>{fact.label}</Link>
                <span className="meta">
                  {" "}
                  · fact {fact.factId}
                  {fact.withinOneArticle ? " · inside one article too" : ""}
                </span>
              </p>
              {fact.differences.map((difference) => (
                <dl key={difference.kind}>
                  <dt>{DETAIL_KIND_LABELS[difference.kind]}</dt>
                  {valuesByKey(difference.values).map(({ key, wordings, values }) => (
                    <dd key={key}>
                      <mark className="difference">{wordings.join(" / ")}</mark>
                      <ul className="difference-claims">
                        {values.map((value) => (
                          <li key={value.claimId}>
                            {value.outlet ?? value.documentTitle} ·{" "}
                            <Link to={paths.claim(project.slug, value.claimId)}>claim {value.claimId}</Link>{" "}
                            <span className={`status-badge status-${value.status}`}>{value.status}</span>
                          </li>
                        ))}
                      </ul>
                    </dd>
                  ))}
                </dl>
              ))}
            </li>
          ))}
        </ul>
      )}
      <h2>Passages that disagree, found by search</h2>
      <p className="meta">Facts stated differently by different articles of this project (among the 200 most check-worthy claims).</p>
      {note ? (
        <p role="status" className="alert alert-info">
          {note}
        </p>
      ) : null}
      {discrepancies.length === 0 ? (
        compared === 0 && considered > 0 ? null : (
          <p>
            {compared < considered
              ? `No disagreements found among the ${compared} claims compared so far.`
              : "No disagreements found between articles."}
          </p>
        )
      ) : (
        <ul className="discrepancy-list">
          {discrepancies.map(({ claim, passage }) => (
            <li key={`${claim.id}-${passage.documentId}-${passage.start}`} className="card">
              <p className="meta">{passage.differences.map((d) => `${d.kind}: ${d.here} ≠ ${d.there}`).join(" · ")}</p>
              <div className="discrepancy-pair">
                <blockquote>
                  <HighlightedPassage text={claim.text} marks={passage.differences.map((d) => d.here)} />
                  <footer>
                    <Link to={paths.document(project.slug, claim.documentId, { claim: claim.id })}>{claim.documentTitle}</Link> ·{" "}
                    <Link to={paths.claim(project.slug, claim.id)}>claim {claim.id}</Link>
                  </footer>
                </blockquote>
                <blockquote>
                  <HighlightedPassage text={passage.text} marks={passage.differences.map((d) => d.there)} />
                  <footer>
                    <Link to={paths.document(project.slug, passage.documentId)}>{passage.documentTitle}</Link>
                  </footer>
                </blockquote>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
