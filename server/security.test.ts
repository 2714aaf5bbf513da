import express from "express";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLoopbackHost, loopbackHostsOnly, originCheck, securityHeaders } from "./security";

let base = "";
let writes = 0;
let close: () => void;

beforeAll(async () => {
  const app = express();
  app.use(securityHeaders({ development: false, secure: (req) => req.get("x-test-https") === "1" }));
  app.use(originCheck((req) => `http://${req.get("host")}`));
  app.all("/thing", (req, res) => {
    if (req.method !== "GET") writes += 1;
    res.send(`nonce:${String(res.locals.cspNonce)}`);
  });
  await new Promise<void>((resolve) => {
    const server = app.listen(0, "127.0.0.1", () => {
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      resolve();
    });
    close = () => server.close();
  });
});
afterAll(() => close());

describe("security headers", () => {
  it("enforce a CSP with a fresh nonce per response and forbid framing", async () => {
    const a = await fetch(`${base}/thing`);
    const b = await fetch(`${base}/thing`);
    const csp = a.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(await a.text()).toBe(`nonce:${nonce}`);
    expect(b.headers.get("content-security-policy")).not.toContain(nonce);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(a.headers.get("content-security-policy-report-only")).toBeNull();
    expect(a.headers.get("x-content-type-options")).toBe("nosniff");
    expect(a.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(a.headers.get("strict-transport-security")).toBeNull();
    const secure = await fetch(`${base}/thing`, { headers: { "x-test-https": "1" } });
    expect(secure.headers.get("strict-transport-security")).toMatch(/max-age=\d+/);
  });
});

describe("Origin check", () => {
  it.each(["POST", "PUT", "PATCH", "DELETE"])("refuses %s with a missing or foreign Origin and changes nothing", async (method) => {
    const before = writes;
    const missing = await fetch(`${base}/thing`, { method });
    const foreign = await fetch(`${base}/thing`, { method, headers: { Origin: "https://evil.example" } });
    const lookalike = await fetch(`${base}/thing`, { method, headers: { Origin: `${base}.evil.example` } });
    expect([missing.status, foreign.status, lookalike.status]).toEqual([403, 403, 403]);
    expect(writes).toBe(before);
    const same = await fetch(`${base}/thing`, { method, headers: { Origin: base } });
    expect(same.status).toBe(200);
    expect(writes).toBe(before + 1);
  });

  it("lets GET and HEAD through without an Origin", async () => {
    expect((await fetch(`${base}/thing`)).status).toBe(200);
    expect((await fetch(`${base}/thing`, { method: "HEAD" })).status).toBe(200);
  });
});

describe("without APP_ORIGIN in production", () => {
  it.each([
    ["localhost:3000", true],
    ["LOCALHOST", true],
    ["desk.localhost:3000", true],
    ["127.0.0.1:3000", true],
    ["127.1.2.3", true],
    ["[::1]:3000", true],
    ["evil.example:3000", false],
    ["localhost.evil.example", false],
    ["127.0.0.1.evil.example", false],
    ["192.168.1.20:3000", false],
    ["", false],
  ])("treats Host %j as loopback: %s", (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it("answers only loopback host names, so a DNS-rebound name cannot sign in or read", async () => {
    const app = express();
    app.use(loopbackHostsOnly());
    app.use(originCheck((req) => `http://${req.get("host")}`));
    app.all("/login", (_req, res) => void res.send("ok"));
    const server = await new Promise<http.Server>((resolve) => {
      const s = app.listen(0, "127.0.0.1", () => resolve(s));
    });
    const port = (server.address() as AddressInfo).port;
    const ask = (host: string, method = "GET") =>
      new Promise<number>((resolve, reject) => {
        const request = http.request({
          host: "127.0.0.1",
          port,
          path: "/login",
          method,
          headers: { Host: host, Origin: `http://${host}` },
        });
        request.on("response", (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on("error", reject);
        request.end();
      });
    try {
      expect(await ask(`rebound.evil.example:${port}`, "POST")).toBe(421);
      expect(await ask(`rebound.evil.example:${port}`)).toBe(421);
      expect(await ask(`127.0.0.1:${port}`, "POST")).toBe(200);
      expect(await ask(`localhost:${port}`)).toBe(200);
    } finally {
      server.close();
    }
  });
});
