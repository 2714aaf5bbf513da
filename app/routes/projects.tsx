import { Form, Link, redirect, useActionData, useSearchParams } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/projects";
import { actorOf } from "../auth/actor.server";
import { requireAdmin, requireUser } from "../auth/guards.server";
import { EmptyState } from "../components/empty-state";
import { Field, Notice } from "../components/forms";
import { invalidForm, withAppErrors } from "../lib/action-result";
import { parseFormData } from "../lib/form";
import { projectNameSchema, projectSlugSchema } from "../lib/project-schema";
import { ROLE_LABELS } from "../lib/roles";
import { countClaimsByProject } from "../models/claim-counts.server";
import { createProject, listProjectsForUser } from "../models/project.server";
import { paths } from "../lib/paths";

export const meta = () => [{ title: "Projects · Claimdesk" }];

const createSchema = z.object({ slug: projectSlugSchema, name: projectNameSchema });

export async function loader({ request }: Route.LoaderArgs) {
  const { user } = await requireUser(request);
  const includeArchived = new URL(request.url).searchParams.get("archived") === "1";
  const projects = await listProjectsForUser(user, { includeArchived });
  const counts = await countClaimsByProject(projects.map((p) => p.id));
  return { projects: projects.map((p) => ({ ...p, counts: counts.get(p.id)! })), canCreate: user.isAdmin, includeArchived };
}

export async function action({ request, context }: Route.ActionArgs) {
  const auth = await requireAdmin(request);
  const parsed = parseFormData(await request.formData(), createSchema);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors);
  return withAppErrors(async () => {
    const project = await createProject({ ...parsed.data, ownerUsername: auth.user.username }, actorOf(auth, context));
    throw redirect(paths.project(project.slug));
  });
}

export default function Projects({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: Record<string, string> = actionData && !actionData.ok ? actionData.fieldErrors : {};
  const { projects, canCreate, includeArchived } = loaderData;
  return (
    <section>
      <h1>Projects</h1>
      <Notice message={params.get("passwordChanged") ? "Your password has been changed." : null} />
      {projects.length === 0 ? (
        <EmptyState
          title={includeArchived ? "No projects" : "No projects yet"}
          next={canCreate ? <a href="#new-project">Create your first project</a> : "Ask a project owner to add you to theirs."}
        >
          A project holds one desk&apos;s articles, claims and team.
        </EmptyState>
      ) : (
        <ul className="project-list">
          {projects.map((project) => (
            <li key={project.id} className="card">
              <h2>
                <Link to={paths.project(project.slug)}>{project.name}</Link>
                {project.archivedAt ? <span className="badge">Archived</span> : null}
              </h2>
              <p className="meta">
                Your role: {ROLE_LABELS[project.role]} · {project.memberCount} member{project.memberCount === 1 ? "" : "s"}
              </p>
              <p className="claim-counts">
                <span className="status-unverified">{project.counts.unverified} unverified</span>{" "}
                <span className="status-confirmed">{project.counts.confirmed} confirmed</span>{" "}
                <span className="status-disputed">{project.counts.disputed} disputed</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={paths.projects({ archived: !includeArchived })}>
          {includeArchived ? "Hide archived projects" : "Show archived projects"}
        </Link>
      </p>
      {canCreate ? (
        <Form method="post" className="card" id="new-project" aria-labelledby="new-project-title" noValidate>
          <h2 id="new-project-title">New project</h2>
          <Field label="Project name" name="name" required error={errors.name} />
          <Field
            label="Address name"
            name="slug"
            required
            hint="Lowercase letters, digits and dashes, for example election-2026."
            error={errors.slug}
          />
          <button type="submit" className="button primary">
            Create project
          </button>
        </Form>
      ) : null}
    </section>
  );
}
