import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { projectChain } from "../../app/lib/audit-hash";
import { parseClaimQuery } from "../../app/lib/claim-query";
import { verifyAuditChain } from "../../app/models/audit.server";
import type { AppError } from "../../app/lib/app-error";
import { applyBulkChange, previewBulkChange, undoBulkChange } from "../../app/models/bulk-change.server";
import { assignClaim } from "../../app/models/claim-assignment.server";
import { claimHistory } from "../../app/models/claim-history.server";
import { searchClaims } from "../../app/models/claim-search.server";
import { tagClaim } from "../../app/models/claim-verdict.server";
import { INLINE_DOCUMENT_OPTIONS, documentFilterOptions, listDocumentOptions } from "../../app/models/document.server";
import { seedLargeDemo } from "../../app/models/large-demo.server";
import { testLane } from "../support/test-database";
import { makeProjectWithTeam } from "../support/factories";

async function projectWithClaims(count: number) {
  const team = await makeProjectWithTeam();
  await seedLargeDemo({ projectId: team.project.id, count: count, actor: { id: null, name: "test" } });
  // These tests are about tagging; the source requirement has its own tests.
  await getDb().project.update({ where: { id: team.project.id }, data: { requireSourceForVerdict: false } });
  // Start every claim unverified so that changes are easy to count.
  await getDb().claim.updateMany({ where: { projectId: team.project.id }, data: { status: "unverified", rationale: null } });
  const claims = await getDb().claim.findMany({ where: { projectId: team.project.id }, orderBy: { id: "asc" } });
  const actorOf = (role: "owner" | "editor" | "reviewer" | "viewer") => ({ id: team.members[role].id, name: team.members[role].username });
  return { ...team, claims, actorOf };
}

