import { checkDatabase, checkMigrations } from "../models/health.server";

// Readiness, for load balancers and orchestrators: 200 only when this instance can serve,
// that is the database answers and every migration it ships is applied. /healthz is the
// liveness check (the process works). Public like /healthz: it reveals no data.
export async function loader() {
  const database = await checkDatabase();
  const migrations = database.ok ? await checkMigrations() : { ok: false, applied: 0, pending: [], error: "database unreachable" };
  const ready = database.ok && migrations.ok;
  const body = {
    status: ready ? "ready" : "not ready",
    database: {
      ok: database.ok,
      provider: database.provider,
      latencyMs: database.latencyMs,
      ...(database.error ? { error: database.error } : {}),
    },
    migrations,
  };
  return Response.json(body, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
