import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

/**
 * Starts `scripts/serve.mjs` (one process per core, as in production) and waits until it
 * answers `readyPath`; a loaded machine can take a while to start the server processes.
 */
export async function startProductionServer(options: {
  root: string;
  env: NodeJS.ProcessEnv;
  port: number;
  readyPath: string;
}): Promise<ChildProcess> {
  const { root, env, port, readyPath } = options;
  const server = spawn(process.execPath, [path.join(root, "scripts/serve.mjs")], {
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
  });
  const url = `http://127.0.0.1:${port}${readyPath}`;
  for (let i = 0; i < 600; i += 1) {
    const ready = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return server;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill("SIGTERM");
  throw new Error(`the server did not answer ${url} within 120 s`);
}
