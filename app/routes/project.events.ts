import type { Route } from "./+types/project.events";
import { requireProjectCapability } from "../auth/guards.server";
import { type ProjectEvent, subscribeToProject } from "../models/events.server";
import { eventStreamResponse } from "../services/event-stream.server";

// Server-Sent Events: changes to the project's claims, pushed to every open table.
export async function loader({ request, params }: Route.LoaderArgs) {
  const { project } = await requireProjectCapability(request, params.slug, "read");
  return eventStreamResponse(request, ({ send, reconnect }) =>
    subscribeToProject(project.id, (event: ProjectEvent) => send(event.type, event), reconnect),
  );
}
