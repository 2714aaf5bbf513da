import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { GLOBAL_CHAIN, projectChain } from "../../app/lib/audit-hash";
import { verifyAuditChain } from "../../app/models/audit.server";
import { seedLargeDemo } from "../../app/models/large-demo.server";
import { updateProjectSettings } from "../../app/models/project.server";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { inventedArticle, multipartBody } from "../support/invented-articles";
import { SERVER_START_TIMEOUT_MS, type ServerProcess, startServer } from "../support/server-process";

// The real two-process server killed with SIGKILL (every process of it, as a power cut or
// the OOM killer would) while it imports and while it tags, then started again on the same
// database: what it acknowledged must be there, whole.

async function waitFor(condition: () => boolean, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

async function expectEveryChainToVerify(projectId: number) {
  for (const chain of [GLOBAL_CHAIN, projectChain(projectId)]) {
    const result = await verifyAuditChain(chain);
    expect(result.problem, chain).toBeNull();
    expect(result.checked, chain).toBeGreaterThan(0);
  }
}

async function expectReady(server: ServerProcess) {
  const ready = await fetch(`${server.url}/readyz`);
  expect(ready.status).toBe(200);
}

describe("crash safety", () => {
  it(
    "keeps every acknowledged import and tag whole after kill -9, with every audit chain verifying",
    async () => {
      const { project, members } = await makeProjectWithTeam();
      await updateProjectSettings({ projectId: project.id, change: { requireSourceForVerdict: false }, actor: { id: null, name: "test" } });
      const cookie = await cookieFor(members.editor.id);
      const db = getDb();
      let server = await startServer({ processes: 2 });
      try {
        // 1. Batch imports (three files a request) from three clients, killed after a few are acknowledged.
        const acknowledgedImports: Array<{ documentId: number; claims: number }> = [];
        let importing = true;
        let next = 0;
        const importers = Array.from({ length: 3 }, async () => {
          while (importing) {
            const { body, contentType } = multipartBody([0, 1, 2].map(() => inventedArticle(next++)));
            try {
              const response = await fetch(`${server.url}/projects/${project.slug}/documents/import`, {
                method: "POST",
                headers: { Cookie: cookie, Origin: server.url, "Content-Type": contentType },
                body: new Uint8Array(body),
              });
              if (response.status !== 200) continue;
              const { results } = (await response.json()) as { results: Array<{ status: string; documentId: number; claims: number }> };
              for (const result of results) if (result.status === "imported") acknowledgedImports.push(result);
            } catch {
              // The server died mid-request: not acknowledged.
            }
          }
        });
        await waitFor(() => acknowledgedImports.length >= 6, "six acknowledged imports");
        await server.stop("SIGKILL");
        importing = false;
        await Promise.all(importers);

        server = await startServer({ processes: 2 });
        await expectReady(server);
        for (const imported of acknowledgedImports) {
          expect(
            await db.claim.count({ where: { documentId: imported.documentId, dismissed: false } }),
            `document ${imported.documentId}`,
          ).toBe(imported.claims);
        }
        // Nothing half-written: every stored article has its import event, with as many claims as it was stored with.
        const documents = await db.document.findMany({ where: { projectId: project.id }, select: { id: true } });
        const importEvents = await db.auditEvent.findMany({ where: { projectId: project.id, action: "document.imported" } });
        expect(importEvents.map((event) => Number(event.targetId)).sort()).toEqual(documents.map((d) => d.id).sort());
        for (const event of importEvents) {
          const claims = await db.claim.count({ where: { documentId: Number(event.targetId), dismissed: false } });
          expect(claims, `claims of document ${event.targetId}`).toBe((JSON.parse(event.details) as { claims: number }).claims);
        }
        await expectEveryChainToVerify(project.id);

        // 2. Tagging from five clients, each claim once, killed after a few dozen are acknowledged.
        await seedLargeDemo({ projectId: project.id, count: 400, actor: { id: null, name: "test" } });
        const claims = await db.claim.findMany({
          where: { projectId: project.id, dismissed: false, status: "unverified" },
          select: { id: true },
          orderBy: { id: "asc" },
        });
        expect(claims.length).toBeGreaterThan(100);
        const queue = claims.map((claim) => claim.id);
        const acknowledgedTags = new Map<number, { status: string; rationale: string }>();
        let tagging = true;
        const taggers = Array.from({ length: 5 }, async () => {
          while (tagging && queue.length > 0) {
            const claimId = queue.shift()!;
            const status = claimId % 2 === 0 ? "confirmed" : "disputed";
            const rationale = `checked before the crash (${claimId})`;
            try {
              const response = await fetch(`${server.url}/projects/${project.slug}/claims/${claimId}.data`, {
                method: "POST",
                headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
                body: new URLSearchParams({ intent: "tag", claimId: String(claimId), version: "1", status, rationale }),
              });
              const text = await response.text();
              if (response.status === 200 && !text.includes('"ok",false')) acknowledgedTags.set(claimId, { status, rationale });
            } catch {
              // Killed mid-request: not acknowledged.
            }
          }
        });
        await waitFor(() => acknowledgedTags.size >= 20, "twenty acknowledged tags");
        await server.stop("SIGKILL");
        tagging = false;
        await Promise.all(taggers);

        server = await startServer({ processes: 2 });
        await expectReady(server);
        for (const [claimId, tag] of acknowledgedTags) {
          expect(await db.claim.findUnique({ where: { id: claimId }, select: { status: true, rationale: true, version: true } })).toEqual({
            ...tag,
            version: 2,
          });
        }
        // Every changed claim has its event, and every event its change.
        const changed = await db.claim.findMany({ where: { projectId: project.id, version: { gt: 1 } }, select: { id: true } });
        const tagEvents = await db.auditEvent.findMany({ where: { projectId: project.id, action: "claim.status_changed" } });
        expect(tagEvents.map((event) => Number(event.targetId)).sort()).toEqual(changed.map((claim) => claim.id).sort());
        await expectEveryChainToVerify(project.id);
      } finally {
        await server.stop("SIGKILL");
      }
    },
    SERVER_START_TIMEOUT_MS * 2,
  );
});
