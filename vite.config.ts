import { reactRouter } from "@react-router/dev/vite";
import { type Rollup, defineConfig } from "vite";
import { isKnownHarmlessBuildWarning } from "./scripts/lib/build-warnings.mjs";

export default defineConfig({
  build: {
    rollupOptions: {
      onwarn(warning: Rollup.RollupLog, warn: (warning: Rollup.RollupLog) => void) {
        if (!isKnownHarmlessBuildWarning(warning)) warn(warning);
      },
    },
  },
  // The server build's entry is our Express app (server/app.ts), which wraps
  // React Router's request handler with security headers and the CSRF check.
  environments: { ssr: { build: { rollupOptions: { input: "./server/app.ts" } } } },
  plugins: [reactRouter()],
});
