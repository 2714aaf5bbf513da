// The primary process of a multi-process server: it starts one server process per
// requested core (they share the listening socket), restarts one that dies, relays
// project events between them and stops them all on SIGINT/SIGTERM.
import cluster from "node:cluster";
import path from "node:path";
import process from "node:process";
import { setTimeout } from "node:timers";
import { fileURLToPath } from "node:url";
import promClient from "prom-client";

// Server processes run serve.mjs itself, not the script that started the primary
// (npm start's build check and migrations run once, before).
const serveScript = path.join(path.dirname(fileURLToPath(import.meta.url)), "serve.mjs");

/** Must match RELAY_MESSAGE_TYPE in app/models/events.server.ts. */
const RELAY_MESSAGE_TYPE = "claimdesk:project-event";
const isRelayMessage = (message) => typeof message === "object" && message !== null && message.type === RELAY_MESSAGE_TYPE;
/** Must match app/observability/metrics.server.ts. */
const METRICS_REQUEST = "claimdesk:metrics-request";
const METRICS_RESPONSE = "claimdesk:metrics-response";

export function superviseServerProcesses(count, displayAddress, log, { shutdownTimeoutSeconds }) {
  let stopping = false;
  // GET /metrics reaches one server process; it asks this process, which gathers every
  // process's metrics and sums them (prom-client's cluster support; ADR 012).
  const metrics = new promClient.AggregatorRegistry();
  let listening = 0;
  const everListened = new WeakSet();

  const start = () => {
    const worker = cluster.fork();
    worker.on("listening", () => {
      everListened.add(worker);
      listening += 1;
      if (listening === count)
        log.info({ address: displayAddress, processes: count }, `claimdesk: serving on ${displayAddress} (${count} processes)`);
    });
    // On SQLite there is no database channel between processes: events (a claim
    // changed, someone is viewing) reach the other processes through this one.
    worker.on("message", (message) => {
      if (message?.type === METRICS_REQUEST) {
        metrics.clusterMetrics().then(
          (text) => worker.isConnected() && worker.send({ type: METRICS_RESPONSE, id: message.id, text }),
          (error) => worker.isConnected() && worker.send({ type: METRICS_RESPONSE, id: message.id, error: String(error.message) }),
        );
        return;
      }
      if (!isRelayMessage(message)) return;
      for (const other of Object.values(cluster.workers ?? {})) {
        if (other && other !== worker && other.isConnected()) other.send(message);
      }
    });
  };

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A process that never served (a port in use, a bad database) would fail again.
    if (!everListened.has(worker)) {
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill("SIGTERM");
      process.exit(code || 1);
    }
    log.error({ signal, code }, `claimdesk: a server process stopped (${signal ?? `exit code ${code}`}); starting another`);
    start();
  });

  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      if (workers.length === 0) process.exit(0);
      log.info({ signal, processes: workers.length }, "claimdesk: stopping the server processes");
      // Each drains its requests (bounded by the same timeout); the last to exit ends this one.
      for (const worker of workers) worker?.process.kill("SIGTERM");
      setTimeout(
        () => {
          for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
          process.exit(1);
        },
        (shutdownTimeoutSeconds + 5) * 1000,
      ).unref();
    });
  }

  cluster.setupPrimary({ exec: serveScript, args: [] });
  for (let i = 0; i < count; i++) start();
}
