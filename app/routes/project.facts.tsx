import { useEffect, useRef, useState } from "react";
import { Form, Link, useActionData, useNavigate, useNavigation } from "react-router";
import type { Route } from "./+types/project.facts";
import { actorOf } from "../auth/actor.server";
import { requireProjectCapability } from "../auth/guards.server";
import { EmptyState, MoreCoverage } from "../components/empty-state";
import { ProjectNav } from "../components/project-nav";
import { FACTS_FORM_CAPABILITY, factsFormSchema } from "../lib/fact-forms";
import { FACT_SORTS, FACT_STATUSES, type FactQuery, describeDifference, factQueryToSearch, parseFactQuery } from "../lib/facts";
import { actionSuccess, invalidForm, withAppErrors } from "../lib/action-result";
import { parseFormData } from "../lib/form";
import { paths } from "../lib/paths";
import { can } from "../lib/roles";
import { type GroupingOutcome, groupNewClaims, regroupFacts } from "../models/fact-grouping.server";
import { listFacts } from "../models/fact-list.server";

export const meta = () => [{ title: "Facts · Claimdesk" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role } = await requireProjectCapability(request, params.slug, "read");
  const query = parseFactQuery(new URL(request.url).searchParams);
  const page = await listFacts(project.id, query);
  return {
    project,
    role,
    query,
    ...page,
    canGroup: can(role, "tagClaim"),
    canRegroup: can(role, "editFacts"),
    canImport: can(role, "importDocuments"),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const formData = await request.formData();
  const intent = formData.get("intent");
  const capability = intent === "regroup" ? FACTS_FORM_CAPABILITY.regroup : FACTS_FORM_CAPABILITY.group;
  const auth = await requireProjectCapability(request, params.slug, capability);
  const parsed = parseFormData(formData, factsFormSchema);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors);
  const actor = actorOf(auth, context);
  return withAppErrors(async () => {
    const outcome: GroupingOutcome =
      parsed.data.intent === "regroup" ? await regroupFacts(auth.project.id, actor) : await groupNewClaims(auth.project.id);
    return actionSuccess({ outcome });
  });
}

const SORT_LABELS: Record<(typeof FACT_SORTS)[number], string> = {
  outlets: "Outlets",
  disagreement: "Disagreement",
  status: "Status",
  claims: "Claims",
  recent: "Newest",
};

