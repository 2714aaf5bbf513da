import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { SERVER_START_TIMEOUT_MS, type ServerProcess, startServer } from "../support/server-process";

const TOKEN = "metrics-token-for-the-tests-0123";

/** A GET on a connection of its own: the primary hands each new connection to the next server process. */
function getOnNewConnection(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers }, (response) => {
        let body = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, body }));
      })
      .on("error", reject);
  });
}

function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-z_:]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe("/metrics without METRICS_TOKEN", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer();
  }, SERVER_START_TIMEOUT_MS);
  afterAll(async () => {
    await server?.stop();
  });

  it("is not there (404), even with a token", async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
  });
});

describe("/metrics and /readyz on a two-process server", () => {
  let server: ServerProcess;
  const scrape = async () => {
    const response = await fetch(`${server.url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    return response.text();
  };
  beforeAll(async () => {
    server = await startServer({ processes: 2, env: { METRICS_TOKEN: TOKEN } });
  }, SERVER_START_TIMEOUT_MS);
  afterAll(async () => {
    await server?.stop();
  });

  it("refuses a missing or wrong token", async () => {
    const missing = await fetch(`${server.url}/metrics`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await fetch(`${server.url}/metrics`, { headers: { Authorization: "Bearer wrong-token-wrong-token" } })).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { Authorization: TOKEN } })).status).toBe(401);
  });

  it("sums request durations by route pattern and status over both server processes", async () => {
    const before = sample(await scrape(), "claimdesk_http_request_duration_seconds_count", { route: "/login", status: "200" }) ?? 0;
    const seenBy = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const response = await getOnNewConnection(`${server.url}/login`);
      expect(response.status).toBe(200);
    }
    // Which processes answered: each access line carries its pid.
    for (const line of server.logLines()) if (line.route === "/login") seenBy.add(String(line.pid));
    expect(seenBy.size, "requests reached both server processes").toBe(2);

    const text = await scrape();
    expect(sample(text, "claimdesk_http_request_duration_seconds_count", { method: "GET", route: "/login", status: "200" })).toBe(
      before + 12,
    );
    expect(sample(text, "claimdesk_http_request_duration_seconds_bucket", { route: "/login", status: "200", le: "+Inf" })).toBe(
      before + 12,
    );
    // An unknown URL is counted under one label, not under its path.
    await fetch(`${server.url}/no/such/page`);
    expect(sample(await scrape(), "claimdesk_http_request_duration_seconds_count", { route: "(none)", status: "404" })).toBeGreaterThan(0);
  });

  it("reports database query durations, open event streams, event-loop lag and memory", async () => {
    const { project, members } = await makeProjectWithTeam();
    const cookie = await cookieFor(members.reviewer.id);
    expect((await fetch(`${server.url}/projects/${project.slug}/claims`, { headers: { Cookie: cookie } })).status).toBe(200);

    const stream = await new Promise<http.ClientRequest>((resolve, reject) => {
      const request = http.get(
        `${server.url}/projects/${project.slug}/events`,
        { agent: false, headers: { Cookie: cookie } },
        (response) => {
          response.setEncoding("utf8").on("data", (chunk: string) => chunk.includes(": connected") && resolve(request));
        },
      );
      request.on("error", reject);
    });
    let text = await scrape();
    expect(sample(text, "claimdesk_event_streams_open")).toBe(1);
    stream.destroy();
    await expect.poll(async () => sample(await scrape(), "claimdesk_event_streams_open"), { timeout: 5000 }).toBe(0);

    text = await scrape();
    expect(sample(text, "claimdesk_db_query_duration_seconds_count", { statement: "select" })).toBeGreaterThan(0);
    expect(sample(text, "nodejs_eventloop_lag_seconds")).toBeGreaterThanOrEqual(0);
    // Resident memory of both processes together.
    expect(sample(text, "process_resident_memory_bytes")).toBeGreaterThan(2 * 30_000_000);
  });

  it("says /readyz only when the database answers and every migration is applied", async () => {
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; migrations: { ok: boolean; pending: string[]; applied: number } };
    expect(body).toMatchObject({ status: "ready", migrations: { ok: true, pending: [] } });
    expect(body.migrations.applied).toBeGreaterThan(5);

    // Take the newest migration's record away: this instance now lacks a migration it ships.
    const db = getDb();
    const [latest] = await db.$queryRawUnsafe<Array<{ id: string; migration_name: string }>>(
      `SELECT "id", "migration_name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`,
    );
    await db.$executeRaw`UPDATE "_prisma_migrations" SET "migration_name" = 'x' || "migration_name" WHERE "id" = ${latest!.id}`;
    try {
      const notReady = await fetch(`${server.url}/readyz`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toMatchObject({ status: "not ready", migrations: { ok: false, pending: [latest!.migration_name] } });
      // Liveness is another question: the process still works.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await db.$executeRaw`UPDATE "_prisma_migrations" SET "migration_name" = ${latest!.migration_name} WHERE "id" = ${latest!.id}`;
    }
  });
});
