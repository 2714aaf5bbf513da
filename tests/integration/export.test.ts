import { parse } from "csv-parse/sync";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/main";
import { getDb } from "../../app/db.server";
import { projectChain } from "../../app/lib/audit-hash";
import { reportSchema } from "../../app/lib/export/report";
import { verifyAuditChain } from "../../app/models/audit.server";
import { tagClaim } from "../../app/models/claim-verdict.server";
import { seedLargeDemo } from "../../app/models/large-demo.server";
import { addExternalSource } from "../../app/models/source.server";
import * as download from "../../app/routes/project.export.download";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { buildRequest } from "../support/routes";

async function setup() {
  const team = await makeProjectWithTeam();
  await seedLargeDemo({ projectId: team.project.id, count: 6, actor: { id: null, name: "test" } });
  await getDb().claim.updateMany({ where: { projectId: team.project.id }, data: { status: "unverified", rationale: null } });
  const claims = await getDb().claim.findMany({ where: { projectId: team.project.id }, orderBy: { id: "asc" } });
  const reviewer = { id: team.members.reviewer.id, name: team.members.reviewer.username };
  await addExternalSource({
    projectId: team.project.id,
    claimId: claims[0]!.id,
    source: { url: "https://stats.example/road-budget", stance: "refutes", quote: "Spending was lower" },
    actor: reviewer,
  });
  await tagClaim({
    projectId: team.project.id,
    claimId: claims[0]!.id,
    status: "disputed",
    rationale: "The budget says otherwise",
    expectedVersion: null,
    actor: reviewer,
  });
  await addExternalSource({
    projectId: team.project.id,
    claimId: claims[1]!.id,
    source: { url: "https://stats.example/cases", stance: "supports" },
    actor: reviewer,
  });
  await tagClaim({
    projectId: team.project.id,
    claimId: claims[1]!.id,
    status: "confirmed",
    rationale: "Matches the register",
    expectedVersion: null,
    actor: reviewer,
  });
  return { ...team, claims };
}

async function exportThroughRoute(slug: string, cookie: string, form: Record<string, string | string[]>) {
  const request = buildRequest(`/projects/${slug}/export/download`, { cookie, form });
  try {
    const response = (await download.action({
      request,
      params: { slug },
      context: { cspNonce: "", clientIp: "203.0.113.9" },
    } as never)) as Response;
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  } catch (thrown) {
    const status = thrown instanceof Response ? thrown.status : ((thrown as { init?: { status?: number } }).init?.status ?? 500);
    return { status, headers: new Headers(), body: Buffer.alloc(0) };
  }
}

