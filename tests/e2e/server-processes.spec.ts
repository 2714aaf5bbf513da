import { spawnSync } from "node:child_process";
import http from "node:http";
import { expect, test } from "@playwright/test";
import { E2E_PASSWORD, E2E_REVIEW_PROJECT, E2E_USERS } from "./support/accounts";

// The end-to-end server runs two processes (WEB_CONCURRENCY in playwright.config.ts), as
// `npm start` does on a two-core machine. A change made through one process must reach
// event streams held by the other: on SQLite the primary process relays it.

interface EventStream {
  process: string;
  received: () => string;
  close: () => void;
}

function openEventStream(baseURL: string, cookie: string): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    // agent: false opens a new connection, which the primary hands to the next process in turn.
    const request = http.get(
      `${baseURL}/projects/${E2E_REVIEW_PROJECT.slug}/events`,
      { headers: { Cookie: cookie }, agent: false },
      (response) => {
        if (response.statusCode !== 200) return reject(new Error(`event stream answered ${response.statusCode}`));
        let text = "";
        let settled = false;
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
          const match = /: connected to server process (\d+)/.exec(text);
          if (!settled && match) {
            settled = true;
            resolve({ process: match[1]!, received: () => text, close: () => request.destroy() });
          }
        });
      },
    );
    request.on("error", reject);
  });
}

test("a change made through one server process reaches event streams held by the other", async ({ request, baseURL }) => {
  const signIn = await request.post("/login", {
    form: { username: E2E_USERS.admin.username, password: E2E_PASSWORD },
    headers: { Origin: baseURL! },
    maxRedirects: 0,
  });
  const cookie = signIn.headers()["set-cookie"]!.split(";")[0]!;

  const streams: EventStream[] = [];
  try {
    for (let attempt = 0; attempt < 8 && new Set(streams.map((s) => s.process)).size < 2; attempt++) {
      streams.push(await openEventStream(baseURL!, cookie));
    }
    expect(new Set(streams.map((s) => s.process)).size, "event streams held by two different server processes").toBe(2);

    const databaseUrl = process.env.E2E_DATABASE_URL ?? "file:./tests/.tmp/e2e/claimdesk.db";
    const listed = spawnSync(process.execPath, ["bin/claimdesk.mjs", "claims", "--project", E2E_REVIEW_PROJECT.slug, "--json"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      encoding: "utf8",
    });
    const claims = JSON.parse(listed.stdout) as Array<{ id: number; version: number; status: string }>;
    const claim = claims.filter((c) => c.status === "unverified").sort((a, b) => b.id - a.id)[0]!;

    const tagged = await request.post(`/projects/${E2E_REVIEW_PROJECT.slug}/claims/${claim.id}`, {
      form: {
        intent: "tag",
        claimId: String(claim.id),
        version: String(claim.version),
        status: "disputed",
        rationale: "Seen by every server process.",
      },
      headers: { Origin: baseURL! },
      maxRedirects: 0,
    });
    expect(tagged.status()).toBeLessThan(400);

    // Every stream, whichever process holds it, hears of the change within 2 seconds.
    for (const stream of streams) {
      await expect.poll(() => stream.received(), { timeout: 2000 }).toContain(`"claimIds":[${claim.id}]`);
    }
  } finally {
    for (const stream of streams) stream.close();
  }
});
