import http from "node:http";
import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { inventedArticle, multipartBody } from "../support/invented-articles";
import { SERVER_START_TIMEOUT_MS, type ServerProcess, startServer } from "../support/server-process";

// SIGTERM on the real server, as a service manager or an orchestrator sends it.

/**
 * An import whose body arrives in two parts: in flight, from the server's side, until `finish` is called.
 * It asks for "100 Continue", so `headRead` settles once a server process has parsed the request's
 * head (a fixed pause raced the server's accept on a loaded machine: the connection was still in
 * the backlog at SIGTERM and was reset).
 */
function slowUpload(server: ServerProcess, slug: string, cookie: string, file: { name: string; text: string }) {
  const { body, contentType } = multipartBody([file]);
  const request = http.request(`${server.url}/projects/${slug}/documents/import`, {
    method: "POST",
    agent: false,
    headers: {
      Cookie: cookie,
      Origin: server.url,
      "Content-Type": contentType,
      "Content-Length": String(body.length),
      Expect: "100-continue",
    },
  });
  const headRead = new Promise<void>((resolve) => request.once("continue", () => resolve()));
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    request.on("response", (res) => {
      let text = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, body: text }));
    });
    request.on("error", reject);
  });
  const half = Math.floor(body.length / 2);
  request.flushHeaders();
  void headRead.then(() => request.write(body.subarray(0, half)));
  return { response, headRead, finish: () => request.end(body.subarray(half)), abandon: () => request.destroy() };
}

function openEventStream(server: ServerProcess, slug: string, cookie: string) {
  return new Promise<{ text: () => string; ended: Promise<void> }>((resolve, reject) => {
    const request = http.get(`${server.url}/projects/${slug}/events`, { agent: false, headers: { Cookie: cookie } }, (response) => {
      let text = "";
      const ended = new Promise<void>((done) => response.on("end", () => done()));
      response.setEncoding("utf8").on("data", (chunk: string) => {
        text += chunk;
        if (text.includes(": connected")) resolve({ text: () => text, ended });
      });
    });
    request.on("error", reject);
  });
}

const refusesConnections = (server: ServerProcess) =>
  fetch(`${server.url}/healthz`, { headers: { Connection: "close" } }).then(
    () => false,
    () => true,
  );

describe("graceful shutdown", () => {
  it(
    "finishes the requests in flight, refuses new connections, ends event streams with a reconnect hint and exits 0",
    async () => {
      const { project, members } = await makeProjectWithTeam();
      const cookie = await cookieFor(members.editor.id);
      const server = await startServer({ processes: 2 });
      try {
        const stream = await openEventStream(server, project.slug, cookie);
        const upload = slowUpload(server, project.slug, cookie, inventedArticle(1));
        await upload.headRead;

        server.signal("SIGTERM");
        await stream.ended;
        expect(stream.text()).toContain("retry: 500\nevent: reconnect\n");
        await expect.poll(() => refusesConnections(server), { timeout: 10_000 }).toBe(true);
        upload.finish();
        const response = await upload.response;
        expect(response.status).toBe(200);
        expect(JSON.parse(response.body)).toMatchObject({ results: [{ status: "imported", file: "article-1.txt" }] });
        expect(await server.exited).toEqual({ code: 0, signal: null });
      } finally {
        await server.stop("SIGKILL");
      }
      expect(
        server.logLines().filter((line) => line.msg === "claimdesk: stopped"),
        server.output(),
      ).toHaveLength(2);
      expect(await getDb().document.count({ where: { projectId: project.id } })).toBe(1);
    },
    SERVER_START_TIMEOUT_MS,
  );

  it(
    "closes requests still running after SHUTDOWN_TIMEOUT_SECONDS and exits",
    async () => {
      const { project, members } = await makeProjectWithTeam();
      const cookie = await cookieFor(members.editor.id);
      const server = await startServer({ env: { SHUTDOWN_TIMEOUT_SECONDS: "1" } });
      try {
        const upload = slowUpload(server, project.slug, cookie, inventedArticle(2));
        upload.response.catch(() => undefined);
        await upload.headRead;
        server.signal("SIGTERM");
        // The upload never finishes; the server does not wait for it past the timeout.
        const exit = await server.exited;
        expect(exit.signal).toBeNull();
        expect(server.logLines().some((line) => String(line.msg).includes("still running at the shutdown timeout"))).toBe(true);
        await expect(upload.response).rejects.toThrow();
      } finally {
        await server.stop("SIGKILL");
      }
      expect(await getDb().document.count({ where: { projectId: project.id } })).toBe(0);
    },
    SERVER_START_TIMEOUT_MS,
  );
});
