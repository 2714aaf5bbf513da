import { data, Form, redirect, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/project.settings";
import { actorOf } from "../auth/actor.server";
import { requireProjectCapability } from "../auth/guards.server";
import { Field, Notice } from "../components/forms";
import { ProjectNav } from "../components/project-nav";
import { ReextractClaimsForm } from "../components/reextract-claims-form";
import { checkworthinessModel } from "../lib/extraction/model";
import { reextractionSummary } from "../lib/extraction/reextraction";
import { can } from "../lib/roles";
import { reextractProjectClaims } from "../models/claim-reextraction.server";
import { parseFormData } from "../lib/form";
import { projectNameSchema } from "../lib/project-schema";
import { DEFAULT_CHECKWORTHINESS_THRESHOLD } from "../lib/extraction/threshold";
import { formatDateTime } from "../lib/datetime";
import { publisherNameSchema, publisherUrlSchema, thresholdSchema, timeZoneSchema } from "../lib/project-settings";
import { renameProject, setProjectArchived, updateProjectSettings } from "../models/project.server";
import { paths } from "../lib/paths";

export const meta = () => [{ title: "Project settings · Claimdesk" }];

const actionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("rename"), name: projectNameSchema }),
    z.object({ intent: z.literal("threshold"), threshold: thresholdSchema }),
    z.object({ intent: z.literal("time-zone"), timeZone: timeZoneSchema }),
    z.object({ intent: z.literal("require-source"), required: z.enum(["on", "off"]).optional() }),
    z.object({ intent: z.literal("second-review"), enabled: z.enum(["on", "off"]).optional() }),
    z.object({ intent: z.literal("publisher"), publisherName: publisherNameSchema, publisherUrl: publisherUrlSchema }),
    z.object({ intent: z.literal("archive") }),
    z.object({ intent: z.literal("unarchive") }),
  ],
  { error: "Unknown action" },
);

export async function loader({ request, params }: Route.LoaderArgs) {
  // Editors open the page for re-extraction only; everything else on it is the owner's.
  const { project, role } = await requireProjectCapability(request, params.slug, "reextractClaims");
  return {
    project,
    role,
    model: checkworthinessModel().version,
    timeZones: Intl.supportedValuesOf("timeZone"),
    nowInZone: formatDateTime(new Date(), project.timeZone),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const form = await request.formData();
  if (form.get("intent") === "re-extract") {
    const auth = await requireProjectCapability(request, params.slug, "reextractClaims");
    const r = await reextractProjectClaims(auth.project.id, actorOf(auth, context));
    return data({
      fieldErrors: {} as Record<string, string>,
      notice: reextractionSummary(r),
    });
  }
  const auth = await requireProjectCapability(request, params.slug, "manageSettings");
  const parsed = parseFormData(form, actionSchema);
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors, notice: null }, { status: 400 });
  const actor = actorOf(auth, context);
  if (parsed.data.intent === "rename") {
    await renameProject({ projectId: auth.project.id, name: parsed.data.name, actor });
    return data({ fieldErrors: {}, notice: "Project renamed." });
  }
  if (parsed.data.intent === "require-source") {
    const required = parsed.data.required === "on";
    await updateProjectSettings({ projectId: auth.project.id, change: { requireSourceForVerdict: required }, actor });
    return data({
      fieldErrors: {},
      notice: required ? "Confirmed and disputed now need at least one source." : "Verdicts no longer need a source.",
    });
  }
  if (parsed.data.intent === "second-review") {
    const enabled = parsed.data.enabled === "on";
    await updateProjectSettings({ projectId: auth.project.id, change: { secondReview: enabled }, actor });
    return data({
      fieldErrors: {},
      notice: enabled
        ? "Second review is on: a verdict is a proposal until another reviewer gives an independent one."
        : "Second review is off: a reviewer's verdict applies at once.",
    });
  }
  if (parsed.data.intent === "publisher") {
    await updateProjectSettings({
      projectId: auth.project.id,
      change: { publisherName: parsed.data.publisherName, publisherUrl: parsed.data.publisherUrl },
      actor,
    });
    return data({ fieldErrors: {}, notice: "Publisher saved." });
  }
  if (parsed.data.intent === "time-zone") {
    await updateProjectSettings({ projectId: auth.project.id, change: { timeZone: parsed.data.timeZone }, actor });
    return data({ fieldErrors: {}, notice: `Times are now shown in ${parsed.data.timeZone}.` });
  }
  if (parsed.data.intent === "threshold") {
    await updateProjectSettings({ projectId: auth.project.id, change: { claimThreshold: parsed.data.threshold }, actor });
    return data({ fieldErrors: {}, notice: "Threshold saved. It applies to articles imported from now on." });
  }
  await setProjectArchived({ projectId: auth.project.id, archived: parsed.data.intent === "archive", actor });
  throw redirect(paths.project(auth.project.slug));
}

