// The worker thread's entry: the app is TypeScript, run here through tsx as the CLI is
// (bin/claimdesk.mjs), so the thread runs the same parsing and extraction code as the server.
import { register } from "tsx/esm/api";

register();
await import("./thread.ts");
