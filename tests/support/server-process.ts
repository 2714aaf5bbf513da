import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { buildIsStale } from "../../scripts/lib/build-freshness.mjs";

// Integration tests that need the real server (logs, metrics, shutdown, crash safety) start
// scripts/serve.mjs as its own process group on a free port, over the worker's database.

const root = path.resolve(import.meta.dirname, "..", "..");

/** Builds the app once if the sources changed; workers wait for each other through a lock directory. */
async function ensureBuilt(): Promise<void> {
  if (!buildIsStale(root)) return;
  const lock = path.join(root, "tests", ".tmp", "build.lock");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed run is stale after two minutes.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) fs.rmSync(lock, { recursive: true, force: true });
      await sleep(500);
      if (!buildIsStale(root)) return;
    }
  }
  try {
    if (buildIsStale(root)) {
      const result = spawnSync(path.join(root, "node_modules", ".bin", "react-router"), ["build"], { cwd: root, encoding: "utf8" });
      if (result.status !== 0) throw new Error(`react-router build failed:\n${result.stderr}`);
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** For the hook that starts a server: it may first have to build the app. */
export const SERVER_START_TIMEOUT_MS = 240_000;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  url: string;
  pid: number;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** The JSON log lines written so far (other lines are skipped). */
  logLines(): Array<Record<string, unknown>>;
  /** Waits until a log line matches, or fails after the timeout. */
  waitForLog(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Sends a signal to the main process only, as a service manager does (it forwards it to its server processes). */
  signal(signal: NodeJS.Signals): void;
  /** Sends a signal to the whole process group and waits for the main process to exit. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startServer(
  options: { databaseUrl?: string; env?: Record<string, string>; processes?: number; waitForHealth?: boolean } = {},
): Promise<ServerProcess> {
  await ensureBuilt();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl ?? process.env.DATABASE_URL,
      PORT: String(port),
      HOST: "127.0.0.1",
      WEB_CONCURRENCY: String(options.processes ?? 1),
      LOG_LEVEL: "info",
      DEMO_DATA: "0",
      ...options.env,
    },
  });
  let text = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
  // "close", not "exit": the server processes write to the same pipes, and their last lines
  // must have been read when this resolves.
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal })),
  );
  const logLines = () =>
    text
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const server: ServerProcess = {
    url,
    pid: child.pid!,
    output: () => text,
    logLines,
    async waitForLog(match, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = logLines().find(match);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no matching log line within ${timeoutMs} ms; output:\n${text}`);
        await sleep(50);
      }
    },
    signal(signal) {
      process.kill(child.pid!, signal);
    },
    async stop(signal = "SIGTERM") {
      // The whole group: server processes may outlive the primary for a moment.
      try {
        process.kill(-child.pid!, signal);
      } catch {
        /* already gone */
      }
      return exited;
    },
    exited,
  };
  if (options.waitForHealth !== false) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const ok = await fetch(`${url}/healthz`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) break;
      if (child.exitCode !== null || Date.now() > deadline) {
        await server.stop("SIGKILL");
        throw new Error(`the server did not start:\n${text}`);
      }
      await sleep(100);
    }
    // /healthz answers as soon as one process listens; the primary says when all of them do
    // (a SIGTERM before that found a process still starting). Only at a level that logs it.
    if (["trace", "debug", "info", undefined].includes(options.env?.LOG_LEVEL))
      await server.waitForLog((line) => String(line.msg).startsWith("claimdesk: serving on"), Math.max(1000, deadline - Date.now()));
  }
  return server;
}

/** Signs in through the login form and returns the session cookie (name=value). */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ username, password }),
  });
  const cookie = response.headers.get("set-cookie");
  if (!cookie) throw new Error(`sign-in failed with status ${response.status}`);
  return cookie.split(";")[0]!;
}