export default function ProjectSettings({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.fieldErrors ?? {};
  const { project, role, model, timeZones, nowInZone } = loaderData;
  const reextract = <ReextractClaimsForm model={model} threshold={project.claimThreshold ?? DEFAULT_CHECKWORTHINESS_THRESHOLD} />;
  if (!can(role, "manageSettings"))
    return (
      <section>
        <h1>{project.name}: settings</h1>
        <ProjectNav slug={project.slug} role={role} />
        <Notice message={actionData?.notice} />
        {reextract}
      </section>
    );
  return (
    <section>
      <h1>{project.name}: settings</h1>
      <ProjectNav slug={project.slug} role={role} />
      <Notice message={actionData?.notice} />
      <Form method="post" className="card" noValidate>
        <h2>Name</h2>
        <input type="hidden" name="intent" value="rename" />
        <Field label="Project name" name="name" defaultValue={project.name} required error={errors.name} />
        <button type="submit" className="button primary">
          Rename
        </button>
      </Form>
      <Form method="post" className="card" noValidate aria-label="Time zone">
        <h2>Times and dates</h2>
        <input type="hidden" name="intent" value="time-zone" />
        <Field
          label="Time zone"
          name="timeZone"
          defaultValue={project.timeZone}
          list="time-zones"
          autoComplete="off"
          spellCheck={false}
          required
          hint={`Reports and the app show times in it, with the zone named (now: ${nowInZone}). An IANA name such as Europe/Berlin, America/New_York or UTC.`}
          error={errors.timeZone}
        />
        <datalist id="time-zones">
          {timeZones.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <button type="submit" className="button primary">
          Save time zone
        </button>
      </Form>
      <Form method="post" className="card" noValidate>
        <h2>Claim extraction</h2>
        <input type="hidden" name="intent" value="threshold" />
        <Field
          label="Check-worthiness threshold"
          name="threshold"
          type="number"
          min={0}
          max={1}
          step={0.05}
          defaultValue={project.claimThreshold ?? ""}
          placeholder={String(DEFAULT_CHECKWORTHINESS_THRESHOLD)}
          hint={`Sentences scoring below it are kept as dismissed candidates. Empty uses the tuned default, ${DEFAULT_CHECKWORTHINESS_THRESHOLD}.`}
          error={errors.threshold}
        />
        <button type="submit" className="button primary">
          Save threshold
        </button>
      </Form>
      {reextract}
      <Form method="post" className="card" noValidate>
        <h2>Publisher</h2>
        <p className="hint">Used as the author of schema.org ClaimReview exports, and to build each review's address.</p>
        <input type="hidden" name="intent" value="publisher" />
        <Field label="Publisher name" name="publisherName" defaultValue={project.publisherName ?? ""} error={errors.publisherName} />
        <Field
          label="Publisher web address"
          name="publisherUrl"
          type="url"
          placeholder="https://factcheck.example.org"
          defaultValue={project.publisherUrl ?? ""}
          error={errors.publisherUrl}
        />
        <button type="submit" className="button primary">
          Save publisher
        </button>
      </Form>
      <Form method="post" className="card">
        <h2>Evidence</h2>
        <input type="hidden" name="intent" value="require-source" />
        <div className="field checkbox">
          <input id="require-source" type="checkbox" name="required" value="on" defaultChecked={project.requireSourceForVerdict} />
          <label htmlFor="require-source">Confirmed and disputed need at least one linked source</label>
        </div>
        <button type="submit" className="button primary">
          Save evidence rule
        </button>
      </Form>
      <Form method="post" className="card" aria-label="Second review">
        <h2>Second review</h2>
        <p className="hint">
          When on, a reviewer&apos;s verdict is a proposal: another reviewer gives an independent verdict without seeing it, an editor
          adjudicates disagreements, and editors approve final verdicts.
        </p>
        <input type="hidden" name="intent" value="second-review" />
        <div className="field checkbox">
          <input id="second-review" type="checkbox" name="enabled" value="on" defaultChecked={project.secondReview} />
          <label htmlFor="second-review">Every verdict needs an independent second review</label>
        </div>
        <button type="submit" className="button primary">
          Save review rule
        </button>
      </Form>
      <Form method="post" className="card">
        <h2>{project.archivedAt ? "Archived" : "Archive"}</h2>
        <p>Archived projects are hidden from the project list; their data and audit trail are kept.</p>
        <button type="submit" name="intent" value={project.archivedAt ? "unarchive" : "archive"} className="button">
          {project.archivedAt ? "Unarchive project" : "Archive project"}
        </button>
      </Form>
    </section>
  );
}
