import { data, Form, Link, useActionData, useNavigation } from "react-router";
import type { Route } from "./+types/project.documents";
import { formatDate } from "../lib/datetime";
import { actorOf } from "../auth/actor.server";
import { requireProjectCapability } from "../auth/guards.server";
import { FileDropImport } from "../components/file-drop-import";
import { FormError } from "../components/forms";
import { ImportJobList } from "../components/import-job-list";
import { ImportResults } from "../components/import-results";
import { EmptyState } from "../components/empty-state";
import { ProjectNav } from "../components/project-nav";
import { can } from "../lib/roles";
import { listDocuments } from "../models/document.server";
import { listImportJobs } from "../models/import-jobs/list-import-jobs.server";
import { UploadTooLargeError, assertUploadSize, importFromForm } from "../models/import-request.server";
import { paths } from "../lib/paths";

export const meta = () => [{ title: "Documents · Claimdesk" }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role } = await requireProjectCapability(request, params.slug, "read");
  const [documents, importJobs] = await Promise.all([listDocuments(project.id), listImportJobs({ projectId: project.id, limit: 10 })]);
  return { project, role, canImport: can(role, "importDocuments"), documents, importJobs };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const auth = await requireProjectCapability(request, params.slug, "importDocuments");
  try {
    assertUploadSize(request);
  } catch (error) {
    if (error instanceof UploadTooLargeError) return data({ results: [], formError: error.message, notice: null }, { status: 413 });
    throw error;
  }
  const outcome = await importFromForm(auth.project, await request.formData(), actorOf(auth, context));
  if (outcome.state === "empty")
    return data({ results: [], formError: "Choose at least one file or paste some text.", notice: null }, { status: 400 });
  if (outcome.state === "running")
    return data(
      { results: [], formError: null, notice: "The import continues in the background; its progress shows under Recent imports." },
      { status: 202 },
    );
  return data({ results: outcome.results, formError: null, notice: null });
}

export default function Documents({ loaderData }: Route.ComponentProps) {
  const { project, role, canImport, documents, importJobs } = loaderData;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <section>
      <h1>{project.name}: documents</h1>
      <ProjectNav slug={project.slug} role={role} />
      {canImport ? (
        <div className="card" id="import">
          <h2>Import articles</h2>
          <FileDropImport slug={project.slug} />
          <FormError message={actionData?.formError} />
          {actionData?.notice ? <p role="status">{actionData.notice}</p> : null}
          <ImportResults slug={project.slug} results={actionData?.results ?? []} />
          <ImportJobList slug={project.slug} jobs={importJobs} />
          <details className="paste-import">
            <summary>Paste text or upload without the drop zone</summary>
            <Form method="post" encType="multipart/form-data">
              <div className="field">
                <label htmlFor="import-files">Files</label>
                <input id="import-files" type="file" name="files" multiple accept=".txt,.md,.markdown,.html,.htm,.json" />
              </div>
              <div className="field">
                <label htmlFor="paste-title">Title of pasted article</label>
                <input id="paste-title" name="title" />
              </div>
              <div className="field">
                <label htmlFor="paste-text">Article text</label>
                <textarea id="paste-text" name="text" rows={8} />
              </div>
              <button type="submit" className="button primary" disabled={navigation.state === "submitting"}>
                Import
              </button>
            </Form>
          </details>
        </div>
      ) : null}
      {documents.length === 0 ? (
        <EmptyState
          title="No articles yet"
          next={canImport ? <a href="#import">Import your first articles</a> : "An editor of this project imports them."}
        >
          Each imported article is split into the claims worth checking, ready to review.
        </EmptyState>
      ) : (
        <table className="data-table">
          <caption className="visually-hidden">Imported articles</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Outlet</th>
              <th scope="col">Published</th>
              <th scope="col">Claims</th>
              <th scope="col">Imported</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((document) => (
              <tr key={document.id}>
                <td>
                  <Link to={paths.document(project.slug, document.id)}>{document.title}</Link>
                  {document.version > 1 ? <span className="badge">version {document.version}</span> : null}
                  {document.author ? <div className="meta">by {document.author}</div> : null}
                </td>
                <td>{document.outlet ?? "—"}</td>
                <td>{document.publishedAt ? formatDate(document.publishedAt, project.timeZone) : "—"}</td>
                <td>{document.claimCount}</td>
                <td className="meta">
                  {formatDate(document.importedAt, project.timeZone)}
                  {document.importedBy ? ` by ${document.importedBy.displayName}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
