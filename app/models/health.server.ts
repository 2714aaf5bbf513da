import { databaseProvider, getDb } from "../db.server";

export async function checkDatabase(): Promise<{ ok: boolean; provider: string; latencyMs: number; error?: string }> {
  const started = performance.now();
  const provider = databaseProvider();
  try {
    await getDb().$queryRawUnsafe("SELECT 1");
    return { ok: true, provider, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0]! : "unreachable";
    return { ok: false, provider, latencyMs: Math.round(performance.now() - started), error: message };
  }
}