describe("tagging", () => {
  it("needs a rationale to leave unverified and records from, to and rationale in the audit trail", async () => {
    const { project, claims, actorOf } = await projectWithClaims(3);
    const claim = claims[0]!;
    await expect(
      tagClaim({
        projectId: project.id,
        claimId: claim.id,
        status: "confirmed",
        rationale: "  ",
        expectedVersion: 1,
        actor: actorOf("reviewer"),
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    const updated = await tagClaim({
      projectId: project.id,
      claimId: claim.id,
      status: "confirmed",
      rationale: "Budget report p. 12",
      expectedVersion: 1,
      actor: actorOf("reviewer"),
    });
    expect(updated).toMatchObject({
      status: "confirmed",
      rationale: "Budget report p. 12",
      version: 2,
      lastChangedById: actorOf("reviewer").id,
    });
    const history = await claimHistory(project.id, claim.id);
    expect(history.map((e) => [e.action, JSON.parse(e.details)])).toEqual([
      ["claim.status_changed", { from: "unverified", to: "confirmed", rationale: "Budget report p. 12", version: 2 }],
    ]);
  });

  it("gives exactly one change and N-1 refusals to N parallel taggers of the same version", async () => {
    const { project, claims, actorOf } = await projectWithClaims(1);
    const claim = claims[0]!;
    const statuses = ["confirmed", "disputed"] as const;
    const attempts = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) =>
        tagClaim({
          projectId: project.id,
          claimId: claim.id,
          status: statuses[i % 2]!,
          rationale: `reviewer ${i}`,
          expectedVersion: 1,
          actor: actorOf(i % 2 ? "editor" : "reviewer"),
        }),
      ),
    );
    const won = attempts.filter((a) => a.status === "fulfilled");
    const refused = attempts.filter((a) => a.status === "rejected");
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(11);
    for (const refusal of refused) expect((refusal as PromiseRejectedResult).reason).toMatchObject({ code: "stale_version" });
    const stored = await getDb().claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(stored.version).toBe(2);
    const events = await getDb().auditEvent.findMany({ where: { projectId: project.id, targetType: "claim", targetId: String(claim.id) } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.details)).toMatchObject({ to: stored.status, rationale: stored.rationale });
    // The refusal says what the winner did.
    expect(((refused[0] as PromiseRejectedResult).reason as AppError).message).toContain(stored.status);
    expect((await verifyAuditChain(projectChain(project.id))).problem).toBeNull();
  });

  it("assigns only to members who can tag, and builds a queue", async () => {
    const { project, claims, members, outsider, actorOf } = await projectWithClaims(4);
    await expect(
      assignClaim({
        projectId: project.id,
        claimId: claims[0]!.id,
        assigneeId: members.viewer.id,
        expectedVersion: null,
        actor: actorOf("editor"),
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
    });
    await expect(
      assignClaim({
        projectId: project.id,
        claimId: claims[0]!.id,
        assigneeId: outsider.id,
        expectedVersion: null,
        actor: actorOf("editor"),
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
    });
    await assignClaim({
      projectId: project.id,
      claimId: claims[0]!.id,
      assigneeId: members.reviewer.id,
      expectedVersion: null,
      actor: actorOf("editor"),
    });
    await assignClaim({
      projectId: project.id,
      claimId: claims[2]!.id,
      assigneeId: members.reviewer.id,
      expectedVersion: null,
      actor: actorOf("editor"),
    });
    const queue = await searchClaims({
      projectId: project.id,
      query: parseClaimQuery(new URLSearchParams("assignee=me")),
      viewerId: members.reviewer.id,
    });
    expect(queue.rows.map((r) => r.id)).toEqual([claims[0]!.id, claims[2]!.id]);
  });
});

describe("searching the claims table", () => {
  it("filters, sorts, pages and counts by status on the server", async () => {
    const { project, claims, members, actorOf } = await projectWithClaims(30);
    await tagClaim({
      projectId: project.id,
      claimId: claims[1]!.id,
      status: "disputed",
      rationale: "r",
      expectedVersion: null,
      actor: actorOf("reviewer"),
    });
    await tagClaim({
      projectId: project.id,
      claimId: claims[2]!.id,
      status: "confirmed",
      rationale: "r",
      expectedVersion: null,
      actor: actorOf("reviewer"),
    });
    const viewer = members.viewer.id;
    const page = await searchClaims({
      projectId: project.id,
      query: parseClaimQuery(new URLSearchParams("sort=checkworthiness&dir=desc&size=25&page=2")),
      viewerId: viewer,
    });
    expect(page.total).toBe(30);
    expect(page.rows).toHaveLength(5);
    const all = await searchClaims({
      projectId: project.id,
      query: parseClaimQuery(new URLSearchParams("sort=checkworthiness&dir=desc&size=50")),
      viewerId: viewer,
    });
    const scores = all.rows.map((r) => r.checkworthiness);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const filtered = await searchClaims({
      projectId: project.id,
      query: parseClaimQuery(new URLSearchParams("status=disputed&status=confirmed")),
      viewerId: viewer,
    });
    expect(filtered.rows.map((r) => r.id).sort()).toEqual([claims[1]!.id, claims[2]!.id].sort());
    expect(filtered.counts).toEqual({ unverified: 28, confirmed: 1, disputed: 1 });
    const text = await searchClaims({
      projectId: project.id,
      query: parseClaimQuery(new URLSearchParams(`q=${encodeURIComponent("TEMPORARY HOUSING")}`)),
      viewerId: viewer,
    });
    expect(text.total).toBeGreaterThan(0);
    expect(text.rows.every((r) => r.text.includes("temporary housing"))).toBe(true);
    const range = await searchClaims({
      projectId: project.id,
      query: parseClaimQuery(new URLSearchParams("min=0.5&max=0.6")),
      viewerId: viewer,
    });
    expect(range.rows.every((r) => r.checkworthiness >= 0.5 && r.checkworthiness <= 0.6)).toBe(true);
  });

  it("filters to the claims that need re-anchoring (the project page links there)", async () => {
    const { project, claims, members } = await projectWithClaims(6);
    const lost = [claims[1]!.id, claims[4]!.id];
    await getDb().claim.updateMany({ where: { id: { in: lost } }, data: { anchorState: "needs_reanchoring" } });
    const result = await searchClaims({
      projectId: project.id,
      query: parseClaimQuery(new URLSearchParams("reanchor=1")),
      viewerId: members.viewer.id,
    });
    expect(result.rows.map((r) => r.id).sort()).toEqual([...lost].sort());
    expect(result.total).toBe(2);
    expect(result.counts.unverified).toBe(2);
  });
});

describe("bulk changes", () => {
  it("previews, applies to everything matching a filter, and undoes within 30 seconds", async () => {
    const { project, claims, actorOf } = await projectWithClaims(40);
    const reviewer = actorOf("reviewer");
    const editor = actorOf("editor");
    await tagClaim({
      projectId: project.id,
      claimId: claims[0]!.id,
      status: "disputed",
      rationale: "earlier",
      expectedVersion: null,
      actor: reviewer,
    });
    const query = parseClaimQuery(new URLSearchParams("status=unverified"));
    const target = { query, viewerId: editor.id! };
    await expect(previewBulkChange({ projectId: project.id, target, change: { status: "confirmed" } })).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect(await previewBulkChange({ projectId: project.id, target, change: { status: "confirmed", rationale: "Batch check" } })).toEqual({
      matched: 39,
      willChange: 39,
    });
    const applied = await applyBulkChange({
      projectId: project.id,
      target,
      change: { status: "confirmed", rationale: "Batch check" },
      actor: editor,
    });
    expect(applied.changed).toBe(39);
    expect(await getDb().claim.count({ where: { projectId: project.id, status: "confirmed" } })).toBe(39);
    // Someone changes one claim after the bulk change: undo leaves theirs alone.
    await tagClaim({
      projectId: project.id,
      claimId: claims[5]!.id,
      status: "disputed",
      rationale: "Second look",
      expectedVersion: null,
      actor: reviewer,
    });
    await expect(undoBulkChange({ projectId: project.id, operationId: applied.operationId, actor: reviewer })).rejects.toMatchObject({
      code: "conflict",
    });
    expect(await undoBulkChange({ projectId: project.id, operationId: applied.operationId, actor: editor })).toEqual({
      restored: 38,
      skipped: 1,
    });
    expect(await getDb().claim.count({ where: { projectId: project.id, status: "unverified" } })).toBe(38);
    expect((await getDb().claim.findUniqueOrThrow({ where: { id: claims[5]!.id } })).status).toBe("disputed");
    expect((await getDb().claim.findUniqueOrThrow({ where: { id: claims[0]!.id } })).status).toBe("disputed");
    await expect(undoBulkChange({ projectId: project.id, operationId: applied.operationId, actor: editor })).rejects.toThrow(
      /already been undone/,
    );
    const history = await claimHistory(project.id, claims[3]!.id);
    expect(history.map((e) => e.action)).toEqual(["claim.status_changed", "claim.change_undone"]);
    expect((await verifyAuditChain(projectChain(project.id))).problem).toBeNull();
  });

  it("refuses an undo after the window", async () => {
    const { project, claims, actorOf } = await projectWithClaims(2);
    const applied = await applyBulkChange({
      projectId: project.id,
      target: { ids: claims.map((c) => c.id) },
      change: { status: "confirmed", rationale: "ok" },
      actor: actorOf("editor"),
    });
    const later = new Date(Date.now() + 31_000);
    await expect(
      undoBulkChange({ projectId: project.id, operationId: applied.operationId, actor: actorOf("editor"), now: later }),
    ).rejects.toThrow(/30 seconds/);
  });

  it("changes 3,000 claims at once, one audit event each", async () => {
    // Several of the bulk path's batches (500 claims each) and past SQLite's 999 parameters and the trail's 1,000-row inserts;
    // its speed at scale is a benchmark's business, not this test's.
    const { project, actorOf } = await projectWithClaims(3_000);
    const editor = actorOf("editor");
    const applied = await applyBulkChange({
      projectId: project.id,
      target: { query: parseClaimQuery(new URLSearchParams()), viewerId: editor.id! },
      change: { status: "disputed", rationale: "Wire copy retracted" },
      actor: editor,
    });
    expect(applied.changed).toBe(3_000);
    expect(await getDb().claim.count({ where: { projectId: project.id, status: "disputed" } })).toBe(3_000);
    expect(await getDb().auditEvent.count({ where: { projectId: project.id, action: "claim.status_changed" } })).toBe(3_000);
    expect(await undoBulkChange({ projectId: project.id, operationId: applied.operationId, actor: editor })).toEqual({
      restored: 3_000,
      skipped: 0,
    });
    const verified = await verifyAuditChain(projectChain(project.id));
    expect(verified.problem).toBeNull();
  }, 240_000);

  it("ignores claim ids of another project", async () => {
    const a = await projectWithClaims(2);
    const b = await projectWithClaims(2);
    const applied = await applyBulkChange({
      projectId: a.project.id,
      target: { ids: b.claims.map((c) => c.id) },
      change: { status: "confirmed", rationale: "x" },
      actor: a.actorOf("editor"),
    });
    expect(applied.changed).toBe(0);
    expect(await getDb().claim.count({ where: { projectId: b.project.id, status: "confirmed" } })).toBe(0);
  });
});

describe("bulk changes racing single verdicts", () => {
  it("never lose an acknowledged write: every claim's versions and audit events form one unbroken sequence", async () => {
    const { project, claims, actorOf } = await projectWithClaims(120);
    const query = parseClaimQuery(new URLSearchParams("status=unverified"));
    const singles = claims.slice(0, 30).map((claim, i) =>
      tagClaim({
        projectId: project.id,
        claimId: claim.id,
        status: "disputed",
        rationale: `single ${i}`,
        expectedVersion: 1,
        actor: actorOf("reviewer"),
      }),
    );
    const bulks = [0, 1].map(() =>
      applyBulkChange({
        projectId: project.id,
        target: { query, viewerId: 0 },
        change: { status: "confirmed", rationale: "bulk", assigneeId: undefined },
        actor: actorOf("editor"),
      }),
    );
    const settled = await Promise.allSettled([...singles, ...bulks]);
    for (const result of settled) {
      // A refusal is fine (stale version, or a bulk change that met a claim changed meanwhile); anything else is not.
      if (result.status === "rejected") expect(["stale_version", "conflict"]).toContain((result.reason as AppError).code);
    }
    const stored = await getDb().claim.findMany({ where: { projectId: project.id }, orderBy: { id: "asc" } });
    const events = await getDb().auditEvent.findMany({
      where: { projectId: project.id, targetType: "claim", action: "claim.status_changed" },
      orderBy: { seq: "asc" },
    });
    for (const claim of stored) {
      const versions = events
        .filter((e) => e.targetId === String(claim.id))
        .map((e) => (JSON.parse(e.details) as { version: number }).version);
      // Two writers succeeding from the same version would repeat a number here.
      expect(versions).toEqual(Array.from({ length: claim.version - 1 }, (_, i) => i + 2));
    }
    expect((await verifyAuditChain(projectChain(project.id))).problem).toBeNull();
  });
});

describe("search edge cases", () => {
  it("reads % and _ in a search as punctuation, not patterns, and sorts unassigned claims last in either direction", async () => {
    const { project, claims, members } = await projectWithClaims(6);
    await getDb().claim.update({ where: { id: claims[0]!.id }, data: { text: "Turnout was 50% higher, officials said." } });
    await getDb().claim.update({ where: { id: claims[1]!.id }, data: { text: "The file is named budget_2026 in the archive." } });
    const search = (q: string) =>
      searchClaims({ projectId: project.id, query: parseClaimQuery(new URLSearchParams({ q })), viewerId: members.owner.id });
    expect((await search("50%")).rows.map((r) => r.id)).toEqual([claims[0]!.id]);
    expect((await search("budget_2026")).rows.map((r) => r.id)).toEqual([claims[1]!.id]);
    // Full-text search matches words: part of a word is no match, and % or _ alone is no search at all.
    expect((await search("get_2")).rows).toEqual([]);
    expect((await search("%")).total).toBe(6);
    await getDb().claim.update({ where: { id: claims[2]!.id }, data: { assigneeId: members.reviewer.id } });
    for (const dir of ["asc", "desc"]) {
      const rows = (
        await searchClaims({
          projectId: project.id,
          query: parseClaimQuery(new URLSearchParams({ sort: "assignee", dir })),
          viewerId: members.owner.id,
        })
      ).rows;
      expect(rows[0]!.assignee?.id).toBe(members.reviewer.id);
      expect(rows.slice(1).every((r) => r.assignee === null)).toBe(true);
    }
  });
});

describe.runIf(testLane() === "sqlite")("SQLite under concurrent writers", () => {
  it("neither deadlocks nor loses an acknowledged write, with a second process writing at the same time", async () => {
    const { project, claims, members, actorOf } = await projectWithClaims(120);
    const reviewer = actorOf("reviewer");
    const mine = claims.slice(0, 60);
    const theirs = claims.slice(60, 70);
    // Another process (the CLI) tags other claims of the same project meanwhile.
    const bin = path.resolve(import.meta.dirname, "../../bin/claimdesk.mjs");
    const child = spawn(
      process.execPath,
      [
        "-e",
        `
        const { spawnSync } = require("node:child_process");
        let failures = 0;
        for (const id of ${JSON.stringify(theirs.map((c) => c.id))}) {
          const r = spawnSync(process.execPath, [${JSON.stringify(bin)}, "tag", "--claim", String(id), "--status", "disputed", "--rationale", "other process", "--as", ${JSON.stringify(members.editor.username)}]);
          if (r.status !== 0) { failures++; console.error(String(r.stderr)); }
        }
        process.exit(failures);
      `,
      ],
      { env: process.env, stdio: ["ignore", "ignore", "pipe"] },
    );
    let childErrors = "";
    child.stderr.on("data", (chunk) => (childErrors += String(chunk)));
    const childDone = new Promise<number>((resolve) => child.on("exit", (code) => resolve(code ?? 1)));
    const acknowledged: number[] = [];
    await Promise.all(
      mine.map(async (claim, i) => {
        await new Promise((r) => setTimeout(r, i * 15));
        await tagClaim({
          projectId: project.id,
          claimId: claim.id,
          status: "confirmed",
          rationale: `in-process ${i}`,
          expectedVersion: 1,
          actor: reviewer,
        });
        acknowledged.push(claim.id);
      }),
    );
    expect(await childDone, childErrors).toBe(0);
    expect(acknowledged).toHaveLength(60);
    expect(await getDb().claim.count({ where: { id: { in: acknowledged }, status: "confirmed" } })).toBe(60);
    expect(await getDb().claim.count({ where: { id: { in: theirs.map((c) => c.id) }, status: "disputed" } })).toBe(10);
    // Later transactions still work and the trail is whole.
    await tagClaim({
      projectId: project.id,
      claimId: claims[100]!.id,
      status: "confirmed",
      rationale: "after",
      expectedVersion: 1,
      actor: reviewer,
    });
    expect(await verifyAuditChain(projectChain(project.id))).toMatchObject({ problem: null });
  }, 240_000);
});

describe.runIf(testLane() === "sqlite")("SQLite with several server processes", () => {
  // The server runs one process per core; each process's transactions read and then
  // write. With a deferred BEGIN such a transaction fails at once with SQLITE_BUSY when
  // another process commits in between; BEGIN IMMEDIATE makes it wait its turn.
  it("lets processes tagging at the same time all succeed, with every acknowledged change stored and audited", async () => {
    const { project, claims, actorOf } = await projectWithClaims(160);
    const reviewer = actorOf("reviewer");
    const editor = actorOf("editor");
    const script = path.resolve(import.meta.dirname, "../support/tag-from-another-process.ts");
    const runChild = (ids: number[]) =>
      new Promise<{ acknowledged: number; failures: string[] }>((resolve, reject) => {
        const child = spawn(
          process.execPath,
          ["--import", "tsx", script, String(project.id), String(editor.id), editor.name, ...ids.map(String)],
          {
            env: process.env,
            stdio: ["ignore", "pipe", "pipe"],
          },
        );
        let out = "";
        let err = "";
        child.stdout.on("data", (chunk) => (out += String(chunk)));
        child.stderr.on("data", (chunk) => (err += String(chunk)));
        child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`child exited ${code}: ${err}`))));
      });
    const shares = [claims.slice(0, 40), claims.slice(40, 80), claims.slice(80, 120)].map((share) => share.map((c) => c.id));
    const children = shares.map(runChild);
    const mine = claims.slice(120, 160);
    const acknowledgedHere: number[] = [];
    for (const claim of mine) {
      await tagClaim({
        projectId: project.id,
        claimId: claim.id,
        status: "confirmed",
        rationale: "this process",
        expectedVersion: 1,
        actor: reviewer,
      });
      acknowledgedHere.push(claim.id);
    }
    const results = await Promise.all(children);
    for (const result of results) expect(result).toEqual({ acknowledged: 40, failures: [] });
    expect(acknowledgedHere).toHaveLength(40);
    expect(await getDb().claim.count({ where: { projectId: project.id, status: "disputed", version: 2 } })).toBe(120);
    expect(await getDb().claim.count({ where: { projectId: project.id, status: "confirmed", version: 2 } })).toBe(40);
    expect(await getDb().auditEvent.count({ where: { projectId: project.id, action: "claim.status_changed" } })).toBe(160);
    expect(await verifyAuditChain(projectChain(project.id))).toMatchObject({ problem: null });
  }, 240_000);
});