describe("export", () => {
  it("pages through more claims than one page holds: every claim once, in order, with its sources", async () => {
    const team = await makeProjectWithTeam();
    await seedLargeDemo({ projectId: team.project.id, count: 1_234, actor: { id: null, name: "test" } });
    const claims = await getDb().claim.findMany({
      where: { projectId: team.project.id, dismissed: false },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const reviewer = { id: team.members.reviewer.id, name: team.members.reviewer.username };
    // A source on the last claim of what is the second page, where a page boundary could drop it.
    await addExternalSource({
      projectId: team.project.id,
      claimId: claims[999]!.id,
      source: { url: "https://stats.example/boundary", stance: "supports" },
      actor: reviewer,
    });
    const result = await exportThroughRoute(team.project.slug, await cookieFor(team.members.viewer.id), { format: "csv" });
    const rows = parse(result.body.toString("utf8"), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => Number(r.claim_id))).toEqual(claims.map((c) => c.id));
    expect(rows[999]).toMatchObject({ source_count: "1", source_urls: "https://stats.example/boundary" });
    const json = await exportThroughRoute(team.project.slug, await cookieFor(team.members.viewer.id), { format: "json" });
    expect(reportSchema.parse(JSON.parse(json.body.toString("utf8"))).claims).toHaveLength(claims.length);
  });

  it("downloads a CSV with the current filters, as an audited event", async () => {
    const { project, members, claims } = await setup();
    const result = await exportThroughRoute(project.slug, await cookieFor(members.viewer.id), { format: "csv", status: "disputed" });
    expect(result.status).toBe(200);
    expect(result.headers.get("Content-Disposition")).toMatch(/attachment; filename=".+\.csv"/);
    const rows = parse(result.body.toString("utf8"), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.claim_id)).toEqual([String(claims[0]!.id)]);
    expect(rows[0]).toMatchObject({
      status: "disputed",
      rationale: "The budget says otherwise",
      decided_by: members.reviewer.username,
      source_count: "1",
      source_urls: "https://stats.example/road-budget",
    });
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { projectId: project.id, action: "report.exported" } });
    expect(event).toMatchObject({ actorId: members.viewer.id, ip: "203.0.113.9" });
    expect(JSON.parse(event.details)).toEqual({ format: "csv", filters: { status: ["disputed"] } });
  });

  it("JSON validates against the report schema and carries the live head hash, including its own export event", async () => {
    const { project, members } = await setup();
    const result = await exportThroughRoute(project.slug, await cookieFor(members.editor.id), { format: "json" });
    const report = reportSchema.parse(JSON.parse(result.body.toString("utf8")));
    expect(report.claims).toHaveLength(6);
    expect(report.summary).toMatchObject({ total: 6, confirmed: 1, disputed: 1, unverified: 4 });
    expect(report.reviewers).toEqual([{ name: members.reviewer.displayName, username: members.reviewer.username, decisions: 2 }]);
    const disputed = report.claims.find((c) => c.status === "disputed")!;
    expect(disputed.history.map((h) => h.action)).toEqual(["claim.source_added", "claim.status_changed"]);
    const verified = await verifyAuditChain(projectChain(project.id));
    expect(verified.problem).toBeNull();
    expect(report.integrity).toMatchObject({ headHash: verified.headHash, events: verified.checked });
    expect(report.integrity.verify).toBe(`claimdesk report verify REPORT.json --project ${project.slug}`);
  });

  it("refuses ClaimReview until the publisher is set, and refuses outsiders and unknown formats", async () => {
    const { project, members, outsider } = await setup();
    const cookie = await cookieFor(members.owner.id);
    const refused = await exportThroughRoute(project.slug, cookie, { format: "claimreview" });
    expect(refused.status).toBe(400);
    expect(refused.body.toString()).toContain("publisher");
    await getDb().project.update({
      where: { id: project.id },
      data: { publisherName: "Example Checks", publisherUrl: "https://checks.example.org" },
    });
    const reviews = JSON.parse(
      (await exportThroughRoute(project.slug, cookie, { format: "claimreview" })).body.toString("utf8"),
    ) as unknown[];
    expect(reviews).toHaveLength(2);
    expect((await exportThroughRoute(project.slug, await cookieFor(outsider.id), { format: "csv" })).status).toBe(404);
    expect((await exportThroughRoute(project.slug, cookie, { format: "docx" })).status).toBe(400);
  });

  it("CLI export writes each format and leaves nothing behind on failure", async () => {
    const { project, members } = await setup();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-export-"));
    const io = { stdout: () => undefined, stderr: () => undefined, readStdin: async () => "" };
    for (const format of ["csv", "json", "html", "pdf"]) {
      const out = path.join(dir, `report.${format}`);
      expect(
        await runCli(
          [
            "export",
            "--project",
            project.slug,
            "--format",
            format,
            "--status",
            "confirmed,disputed",
            "--as",
            members.viewer.username,
            "--out",
            out,
          ],
          io,
        ),
      ).toBe(0);
      expect(fs.statSync(out).size).toBeGreaterThan(100);
    }
    expect(fs.readFileSync(path.join(dir, "report.pdf")).subarray(0, 4).toString()).toBe("%PDF");
    let stderr = "";
    const failing = await runCli(["export", "--project", project.slug, "--format", "claimreview", "--out", path.join(dir, "x.jsonld")], {
      ...io,
      stderr: (t) => void (stderr += t),
    });
    expect(failing).toBe(1);
    expect(stderr).toContain("publisher");
    expect(fs.readdirSync(dir).sort()).toEqual(["report.csv", "report.html", "report.json", "report.pdf"]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
