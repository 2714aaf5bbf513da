import http from "node:http";
import { expect, test } from "@playwright/test";

function statusFor(baseURL: string, host: string, method = "GET"): Promise<number> {
  const url = new URL("/login", baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method, headers: { Host: host, Origin: `http://${host}` }, agent: false },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end();
  });
}

// The end-to-end server runs in production without APP_ORIGIN (playwright.config.ts).
test("without APP_ORIGIN a production server answers loopback host names only (no DNS rebinding)", async ({ baseURL }) => {
  const port = new URL(baseURL!).port;
  expect(await statusFor(baseURL!, `rebound.evil.example:${port}`)).toBe(421);
  expect(await statusFor(baseURL!, `rebound.evil.example:${port}`, "POST")).toBe(421);
  expect(await statusFor(baseURL!, `127.0.0.1:${port}`)).toBe(200);
  expect(await statusFor(baseURL!, `localhost:${port}`)).toBe(200);
});
