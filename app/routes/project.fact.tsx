import { Form, Link, redirect, useActionData, useNavigation } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/project.fact";
import { actorOf } from "../auth/actor.server";
import { notFound, requireProjectCapability } from "../auth/guards.server";
import { FactVersions, moveFormId } from "../components/fact-versions";
import { ProjectNav } from "../components/project-nav";
import { CLAIM_STATUSES } from "../lib/claim-status";
import { FACT_FORM_CAPABILITY, SOURCE_STANCES, factFormSchema, parseFactNumbers, parseVersions } from "../lib/fact-forms";
import { actionFailure, actionSuccess, invalidForm, withAppErrors } from "../lib/action-result";
import { AppError } from "../lib/app-error";
import { describeDifference } from "../lib/facts";
import { parseFormData } from "../lib/form";
import { paths } from "../lib/paths";
import { can } from "../lib/roles";
import { getFact } from "../models/fact-detail.server";
import { mergeFacts, moveClaimToFact, setFactLabel, splitFact } from "../models/fact-edit.server";
import { type FactVerdictOutcome, tagFact } from "../models/fact-verdict.server";

/** A field the form got wrong, shown beside it. */
const fieldFailure = (field: string, message: string) => actionFailure(new AppError("invalid_input", message, { field }));
const success = (intent: string, outcome?: FactVerdictOutcome) => actionSuccess({ intent, outcome });

