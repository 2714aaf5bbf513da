import cluster from "node:cluster";

const HEARTBEAT_MS = 15_000;

type Subscribe = (options: {
  /** Sends one named event with a JSON payload. */
  send: (type: string, payload: unknown) => void;
  /** For the subscription's onServerStopping: the browser's EventSource reconnects after `retry` ms, to a process still serving. */
  reconnect: () => void;
}) => Promise<() => void>;

/**
 * A Server-Sent Events response: a heartbeat keeps proxies from closing it, the
 * subscription ends with the request, and a stopping server tells the browser to come back
 * at once. Shared by the project stream (claims changed, presence) and the user stream (inbox).
 */
export function eventStreamResponse(request: Request, subscribe: Subscribe): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const close = () => {
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      const unsubscribe = await subscribe({
        send: (type, payload) => write(`event: ${type}\ndata: ${JSON.stringify(payload)}\n\n`),
        reconnect: () => {
          write("retry: 500\nevent: reconnect\ndata: {}\n\n");
          cleanup();
          close();
        },
      });
      const heartbeat = setInterval(() => write(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        close();
      });
      // Which of the server's processes holds the stream (tests use it to span them).
      write(`retry: 2000\n: connected${cluster.isWorker ? ` to server process ${cluster.worker?.id}` : ""}\n\n`);
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
