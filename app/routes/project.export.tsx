import { Form, Link } from "react-router";
import type { Route } from "./+types/project.export";
import { requireProjectCapability } from "../auth/guards.server";
import { ProjectNav } from "../components/project-nav";
import { CLAIM_STATUSES } from "../lib/claim-status";
import { offeredReviewStates, REVIEW_STATE_LABELS } from "../lib/review/review-state";
import { claimQueryToSearch, parseClaimQuery } from "../lib/claim-query";
import { searchClaims } from "../models/claim-search.server";
import { reviewStatesInUse } from "../models/review/progress.server";
import { paths } from "../lib/paths";

export const meta = () => [{ title: "Export · Claimdesk" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role, user } = await requireProjectCapability(request, params.slug, "export");
  const query = parseClaimQuery(new URL(request.url).searchParams);
  const [{ total }, inUse] = await Promise.all([
    searchClaims({ projectId: project.id, query: { ...query, size: 25, page: 1 }, viewerId: user.id }),
    project.secondReview ? Promise.resolve(new Set<never>()) : reviewStatesInUse(project.id),
  ]);
  const reviewStates = offeredReviewStates({ secondReview: project.secondReview, inUse });
  return { project, role, query, total, reviewStates, hasPublisher: Boolean(project.publisherName && project.publisherUrl) };
}

const FORMATS = [
  ["pdf", "PDF report (for people)"],
  ["html", "HTML report, self-contained (for people)"],
  ["csv", "CSV, one row per claim (spreadsheets)"],
  ["json", "JSON, full report with history (machines)"],
  ["claimreview", "schema.org ClaimReview JSON-LD (search engines, partners)"],
] as const;

export default function Export({ loaderData }: Route.ComponentProps) {
  const { project, role, query, total, reviewStates, hasPublisher } = loaderData;
  const carried = new URLSearchParams(claimQueryToSearch({ ...query, page: 1 }).replace(/^\?/, ""));
  return (
    <section>
      <h1>{project.name}: export</h1>
      <ProjectNav slug={project.slug} role={role} />
      <Form method="get" className="filters" aria-label="Claims to export">
        {/* The claims table's other filters (article, assignee, search...) stay as they came. */}
        {[...carried.entries()]
          .filter(([key]) => key !== "status" && key !== "review")
          .map(([key, value], i) => (
            <input key={`${key}-${i}`} type="hidden" name={key} value={value} />
          ))}
        <fieldset>
          <legend>Status</legend>
          {CLAIM_STATUSES.map((status) => (
            <label key={status} className="checkbox-inline">
              <input type="checkbox" name="status" value={status} defaultChecked={query.status.includes(status)} /> {status}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Review state</legend>
          {reviewStates.map((state) => (
            <label key={state} className="checkbox-inline">
              <input type="checkbox" name="review" value={state} defaultChecked={query.review?.includes(state) ?? false} />{" "}
              {REVIEW_STATE_LABELS[state]}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="button small">
          Apply filters
        </button>
      </Form>
      <p>
        {total} claims match{" "}
        {carried.toString() ? (
          <>
            the current filters (<Link to={paths.claims(project.slug, query)}>see them</Link>)
          </>
        ) : (
          "(all claims of the project)"
        )}
        .
      </p>
      <Form method="post" action={paths.exportDownload(project.slug)} reloadDocument className="card" aria-label="Download a report">
        {[...carried.entries()].map(([key, value], i) => (
          <input key={`${key}-${i}`} type="hidden" name={key} value={value} />
        ))}
        <fieldset>
          <legend>Format</legend>
          {FORMATS.map(([value, label]) => (
            <label key={value} className="format-option">
              <input
                type="radio"
                name="format"
                value={value}
                defaultChecked={value === "pdf"}
                disabled={value === "claimreview" && !hasPublisher}
              />{" "}
              {label}
              {value === "claimreview" && !hasPublisher ? (
                <span className="meta"> (set the publisher in the project settings first)</span>
              ) : null}
            </label>
          ))}
        </fieldset>
        <div className="field checkbox">
          <input id="export-bom" type="checkbox" name="bom" value="on" />
          <label htmlFor="export-bom">Add a byte-order mark to CSV (for Excel)</label>
        </div>
        <div className="field checkbox">
          <input id="export-comments" type="checkbox" name="comments" value="on" />
          <label htmlFor="export-comments">Include each claim's discussion (PDF, HTML and JSON)</label>
        </div>
        <div className="field checkbox">
          <input id="export-group-by-fact" type="checkbox" name="groupByFact" value="on" aria-describedby="export-group-by-fact-hint" />
          <label htmlFor="export-group-by-fact">Group claims by fact</label>
        </div>
        <p id="export-group-by-fact-hint" className="hint checkbox-hint">
          PDF and HTML: one section per fact with each outlet's version side by side. CSV and JSON keep one row per claim with its fact.
        </p>
        <button type="submit" className="button primary">
          Download report
        </button>
        <p className="hint">
          Each export is recorded in the audit trail. Reports end with the trail's head hash; check it with{" "}
          <code>claimdesk audit verify --project {project.slug}</code>.
        </p>
      </Form>
    </section>
  );
}
