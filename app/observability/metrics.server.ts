import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import client from "prom-client";

// Prometheus metrics, in prom-client's global registry (the one its cluster support reads).
// In a multi-process server every process keeps its own; GET /metrics answers with the sum
// over all of them, gathered by the primary process (ADR 012).

const registry = client.register;

function metric<T>(name: string, create: () => T): T {
  // The development server re-evaluates modules; a metric is registered once per process.
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

export const httpRequestDuration = metric(
  "claimdesk_http_request_duration_seconds",
  () =>
    new client.Histogram({
      name: "claimdesk_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by method, route pattern and status (event streams are counted apart)",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
);

export const databaseQueryDuration = metric(
  "claimdesk_db_query_duration_seconds",
  () =>
    new client.Histogram({
      name: "claimdesk_db_query_duration_seconds",
      help: "Time the database driver took for one statement, by kind of statement",
      labelNames: ["statement"] as const,
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    }),
);

export const openEventStreams = metric(
  "claimdesk_event_streams_open",
  () =>
    new client.Gauge({
      name: "claimdesk_event_streams_open",
      help: "Live-update event streams (Server-Sent Events) open now",
      aggregator: "sum",
    }),
);

const STATEMENT_KINDS = new Set(["select", "insert", "update", "delete", "begin", "commit", "rollback", "with", "pragma"]);

/** The statement label for a SQL text: its first keyword, from a short fixed list. */
export function statementKind(sql: string): string {
  const word = /^\s*([A-Za-z]+)/.exec(sql)?.[1]?.toLowerCase() ?? "";
  return STATEMENT_KINDS.has(word) ? word : "other";
}

const holder = globalThis as { __claimdeskDefaultMetrics?: boolean };
if (!holder.__claimdeskDefaultMetrics) {
  holder.__claimdeskDefaultMetrics = true;
  // Memory (resident, heap), event-loop lag, CPU, handles, garbage collection.
  client.collectDefaultMetrics({ register: registry });
  // In a server process, answer the primary's requests for this process's metrics.
  if (cluster.isWorker) new client.AggregatorRegistry();
}

/** Must match the message types in scripts/server-processes.mjs. */
const METRICS_REQUEST = "claimdesk:metrics-request";
const METRICS_RESPONSE = "claimdesk:metrics-response";
const pending = new Map<string, { resolve: (text: string) => void; reject: (error: Error) => void }>();
if (cluster.isWorker && !(globalThis as { __claimdeskMetricsReplies?: boolean }).__claimdeskMetricsReplies) {
  (globalThis as { __claimdeskMetricsReplies?: boolean }).__claimdeskMetricsReplies = true;
  process.on("message", (message: unknown) => {
    const reply = message as { type?: unknown; id?: string; text?: string; error?: string };
    if (reply?.type !== METRICS_RESPONSE || !reply.id) return;
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiting) return;
    if (typeof reply.text === "string") waiting.resolve(reply.text);
    else waiting.reject(new Error(reply.error ?? "no metrics"));
  });
}

export const metricsContentType = registry.contentType;

/** The text exposition: this process's metrics, or in a multi-process server the sum over every process. */
export async function renderMetrics(): Promise<string> {
  if (!cluster.isWorker || !process.send) return registry.metrics();
  const id = randomUUID();
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error("the primary process did not answer with the metrics in time"));
    }, 6_000);
    pending.set(id, {
      resolve: (text) => (clearTimeout(timer), resolve(text)),
      reject: (error) => (clearTimeout(timer), reject(error)),
    });
    process.send!({ type: METRICS_REQUEST, id });
  });
}
