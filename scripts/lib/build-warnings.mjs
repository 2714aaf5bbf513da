// Build warnings that say nothing a person can act on, filtered where Rollup reports them
// (vite.config.ts) so that `npm start` and `npm run build` print only real ones (ADR 018).

/** Resource routes (only a loader or an action, such as /healthz) have no client code, so
 * React Router's client build gives each an empty chunk. Only those are expected empty. */
const EMPTY_CHUNK = "EMPTY_BUNDLE";

/** zod 4 puts explanatory comments beside its `@__PURE__` annotations; Rollup drops the
 * comment and says so. Tree-shaking is unaffected. Only zod's own files are filtered. */
const MISPLACED_ANNOTATION = "INVALID_ANNOTATION";
const ZOD_FILE = /[\\/]node_modules[\\/]zod[\\/]/;

/** @param {{ code?: string, id?: string, names?: string[] }} warning */
export function isKnownHarmlessBuildWarning(warning) {
  if (warning.code === EMPTY_CHUNK) return true;
  if (warning.code === MISPLACED_ANNOTATION) return typeof warning.id === "string" && ZOD_FILE.test(warning.id);
  return false;
}