const factIdParam = z.coerce.number().int().positive();

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Fact ${data?.fact.id ?? ""} · Claimdesk` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role } = await requireProjectCapability(request, params.slug, "read");
  const id = factIdParam.safeParse(params.factId);
  const fact = id.success ? await getFact(project.id, id.data) : null;
  if (!fact) notFound("Fact not found.");
  return {
    project,
    role,
    fact,
    requireSource: project.requireSourceForVerdict,
    canTag: can(role, "tagClaim"),
    canEdit: can(role, "editFacts"),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const formData = await request.formData();
  const intent = String(formData.get("intent") ?? "");
  const capability = intent in FACT_FORM_CAPABILITY ? FACT_FORM_CAPABILITY[intent as keyof typeof FACT_FORM_CAPABILITY] : "editFacts";
  const auth = await requireProjectCapability(request, params.slug, capability);
  const factId = factIdParam.safeParse(params.factId);
  if (!factId.success) notFound("Fact not found.");
  const parsed = parseFormData(formData, factFormSchema);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors);
  const input = parsed.data;
  const projectId = auth.project.id;
  const actor = actorOf(auth, context);
  return withAppErrors(async () => {
    switch (input.intent) {
      case "tag": {
        if (input.sourceUrl && !input.stance) return fieldFailure("stance", "Choose the source's stance.");
        const outcome = await tagFact({
          projectId,
          actor,
          factId: factId.data,
          status: input.status,
          rationale: input.rationale ?? null,
          claimIds: input.claimIds,
          versions: parseVersions(input.versions),
          source: input.sourceUrl && input.stance ? { url: input.sourceUrl, stance: input.stance, quote: input.quote ?? null } : undefined,
        });
        if (!outcome) notFound("Fact not found.");
        return success(input.intent, outcome);
      }
      case "label":
        await setFactLabel({ projectId, factId: factId.data, label: input.label ?? null, actor });
        return success(input.intent);
      case "split": {
        const result = await splitFact({ projectId, factId: factId.data, claimIds: input.claimIds, actor });
        return redirect(paths.fact(auth.project.slug, result.factId));
      }
      case "merge": {
        const from = parseFactNumbers(input.from);
        if (!from) return fieldFailure("from", "Enter fact numbers, separated by commas.");
        await mergeFacts({ projectId, into: factId.data, from, actor });
        return success(input.intent);
      }
      case "move": {
        const to = input.to.trim().toLowerCase() === "new" ? null : parseFactNumbers(input.to);
        if (to !== null && to.length !== 1) return fieldFailure("to", "Enter one fact number, or new.");
        const result = await moveClaimToFact({ projectId, claimId: input.claimId, to: to === null ? null : to[0]!, actor });
        return redirect(paths.fact(auth.project.slug, result.factId));
      }
    }
  });
}

export default function Fact({ loaderData }: Route.ComponentProps) {
  const { project, role, fact, requireSource, canTag, canEdit } = loaderData;
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const message = result && !result.ok ? result.error : null;
  const fieldErrors = result && !result.ok ? result.fieldErrors : {};
  const tagged = result && result.ok && result.intent === "tag" ? result.outcome : undefined;
  const differing = fact.versions.filter((v) => !v.sameAsLabel);
  return (
    <section>
      <p className="meta">
        <Link to={paths.facts(project.slug)}>Facts</Link> · fact {fact.id}
      </p>
      <h1>{fact.label}</h1>
      <ProjectNav slug={project.slug} role={role} />
      <p className="meta">
        Stated by {fact.outlets === 1 ? "1 outlet" : `${fact.outlets} outlets`} in {fact.versions.length} claims · verdict{" "}
        <span className={`status-badge status-${fact.status === "mixed" ? "dismissed" : fact.status}`}>{fact.status}</span>
        {fact.labelWritten ? " · label written by an editor" : ""}
      </p>
      {fact.differences.length > 0 ? (
        <p className="fact-differences">
          <strong>The versions differ on</strong> {fact.differences.map(describeDifference).join("; ")}
        </p>
      ) : (
        <p className="meta">The versions agree on every detail read (amounts, counts, dates, times, names).</p>
      )}
      {message ? (
        <p role="alert" className="error">
          {message}
        </p>
      ) : null}
      {tagged ? (
        <div role="status" className="card">
          <p>
            {tagged.applied.length === 1 ? "1 claim" : `${tagged.applied.length} claims`} marked
            {tagged.unchanged.length > 0 ? `, ${tagged.unchanged.length} already so` : ""}.
          </p>
          {tagged.refused.map((r) => (
            <p key={r.claimId}>
              Claim {r.claimId} not changed: {r.reason}
            </p>
          ))}
        </div>
      ) : null}

      <Form method="post" action={paths.fact(project.slug, fact.id)} aria-label="Verdict for the fact">
        <FactVersions slug={project.slug} fact={fact} selectable={canTag || canEdit} canMove={canEdit} />
        {differing.length > 0 && canTag ? (
          <p className="meta">
            {differing.length === 1 ? "1 claim states" : `${differing.length} claims state`} other details than the fact&apos;s label: left
            unticked for their own decision. Tick them to apply the verdict anyway, or give them a different verdict on their own.
          </p>
        ) : null}
        {canTag ? (
          <fieldset className="fact-verdict">
            <legend>Verdict for the ticked claims</legend>
            <label>
              Verdict{" "}
              <select name="status" defaultValue="confirmed" aria-invalid={fieldErrors.status ? true : undefined}>
                {CLAIM_STATUSES.map((status) => (
                  <option key={status} value={status}>
                    {status}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Rationale <textarea name="rationale" rows={2} cols={60} aria-describedby="fact-rationale-help" />
            </label>
            <span id="fact-rationale-help" className="meta">
              Needed for confirmed or disputed.
            </span>
            <details open={requireSource}>
              <summary>Source for every ticked claim{requireSource ? " (the project needs one for a verdict)" : ""}</summary>
              <label>
                Address <input name="sourceUrl" type="url" size={50} aria-invalid={fieldErrors.sourceUrl ? true : undefined} />
              </label>
              <label>
                Stance{" "}
                <select name="stance" defaultValue="" aria-invalid={fieldErrors.stance ? true : undefined}>
                  <option value="">Choose</option>
                  {SOURCE_STANCES.map((stance) => (
                    <option key={stance} value={stance}>
                      {stance}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Quote <input name="quote" size={50} />
              </label>
            </details>
            {fieldErrors.claimIds ? <p className="error">{fieldErrors.claimIds}</p> : null}
            <button className="button primary" name="intent" value="tag" disabled={busy}>
              Give the verdict
            </button>
            {canEdit ? (
              <button className="button" name="intent" value="split" disabled={busy}>
                Split the ticked claims into a new fact
              </button>
            ) : null}
          </fieldset>
        ) : null}
      </Form>
      {canEdit
        ? fact.versions.map((version) => (
            <Form key={version.claimId} method="post" id={moveFormId(version.claimId)} hidden>
              <input type="hidden" name="intent" value="move" />
              <input type="hidden" name="claimId" value={version.claimId} />
            </Form>
          ))
        : null}

      {canEdit ? (
        <div className="fact-edit">
          <Form method="post" action={paths.fact(project.slug, fact.id)} className="inline-form" aria-label="Label of the fact">
            <input type="hidden" name="intent" value="label" />
            <label>
              Label <input name="label" size={60} maxLength={500} defaultValue={fact.labelWritten ? fact.label : ""} />
            </label>
            <button className="button" disabled={busy}>
              Save label
            </button>
            <span className="meta"> Leave empty to show the clearest claim.</span>
          </Form>
          <Form method="post" action={paths.fact(project.slug, fact.id)} className="inline-form" aria-label="Merge facts into this one">
            <input type="hidden" name="intent" value="merge" />
            <label>
              Merge facts <input name="from" size={20} placeholder="12, 15" aria-invalid={fieldErrors.from ? true : undefined} />
            </label>
            <button className="button" disabled={busy}>
              Merge into this fact
            </button>
          </Form>
        </div>
      ) : null}
    </section>
  );
}
