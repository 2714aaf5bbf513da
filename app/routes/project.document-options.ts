import { data } from "react-router";
import type { Route } from "./+types/project.document-options";
import { requireProjectCapability } from "../auth/guards.server";
import { listDocumentOptions } from "../models/document.server";

// The claims table's document filter in a large project: fetched once, not with every page.
export async function loader({ request, params }: Route.LoaderArgs) {
  const { project } = await requireProjectCapability(request, params.slug, "read");
  return data({ documents: await listDocumentOptions(project.id) }, { headers: { "Cache-Control": "private, no-store" } });
}
