// Serves the built app (production) or the app through Vite (development, --dev).
// In production the app (server/app.ts, which also serves the built client files) runs in
// several processes (one per core, WEB_CONCURRENCY): see server-processes.mjs.
import cluster from "node:cluster";
import process from "node:process";
import { setInterval, setTimeout } from "node:timers";
import express from "express";
import { createProcessLog } from "./lib/process-log.mjs";
import { superviseServerProcesses } from "./server-processes.mjs";

const development = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const displayAddress = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
const server = express();
server.disable("x-powered-by");

let processCount = 1;
// The built app's shutdown steps (none in development, where Vite loads the app per request).
let appShutdown = { begin: () => ({ eventStreams: 0 }), finish: async () => {}, timeoutSeconds: 2 };
let warmUp = async () => {};
let startNotices = [];
if (development) {
  const vite = await import("vite");
  const viteServer = await vite.createServer({ server: { middlewareMode: true } });
  server.use(viteServer.middlewares);
  server.use(async (req, res, next) => {
    try {
      const source = await viteServer.ssrLoadModule("./server/app.ts");
      return await source.app(req, res, next);
    } catch (error) {
      if (typeof error === "object" && error instanceof Error) viteServer.ssrFixStacktrace(error);
      next(error);
    }
  });
} else {
  try {
    const built = await import("../build/server/index.js");
    server.use(built.app);
    processCount = built.serverProcessCount;
    appShutdown = { begin: built.beginShutdown, finish: built.finishShutdown, timeoutSeconds: built.shutdownTimeoutSeconds };
    warmUp = built.warmUp;
    startNotices = built.startNotices ?? [];
  } catch (error) {
    // A bad environment variable is reported in one line, not as a stack trace.
    if (error instanceof Error && error.message.startsWith("claimdesk:")) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const log = createProcessLog();
if (cluster.isPrimary) for (const notice of startNotices) log.warn(notice);
if (cluster.isPrimary && processCount > 1) {
  superviseServerProcesses(processCount, displayAddress, log, { shutdownTimeoutSeconds: appShutdown.timeoutSeconds });
} else {
  // Express 5 calls this back with the error too when listening fails (handled below).
  const listener = server.listen(port, host, (error) => {
    if (error) return;
    if (cluster.isPrimary) log.info({ address: displayAddress }, `claimdesk: serving on ${displayAddress}`);
    void warmUp();
  });
  listener.on("error", (error) => {
    log.fatal(`claimdesk: cannot listen on ${host}:${port}: ${error.code ?? error.message}`);
    process.exit(1);
  });
  // Longer than load balancers' idle timeouts (60 s is common): the balancer, not this
  // server, closes idle keep-alive connections, so it never sends a request down one this
  // server has just closed.
  listener.keepAliveTimeout = 65_000;
  listener.headersTimeout = 66_000;
  // Graceful shutdown: stop accepting, end event streams (browsers reconnect elsewhere),
  // let in-flight requests finish for up to SHUTDOWN_TIMEOUT_SECONDS, then close the database.
  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    const { eventStreams } = appShutdown.begin();
    log.info({ signal, eventStreams }, "claimdesk: stopping; finishing the requests in flight");
    listener.close(async () => {
      try {
        await appShutdown.finish();
      } catch (error) {
        log.error({ err: error }, "claimdesk: closing the database failed");
      }
      log.info({ durationMs: Date.now() - started }, "claimdesk: stopped");
      process.exit(0);
    });
    // Idle keep-alive connections close now; busy ones close after their response.
    listener.closeIdleConnections();
    const idle = setInterval(() => listener.closeIdleConnections(), 100);
    idle.unref();
    setTimeout(() => {
      log.warn({ timeoutSeconds: appShutdown.timeoutSeconds }, "claimdesk: requests still running at the shutdown timeout; closing them");
      listener.closeAllConnections();
      // If closing the database hangs too, exit anyway.
      setTimeout(() => process.exit(1), 2_000).unref();
    }, appShutdown.timeoutSeconds * 1000).unref();
  };
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(signal));
}
