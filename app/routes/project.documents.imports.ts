import type { Route } from "./+types/project.documents.imports";
import { requireProjectCapability } from "../auth/guards.server";
import { listImportJobs } from "../models/import-jobs/list-import-jobs.server";

// The project's recent import jobs and their progress, polled by the Documents view while one runs.
export async function loader({ request, params }: Route.LoaderArgs) {
  const { project } = await requireProjectCapability(request, params.slug, "read");
  return Response.json({ jobs: await listImportJobs({ projectId: project.id }) });
}