export default function Facts({ loaderData }: Route.ComponentProps) {
  const { project, role, query, rows, total, ungrouped, canGroup, canRegroup, canImport } = loaderData;
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const navigate = useNavigate();
  const pages = Math.max(1, Math.ceil(total / query.size));
  const search = (change: Partial<FactQuery>) => factQueryToSearch({ ...query, ...change }) || "?";
  const table = useRef<HTMLTableSectionElement>(null);
  const [active, setActive] = useState(0);

  // Keyboard-first like the claims table: j/k (or arrows) move between facts, Enter opens one, / finds.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (event.metaKey || event.ctrlKey || event.altKey) return;
      if (event.key === "j" || event.key === "k") {
        event.preventDefault();
        const links = table.current?.querySelectorAll<HTMLAnchorElement>("a.fact-link") ?? [];
        const focused = [...links].indexOf(document.activeElement as HTMLAnchorElement);
        // The first key press goes to the highlighted fact; later ones move from the focused one.
        const next = focused === -1 ? active : Math.max(0, Math.min(rows.length - 1, focused + (event.key === "j" ? 1 : -1)));
        links[next]?.focus();
        setActive(next);
      } else if (event.key === "/") {
        event.preventDefault();
        document.getElementById("fact-search")?.focus();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [rows.length, active]);

  const message = result && !result.ok ? result.error : null;
  const done = result?.ok ? result : undefined;
  return (
    <section>
      <h1>{project.name}: facts</h1>
      <ProjectNav slug={project.slug} role={role} />
      <p className="meta">
        Claims of different articles (or of one article) that state the same thing, grouped as articles are imported. Keys: j and k move
        between facts, Enter opens one, / searches.
      </p>
      {ungrouped > 0 ? (
        <div className="card" role="status">
          <p>
            {ungrouped === 1 ? "1 claim is" : `${ungrouped} claims are`} in no fact yet (an article still being read, or grouping failed).
          </p>
          {canGroup ? (
            <Form method="post" action={paths.facts(project.slug, query)}>
              <button className="button" name="intent" value="group" disabled={navigation.state !== "idle"}>
                Group them now
              </button>
            </Form>
          ) : null}
        </div>
      ) : null}
      {message ? (
        <p role="alert" className="error">
          {message}
        </p>
      ) : null}
      {done ? (
        <p role="status">
          {done.outcome.grouped} claims placed: {done.outcome.joined} joined facts of other articles, {done.outcome.started} facts started.
        </p>
      ) : null}

      <Form
        method="get"
        className="filters"
        aria-label="Filter facts"
        onSubmit={(event) => {
          event.preventDefault();
          const fields = new URLSearchParams();
          for (const [key, value] of new FormData(event.currentTarget)) if (typeof value === "string") fields.append(key, value);
          navigate(factQueryToSearch({ ...parseFactQuery(fields), page: 1 }) || "?");
        }}
      >
        <fieldset>
          <legend>Verdict</legend>
          {FACT_STATUSES.map((status) => (
            <label key={status} className="checkbox-inline">
              <input type="checkbox" name="status" value={status} defaultChecked={query.status.includes(status)} /> {status}
            </label>
          ))}
        </fieldset>
        <label>
          Outlets at least{" "}
          <input name="minOutlets" type="number" min={1} max={1000} defaultValue={query.minOutlets} className="score-input" />
        </label>
        <label className="checkbox-inline">
          <input type="checkbox" name="differing" value="1" defaultChecked={query.differing === "1"} /> Outlets disagree
        </label>
        <label>
          Search <input id="fact-search" name="q" type="search" defaultValue={query.q ?? ""} />
        </label>
        <label>
          Sort{" "}
          <select name="sort" defaultValue={query.sort}>
            {FACT_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {SORT_LABELS[sort]}
              </option>
            ))}
          </select>
        </label>
        <button className="button" type="submit">
          Apply
        </button>
      </Form>

      <p className="meta" aria-live="polite">
        {total === 1 ? "1 fact" : `${total} facts`}
        {query.minOutlets > 1 ? ` stated by ${query.minOutlets} outlets or more` : ""}
      </p>
      <table className="data-table facts-table">
        <caption className="visually-hidden">Facts of this project</caption>
        <thead>
          <tr>
            <th scope="col">Fact</th>
            <th scope="col">Outlets</th>
            <th scope="col">Claims</th>
            <th scope="col">Verdict</th>
            <th scope="col">Outlets disagree on</th>
          </tr>
        </thead>
        <tbody ref={table}>
          {rows.map((fact, i) => (
            <tr key={fact.id} className={i === active ? "active" : undefined}>
              <td>
                <Link className="fact-link" to={paths.fact(project.slug, fact.id)} onFocus={() => setActive(i)}>
                  {fact.label}
                </Link>
                <span className="meta"> · fact {fact.id}</span>
              </td>
              <td>{fact.outlets}</td>
              <td>{fact.claims}</td>
              <td>
                <span className={`status-badge status-${fact.status === "mixed" ? "dismissed" : fact.status}`}>{fact.status}</span>
                {fact.status === "mixed" ? (
                  <span className="meta">
                    {" "}
                    {fact.counts.confirmed} confirmed, {fact.counts.disputed} disputed, {fact.counts.unverified} unverified
                  </span>
                ) : null}
              </td>
              <td>{fact.differences.length > 0 ? fact.differences.map(describeDifference).join("; ") : <span className="meta">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && factQueryToSearch({ ...query, page: 1 }) === "" ? (
        <EmptyState title="No facts yet" next={<MoreCoverage slug={project.slug} canImport={canImport} />}>
          A fact appears when claims state the same thing: in articles from different outlets, or a figure and its counter-figure in one
          article.
        </EmptyState>
      ) : rows.length === 0 ? (
        <p className="empty">No facts match these filters.</p>
      ) : null}
      <nav aria-label="Pages" className="pager">
        {query.page > 1 ? <Link to={search({ page: query.page - 1 })}>Previous page</Link> : null}
        <span className="meta">
          Page {query.page} of {pages}
        </span>
        {query.page < pages ? <Link to={search({ page: query.page + 1 })}>Next page</Link> : null}
      </nav>
      {canRegroup ? (
        <Form method="post" action={paths.facts(project.slug, query)} className="inline-form">
          <p className="meta">Grouping again applies the current rules to every claim; claims placed by hand stay where they are.</p>
          <button className="button" name="intent" value="regroup" disabled={navigation.state !== "idle"}>
            Group all facts again
          </button>
        </Form>
      ) : null}
    </section>
  );
}
