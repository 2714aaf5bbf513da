import cluster from "node:cluster";
import type { Route } from "./+types/project.events";
import { requireProjectCapability } from "../auth/guards.server";
import { type ProjectEvent, subscribeToProject } from "../models/events.server";

const HEARTBEAT_MS = 15_000;

// Server-Sent Events: changes to the project's claims, pushed to every open table.
export async function loader({ request, params }: Route.LoaderArgs) {
  const { project } = await requireProjectCapability(request, params.slug, "read");
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = await subscribeToProject(
        project.id,
        (event: ProjectEvent) => send(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`),
        // The server is stopping: the browser's EventSource reconnects after `retry` ms, to a process still serving.
        () => {
          send("retry: 500\nevent: reconnect\ndata: {}\n\n");
          cleanup();
          try {
            controller.close();
          } catch {
            /* already closed */
          }
        },
      );
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      });
      // Which of the server's processes holds the stream (tests use it to span them).
      send(`retry: 2000\n: connected${cluster.isWorker ? ` to server process ${cluster.worker?.id}` : ""}\n\n`);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
