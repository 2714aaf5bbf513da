import type { Route } from "./+types/project.documents.import";
import { actorOf } from "../auth/actor.server";
import { requireProjectCapability } from "../auth/guards.server";
import { UploadTooLargeError, assertUploadSize, importFromForm } from "../models/import-request.server";

// JSON endpoint for the drop zone: one request per file, so each file shows its own progress and result.
// An import still running after IMPORT_WAIT_SECONDS answers 202 with its job; the Documents view follows it.
export async function action({ request, params, context }: Route.ActionArgs) {
  const auth = await requireProjectCapability(request, params.slug, "importDocuments");
  try {
    assertUploadSize(request);
  } catch (error) {
    if (error instanceof UploadTooLargeError) return Response.json({ message: error.message }, { status: 413 });
    throw error;
  }
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    return Response.json({ message: "The upload could not be read as a form." }, { status: 400 });
  }
  const outcome = await importFromForm(auth.project, formData, actorOf(auth, context));
  if (outcome.state === "empty") return Response.json({ message: "No file was received." }, { status: 400 });
  if (outcome.state === "running")
    return Response.json({ message: "The import continues in the background.", jobs: outcome.jobs }, { status: 202 });
  return Response.json({ results: outcome.results, jobs: outcome.jobs });
}

export async function loader() {
  return Response.json({ message: "POST files to import them." }, { status: 405 });
}
