import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { TEST_PASSWORD, makeUser } from "../support/factories";
import { SERVER_START_TIMEOUT_MS, type ServerProcess, signIn, startServer } from "../support/server-process";

// The real server (scripts/serve.mjs, built app) over this worker's database: what an
// operator reads in its log.

const linesWith = (server: ServerProcess, requestId: string) => server.logLines().filter((line) => line.requestId === requestId);

describe("server log", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServer();
  }, SERVER_START_TIMEOUT_MS);
  afterAll(async () => {
    await server?.stop();
  });

  it("writes one JSON access line per request: route pattern, status, duration, request id and user, never the cookie or password", async () => {
    const user = await makeUser();
    const cookie = await signIn(server.url, user.username, TEST_PASSWORD);
    const response = await fetch(`${server.url}/projects`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    const requestId = response.headers.get("X-Request-Id")!;
    expect(requestId).toMatch(/^[\w-]{12}$/);

    const access = await server.waitForLog((line) => line.requestId === requestId && line.msg === "request");
    expect(access).toMatchObject({ level: "info", method: "GET", route: "/projects", path: "/projects", status: 200, userId: user.id });
    expect(access.durationMs).toEqual(expect.any(Number));
    expect(linesWith(server, requestId)).toHaveLength(1);

    // A client-side navigation's data request is named by the page it loads.
    const data = await fetch(`${server.url}/projects.data`, { headers: { Cookie: cookie } });
    const dataId = data.headers.get("X-Request-Id")!;
    expect(await server.waitForLog((line) => line.requestId === dataId)).toMatchObject({ route: "/projects", data: true });

    const login = server.logLines().find((line) => line.route === "/login" && line.method === "POST");
    expect(login).toMatchObject({ status: 302 });
    expect(server.output()).not.toContain(TEST_PASSWORD);
    expect(server.output()).not.toContain(cookie.split("=")[1]!);
  });

  it("logs unknown and malformed URLs as one line each, without a stack or a router warning", async () => {
    const probes = ["/.env", "/assets/%c0%ae", "/%c0%ae/x", "/wp-login.php"];
    const ids: string[] = [];
    for (const probe of probes) {
      const response = await fetch(`${server.url}${probe}`);
      expect(response.status, probe).toBeGreaterThanOrEqual(400);
      expect(response.status, probe).toBeLessThan(500);
      ids.push(response.headers.get("X-Request-Id")!);
    }
    for (const [index, id] of ids.entries()) {
      const line = await server.waitForLog((l) => l.requestId === id);
      expect(linesWith(server, id), probes[index]).toHaveLength(1);
      expect(line).toMatchObject({ route: null, path: probes[index] });
    }
    expect(server.logLines().find((l) => l.path === "/assets/%c0%ae")).toMatchObject({ status: 400, note: "malformed URL" });
    expect(server.logLines().find((l) => l.path === "/.env")).toMatchObject({ status: 404 });
    // Every line the server wrote is a JSON log line; no stack frames anywhere.
    const stray = server
      .output()
      .split("\n")
      .filter((line) => line !== "" && !line.startsWith("{"));
    expect(stray).toEqual([]);
    expect(server.output()).not.toMatch(/\n\s+at /);
    expect(server.output()).not.toContain('"stack"');
  });
});

describe("unexpected errors", () => {
  let server: ServerProcess;
  beforeAll(async () => {
    // Only warnings and errors: access lines are left out.
    server = await startServer({ env: { LOG_LEVEL: "warn" } });
  }, SERVER_START_TIMEOUT_MS);
  afterAll(async () => {
    await server?.stop();
  });

  it("are logged once with the stack and the request id, which the error page shows", async () => {
    const user = await makeUser();
    const cookie = await signIn(server.url, user.username, TEST_PASSWORD);
    // A missing table makes the projects page fail as a real fault would.
    await getDb().$executeRawUnsafe(`ALTER TABLE "Membership" RENAME TO "Membership_away"`);
    let response: Response;
    let html: string;
    try {
      response = await fetch(`${server.url}/projects`, { headers: { Cookie: cookie } });
      html = await response.text();
    } finally {
      await getDb().$executeRawUnsafe(`ALTER TABLE "Membership_away" RENAME TO "Membership"`);
    }
    expect(response.status).toBe(500);
    const requestId = response.headers.get("X-Request-Id")!;
    expect(html).toContain(`quote the reference <code id="error-reference">${requestId}</code>`);
    expect(html).not.toMatch(/Membership|\bat \//);

    const error = await server.waitForLog((line) => line.requestId === requestId);
    expect(error).toMatchObject({ level: "error", msg: "unexpected error", userId: user.id });
    expect((error.err as { stack: string }).stack).toMatch(/\n\s+at /);
    expect(linesWith(server, requestId)).toHaveLength(1);
    // LOG_LEVEL=warn: no access lines.
    expect(server.logLines().filter((line) => line.msg === "request")).toEqual([]);
  });
});