describe("document filter options", () => {
  it("come with the page in a small project; in a large one only the selected document does, and the rest on request", async () => {
    const team = await makeProjectWithTeam();
    const make = (from: number, to: number) =>
      getDb().document.createMany({
        data: Array.from({ length: to - from }, (_, i) => ({
          projectId: team.project.id,
          title: `Article ${String(from + i).padStart(3, "0")}`,
          format: "text",
          text: "x",
          textHash: `${team.project.id}-${from + i}`,
        })),
      });
    await make(0, INLINE_DOCUMENT_OPTIONS);
    const small = await documentFilterOptions(team.project.id, undefined);
    expect(small).toMatchObject({ complete: true });
    expect(small.options).toHaveLength(INLINE_DOCUMENT_OPTIONS);

    await make(INLINE_DOCUMENT_OPTIONS, INLINE_DOCUMENT_OPTIONS + 1);
    const last = await getDb().document.findFirstOrThrow({
      where: { projectId: team.project.id, title: `Article ${String(INLINE_DOCUMENT_OPTIONS).padStart(3, "0")}` },
    });
    expect(await documentFilterOptions(team.project.id, undefined)).toEqual({ complete: false, options: [] });
    expect(await documentFilterOptions(team.project.id, last.id)).toEqual({
      complete: false,
      options: [{ id: last.id, title: last.title }],
    });
    // A document of another project is not offered even if its id is in the URL.
    const other = await makeProjectWithTeam();
    const foreign = await getDb().document.create({
      data: { projectId: other.project.id, title: "Foreign", format: "text", text: "y", textHash: `f-${other.project.id}` },
    });
    expect(await documentFilterOptions(team.project.id, foreign.id)).toEqual({ complete: false, options: [] });
    expect(await listDocumentOptions(team.project.id)).toHaveLength(INLINE_DOCUMENT_OPTIONS + 1);
  });
});
