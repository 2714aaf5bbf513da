import { defineConfig } from "@playwright/test";
import base from "../../playwright.config";

// `npm run screenshots`: the pages of docs/screenshots, on the demo data. Not part of `npm test`.
const port = Number(process.env.SCREENSHOTS_PORT ?? 3290);

export default defineConfig({
  ...base,
  testDir: ".",
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    ...base.webServer,
    command: "node tests/screenshots/start-demo-server.mjs",
    url: `http://127.0.0.1:${port}/healthz`,
    cwd: "../..",
    env: { PORT: String(port), HOST: "127.0.0.1", NODE_ENV: "production", WEB_CONCURRENCY: "1", DEMO_DATA: "1" },
  },
});
