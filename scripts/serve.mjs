// Serves the built app (production) or the app through Vite (development, --dev).
// Static files are served here, before the app's own middleware. In production the
// app runs in several processes (one per core, WEB_CONCURRENCY): see server-processes.mjs.
import cluster from "node:cluster";
import process from "node:process";
import { setTimeout } from "node:timers";
import express from "express";
import { superviseServerProcesses } from "./server-processes.mjs";

const development = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";
const displayAddress = `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;
const server = express();
server.disable("x-powered-by");

let processCount = 1;
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
  server.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y", index: false }));
  server.use(express.static("build/client", { maxAge: "1h", index: false }));
  try {
    const { app, serverProcessCount, startNotices: notices } = await import("../build/server/index.js");
    server.use(app);
    processCount = serverProcessCount;
    startNotices = notices ?? [];
  } catch (error) {
    // A bad environment variable is reported in one line, not as a stack trace.
    if (error instanceof Error && error.message.startsWith("claimdesk:")) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

if (cluster.isPrimary) for (const notice of startNotices) console.log(notice);
if (cluster.isPrimary && processCount > 1) {
  superviseServerProcesses(processCount, displayAddress);
} else {
  // Express 5 calls this back with the error too when listening fails (handled below).
  const listener = server.listen(port, host, (error) => {
    if (!error && cluster.isPrimary) console.log(`claimdesk: serving on ${displayAddress}`);
  });
  listener.on("error", (error) => {
    console.error(`claimdesk: cannot listen on ${host}:${port}: ${error.code ?? error.message}`);
    process.exit(1);
  });
  // Longer than load balancers' idle timeouts (60 s is common): the balancer, not this
  // server, closes idle keep-alive connections, so it never sends a request down one this
  // server has just closed.
  listener.keepAliveTimeout = 65_000;
  listener.headersTimeout = 66_000;
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      listener.close(() => process.exit(0));
      // Open event streams keep connections alive; do not wait for them forever.
      setTimeout(() => process.exit(0), 2_000).unref();
      listener.closeIdleConnections?.();
    });
  }
}
