import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/main";
import { getDb } from "../../app/db.server";
import { computeAuditHash, projectChain } from "../../app/lib/audit-hash";
import { parseClaimQuery } from "../../app/lib/claim-query";
import { applyBulkChange, undoBulkChange } from "../../app/models/bulk-change.server";
import { tagClaim } from "../../app/models/claim-verdict.server";
import type { ReportClaim, ReportHeader } from "../../app/lib/export/report";
import { exportClaims } from "../../app/models/export.server";
import { seedLargeDemo } from "../../app/models/large-demo.server";
import { makeProjectWithTeam } from "../support/factories";
import { exportBytes } from "../support/report";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-verify-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => "",
  });
  return { code, stdout, stderr };
}

async function setup() {
  const team = await makeProjectWithTeam();
  await seedLargeDemo({ projectId: team.project.id, count: 5, actor: { id: null, name: "test" } });
  await getDb().project.update({ where: { id: team.project.id }, data: { requireSourceForVerdict: false } });
  await getDb().claim.updateMany({ where: { projectId: team.project.id }, data: { status: "unverified", rationale: null } });
  const claims = await getDb().claim.findMany({ where: { projectId: team.project.id, dismissed: false }, orderBy: { id: "asc" } });
  const a = { id: team.members.reviewer.id, name: team.members.reviewer.username };
  const b = { id: team.members.editor.id, name: team.members.editor.username };
  await tagClaim({
    projectId: team.project.id,
    claimId: claims[0]!.id,
    status: "confirmed",
    rationale: "Register",
    expectedVersion: null,
    actor: a,
  });
  await tagClaim({
    projectId: team.project.id,
    claimId: claims[1]!.id,
    status: "disputed",
    rationale: "Budget",
    expectedVersion: null,
    actor: a,
  });
  const bulk = await applyBulkChange({
    projectId: team.project.id,
    target: { ids: [claims[1]!.id, claims[2]!.id] },
    change: { status: "confirmed", rationale: "Agency" },
    actor: b,
  });
  await undoBulkChange({ projectId: team.project.id, operationId: bulk.operationId, actor: b });
  await tagClaim({
    projectId: team.project.id,
    claimId: claims[3]!.id,
    status: "disputed",
    rationale: "Photos",
    expectedVersion: null,
    actor: b,
  });
  return { ...team, claims, a, b };
}

async function writeReport(team: Awaited<ReturnType<typeof setup>>, name: string) {
  const file = path.join(dir, `${name}.json`);
  fs.writeFileSync(file, await exportBytes("json", { project: team.project, user: team.members.viewer }));
  return file;
}

// A report as a file holds it, open to any edit (a field removed, a version no release wrote).
type ReportFile = Omit<ReportHeader, "version"> & { version: number; claims?: ReportClaim[] };

function edit(file: string, change: (report: ReportFile) => void) {
  const report = JSON.parse(fs.readFileSync(file, "utf8")) as ReportFile;
  change(report);
  const edited = file.replace(/\.json$/, `-edited-${Math.random().toString(16).slice(2)}.json`);
  fs.writeFileSync(edited, JSON.stringify(report));
  return edited;
}

