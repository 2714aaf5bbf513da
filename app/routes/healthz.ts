import { checkDatabase } from "../models/health.server";

const startedAt = Date.now();

// Public on purpose (load balancers call it); it reveals no data, only whether we work.
export async function loader() {
  const database = await checkDatabase();
  const body = {
    status: database.ok ? "ok" : "degraded",
    app: { name: "claimdesk", uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) },
    database: {
      ok: database.ok,
      provider: database.provider,
      latencyMs: database.latencyMs,
      ...(database.error ? { error: database.error } : {}),
    },
  };
  return Response.json(body, { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