describe("claimdesk report verify", () => {
  it("passes on a fresh report, and still after the trail moves on", async () => {
    const team = await setup();
    const file = await writeReport(team, "fresh");
    const report = JSON.parse(fs.readFileSync(file, "utf8"));
    const ok = await cli(["report", "verify", file, "--project", team.project.slug]);
    expect(ok).toEqual({ code: 0, stdout: `5 claims match the trail up to event #${report.integrity.events}\n`, stderr: "" });
    const json = await cli(["report", "verify", file, "--project", team.project.slug, "--json"]);
    expect(JSON.parse(json.stdout)).toEqual({
      ok: true,
      claims: 5,
      upToEvent: report.integrity.events,
      headHash: report.integrity.headHash,
    });

    // A printed report carries only its head: the trail must still hold that hash at that event.
    const head = ["--event", String(report.integrity.events), "--hash", report.integrity.headHash.toUpperCase()];
    expect(await cli(["report", "verify", "--project", team.project.slug, ...head])).toEqual({
      code: 0,
      stdout: `the trail holds the report's head hash at event #${report.integrity.events}: nothing recorded up to it has changed since\n`,
      stderr: "",
    });
    const wrongHash = await cli(["report", "verify", "--project", team.project.slug, "--event", "1", "--hash", report.integrity.headHash]);
    expect(wrongHash.code).toBe(1);
    expect(wrongHash.stderr).toMatch(/event #1 of the trail has another hash than the report's head hash/);

    // Later decisions do not make an earlier report wrong: it states the trail up to its head event.
    await tagClaim({
      projectId: team.project.id,
      claimId: team.claims[0]!.id,
      status: "disputed",
      rationale: "New evidence",
      expectedVersion: null,
      actor: team.b,
    });
    expect((await cli(["report", "verify", file, "--project", team.project.slug])).code).toBe(0);
  });

  it("fails naming the first claim whose verdict, decider or time was edited, or whose summary does not add up", async () => {
    const team = await setup();
    const file = await writeReport(team, "edited");
    const target = team.claims[1]!.id;
    const claim = (r: ReportFile) => r.claims!.find((c) => c.id === target)!;
    const cases: Array<[(r: ReportFile) => void, RegExp]> = [
      [
        (r) => (claim(r).status = "confirmed"),
        new RegExp(`^claimdesk: report does not match the trail: claim ${target}: the verdict differs`),
      ],
      [(r) => (claim(r).decidedBy = team.b.name), new RegExp(`claim ${target}: the decider differs`)],
      [(r) => (claim(r).decidedAt = "2020-01-01T00:00:00.000Z"), /the decision time differs/],
      [(r) => (claim(r).rationale = "Something else"), /the rationale differs/],
      [(r) => (r.summary.confirmed += 1), /the summary says 2 confirmed but the report lists 1/],
      [(r) => (r.integrity.headHash = "0".repeat(64)), /another hash than the report's head hash/],
      [(r) => (r.integrity.events += 1000), /the trail has no event #/],
    ];
    for (const [change, message] of cases) {
      const result = await cli(["report", "verify", edit(file, change), "--project", team.project.slug]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
    // With the status changed back to what the trail says, the edited copy passes again: the check is on content, not bytes.
    const roundTrip = edit(file, (r) => (r.generatedBy = "Someone else"));
    expect((await cli(["report", "verify", roundTrip, "--project", team.project.slug])).code).toBe(0);
  });

  it("fails when the trail was rewritten since the report, even consistently re-hashed", async () => {
    const team = await setup();
    const file = await writeReport(team, "rewritten");
    const chain = projectChain(team.project.id);
    const db = getDb();
    // Rewrite the second claim's decision (as someone with database access could) and re-hash the chain from there on.
    const decision = await db.auditEvent.findFirstOrThrow({
      where: { chain, action: "claim.status_changed", targetId: String(team.claims[1]!.id) },
      orderBy: { seq: "asc" },
    });
    const events = await db.auditEvent.findMany({ where: { chain, seq: { gte: decision.seq } }, orderBy: { seq: "asc" } });
    let previous = decision.prevHash;
    for (const event of events) {
      const details = event.id === decision.id ? event.details.replace('"to":"disputed"', '"to":"confirmed"') : event.details;
      const hash = computeAuditHash({ ...event, details, prevHash: previous });
      await db.auditEvent.update({ where: { id: event.id }, data: { details, prevHash: previous, hash } });
      previous = hash;
    }
    await db.auditChainHead.update({ where: { chain }, data: { headHash: previous } });
    expect((await cli(["audit", "verify", "--project", team.project.slug])).code).toBe(0);
    const result = await cli(["report", "verify", file, "--project", team.project.slug]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`the trail was rewritten since the report; claim ${team.claims[1]!.id}: the verdict differs: the report says disputed`),
    );
  });

  it("refuses what it cannot check with one line and exit 2", async () => {
    const team = await setup();
    const file = await writeReport(team, "usage");
    const notJson = path.join(dir, "report.csv");
    fs.writeFileSync(notJson, "claim_id,status\n1,confirmed\n");
    const expectations: Array<[string[], number, RegExp]> = [
      [["report", "verify", notJson, "--project", team.project.slug], 2, /is not JSON/],
      [["report", "verify", edit(file, (r) => (r.version = 1)), "--project", team.project.slug], 2, /version 1 report/],
      [["report", "verify", edit(file, (r) => delete r.claims), "--project", team.project.slug], 2, /not a Claimdesk JSON report: claims/],
      [["report", "verify", path.join(dir, "missing.json"), "--project", team.project.slug], 2, /cannot read .*ENOENT/],
      [["report", "verify", "--project", team.project.slug], 2, /usage: claimdesk report verify FILE/],
      [["report", "verify", file], 2, /--project/],
      [["report", "verify", file, "--project", "no-such-desk"], 1, /no project with the slug/],
      [["report", "verify", "--project", team.project.slug, "--event", "3"], 2, /usage: claimdesk report verify/],
      [
        ["report", "verify", "--project", team.project.slug, "--event", "3", "--hash", "abc"],
        2,
        /--hash: must be the report's 64-character head hash/,
      ],
      [
        ["report", "verify", file, "--project", team.project.slug, "--event", "3", "--hash", "a".repeat(64)],
        2,
        /usage: claimdesk report verify/,
      ],
    ];
    const other = await makeProjectWithTeam();
    expectations.push([["report", "verify", file, "--project", other.project.slug], 1, /the report is of project/]);
    for (const [argv, code, message] of expectations) {
      const result = await cli(argv);
      expect(result.code, `${argv.join(" ")}: ${result.stderr}`).toBe(code);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
  });

  it("describes a claim changed while the report is written as it stood at the report's head event", async () => {
    const team = await setup();
    const head = await getDb().auditChainHead.findUniqueOrThrow({ where: { chain: projectChain(team.project.id) } });
    await tagClaim({
      projectId: team.project.id,
      claimId: team.claims[0]!.id,
      status: "disputed",
      rationale: "Late change",
      expectedVersion: null,
      actor: team.b,
    });
    const pages = exportClaims(team.project.id, parseClaimQuery(new URLSearchParams()), team.members.viewer.id, {
      withHistory: true,
      asOfSeq: head.seq,
      history: {},
    });
    const claims = [];
    for await (const page of pages) claims.push(...page);
    const first = claims.find((c) => c.id === team.claims[0]!.id)!;
    expect(first).toMatchObject({ status: "confirmed", rationale: "Register", decidedBy: team.a.name });
    expect(first.history.map((h) => h.action)).toEqual(["claim.status_changed"]);
  });
});
