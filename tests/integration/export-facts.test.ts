import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/main";
import { getDb } from "../../app/db.server";
import { reportSchema } from "../../app/lib/export/report";
import { parseClaimQuery } from "../../app/lib/claim-query";
import { searchClaims } from "../../app/models/claim-search.server";
import { tagClaim } from "../../app/models/claim-verdict.server";
import { addComment, deleteComment } from "../../app/models/comments/comment-write.server";
import { importFile } from "../../app/models/import.server";
import { reviewClaim } from "../../app/models/review/review-verdict.server";
import * as download from "../../app/routes/project.export.download";
import { FERRY_STORY } from "../fixtures/facts/ferry-story";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { pdfPages } from "../support/pdf-text";
import { buildRequest, callRoute } from "../support/routes";

// The report with facts and discussion: three invented outlets tell one story, the deadline is
// 5:01 p.m. in two of them and 5 p.m. in the third.

async function ferryDesk() {
  const team = await makeProjectWithTeam();
  const editor = { id: team.members.editor.id, name: team.members.editor.username };
  const reviewer = { id: team.members.reviewer.id, name: team.members.reviewer.username };
  for (const [name, text] of Object.entries(FERRY_STORY))
    await importFile(team.project.id, { name, bytes: new TextEncoder().encode(text) }, { maxBytes: 1_000_000, threshold: 0 }, editor);
  await getDb().project.update({ where: { id: team.project.id }, data: { requireSourceForVerdict: false } });
  await getDb().document.updateMany({
    where: { projectId: team.project.id, title: { contains: "Deadline for ferry" } },
    data: { outlet: "Coast Times" },
  });
  await getDb().document.updateMany({
    where: { projectId: team.project.id, title: { contains: "faces Friday" } },
    data: { outlet: "Harbour Daily" },
  });
  const claimAbout = (fragment: string) =>
    getDb().claim.findFirstOrThrow({ where: { projectId: team.project.id, text: { contains: fragment } } });
  const northgate = await claimAbout("until 5:01 p.m. on Friday");
  const harbour = await claimAbout("until 5:01 p.m. Friday");
  const coast = await claimAbout("5 p.m. on Friday");
  await tagClaim({
    projectId: team.project.id,
    claimId: coast.id,
    status: "disputed",
    rationale: "The notice says 5:01",
    expectedVersion: null,
    actor: reviewer,
  });
  const kept = await addComment({
    projectId: team.project.id,
    claimId: northgate.id,
    text: "Notice seen: 5:01 p.m. @nobody",
    actor: reviewer,
  });
  const gone = await addComment({ projectId: team.project.id, claimId: northgate.id, text: "Wrong thread", actor: editor });
  await deleteComment({ projectId: team.project.id, commentId: gone!.id, actor: editor });
  return { ...team, northgate, harbour, coast, kept: kept!, reviewer };
}

async function exportViaRoute(slug: string, userId: number, form: Record<string, string>) {
  const request = buildRequest(`/projects/${slug}/export/download`, { cookie: await cookieFor(userId), form });
  return callRoute(download.action, request, { slug });
}

function captureIo() {
  const err: string[] = [];
  return { io: { stdout: () => undefined, stderr: (t: string) => void err.push(t), readStdin: async () => "" }, err };
}

describe("report with facts and discussion", () => {
  it(
    "JSON gives each claim its fact's other versions with the differing time, and the discussion only when asked",
    { timeout: 60_000 },
    async () => {
      const desk = await ferryDesk();
      const asked = await exportViaRoute(desk.project.slug, desk.members.viewer.id, { format: "json", comments: "on" });
      expect(asked.status).toBe(200);
      const report = reportSchema.parse(asked.body);
      expect(report.includes).toEqual({ comments: true });
      const northgate = report.claims.find((c) => c.id === desk.northgate.id)!;
      const member = await getDb().factMember.findUniqueOrThrow({ where: { claimId: desk.northgate.id } });
      expect(northgate.factId).toBe(member.factId);
      expect(northgate.fact).toMatchObject({ id: member.factId, outlets: 3, othersLeftOut: 0 });
      expect(northgate.fact!.others.map((o) => [o.claimId, o.outlet, o.status, o.differences])).toEqual([
        [desk.harbour.id, "Harbour Daily", "unverified", []],
        [desk.coast.id, "Coast Times", "disputed", [{ kind: "time", here: "5:01 p.m.", there: "5 p.m." }]],
      ]);
      expect(northgate.comments!.map((c) => [c.id, c.text, c.author])).toEqual([
        [desk.kept.id, "Notice seen: 5:01 p.m. @nobody", desk.members.reviewer.username],
        [expect.any(Number), null, desk.members.editor.username],
      ]);
      // Every claim of the report is in a fact; a claim in a fact of its own has no other version.
      expect(report.claims.every((c) => typeof c.factId === "number")).toBe(true);
      const passengers = report.claims.find((c) => c.text.startsWith("Passengers"));
      if (passengers) expect(passengers.fact).toBeNull();

      const plain = reportSchema.parse((await exportViaRoute(desk.project.slug, desk.members.viewer.id, { format: "json" })).body);
      expect(plain.includes).toEqual({ comments: false });
      expect(plain.claims.every((c) => c.comments === undefined && c.fact !== undefined)).toBe(true);
      const events = await getDb().auditEvent.findMany({
        where: { projectId: desk.project.id, action: "report.exported" },
        orderBy: { seq: "asc" },
      });
      expect(events.map((e) => (JSON.parse(e.details) as { includes?: unknown }).includes)).toEqual([{ comments: true }, undefined]);
    },
  );

  it("HTML shows 'Also stated by' with verdicts and the difference, and the discussion; CSV stays as it was", async () => {
    const desk = await ferryDesk();
    const html = (await exportViaRoute(desk.project.slug, desk.members.reviewer.id, { format: "html", comments: "on" })).body as string;
    for (const part of [
      "<h4>Also stated by</h4>",
      "Coast Times</span> — “The Lumen port authority set Seaway Ferries a deadline of 5 p.m. on Friday",
      '<span class="disputed">(Disputed)</span><span class="differs">Differs on the time: 5:01 p.m. here, 5 p.m. there</span>',
      "Notice seen: 5:01 p.m. @nobody",
      "Comment deleted by its author.",
      "<dt>Includes</dt><dd>Each claim's discussion</dd>",
    ])
      expect(html).toContain(part);
    const without = (await exportViaRoute(desk.project.slug, desk.members.reviewer.id, { format: "html" })).body as string;
    expect(without).toContain("<h4>Also stated by</h4>");
    expect(without).not.toContain("<h4>Discussion</h4>");
    const csv = (await exportViaRoute(desk.project.slug, desk.members.reviewer.id, { format: "csv", comments: "on" })).body as string;
    expect(csv).not.toContain("Notice seen");
  });

  it("gives the claims table's rows their fact and its number of outlets", async () => {
    const desk = await ferryDesk();
    const { rows } = await searchClaims({
      projectId: desk.project.id,
      query: parseClaimQuery(new URLSearchParams()),
      viewerId: desk.members.viewer.id,
    });
    const factOf = (id: number) => rows.find((row) => row.id === id)!.fact;
    const member = await getDb().factMember.findUniqueOrThrow({ where: { claimId: desk.coast.id } });
    expect(factOf(desk.coast.id)).toEqual({ id: member.factId, outlets: 3 });
    expect(factOf(desk.northgate.id)).toEqual(factOf(desk.coast.id));
    // A dismissed claim no longer counts: its outlet drops out of the fact.
    await getDb().claim.update({ where: { id: desk.harbour.id }, data: { dismissed: true } });
    const again = await searchClaims({
      projectId: desk.project.id,
      query: parseClaimQuery(new URLSearchParams()),
      viewerId: desk.members.viewer.id,
    });
    expect(again.rows.find((row) => row.id === desk.coast.id)!.fact).toEqual({ id: member.factId, outlets: 2 });
  });

  it("tells no reader a proposal waiting for its second review through another claim's fact", async () => {
    const desk = await ferryDesk();
    await getDb().project.update({ where: { id: desk.project.id }, data: { secondReview: true } });
    await reviewClaim({
      projectId: desk.project.id,
      claimId: desk.harbour.id,
      verdict: { status: "confirmed", rationale: "Proposal rationale 7731", expectedVersion: null },
      actor: desk.reviewer,
      role: "reviewer",
    });
    const text = JSON.stringify((await exportViaRoute(desk.project.slug, desk.members.viewer.id, { format: "json", comments: "on" })).body);
    expect(text).not.toContain("Proposal rationale 7731");
    const report = reportSchema.parse(JSON.parse(text));
    const harbour = report.claims.find((c) => c.id === desk.northgate.id)!.fact!.others.find((o) => o.claimId === desk.harbour.id)!;
    expect(harbour.status).toBe("unverified");
  });

  it("CLI writes a PDF with the other versions and the discussion (--comments), keeps --review-state, and refuses an unknown state", async () => {
    const desk = await ferryDesk();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-export-facts-"));
    const out = path.join(dir, "report.pdf");
    const { io, err } = captureIo();
    const args = ["export", "--project", desk.project.slug, "--format", "pdf", "--as", desk.members.editor.username, "--out", out];
    expect(await runCli([...args, "--comments"], io)).toBe(0);
    const text = (await pdfPages(fs.readFileSync(out))).join(" ");
    for (const line of [
      "ALSO STATED BY",
      "Coast Times — ",
      "Differs on the time: 5:01 p.m. here, 5 p.m. there",
      "DISCUSSION",
      "Notice seen: 5:01 p.m.",
    ])
      expect(text).toContain(line);
    expect(text).toContain("Includes Each claim's discussion");

    const json = path.join(dir, "report.json");
    expect(await runCli([...args.slice(0, 4), "json", "--review-state", "none", "--out", json], io)).toBe(0);
    const report = reportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8")));
    expect(report.filters).toMatchObject({ reviewState: ["none"] });
    expect(report.claims.length).toBeGreaterThan(0);
    expect(report.claims[0]!.comments).toBeUndefined();
    expect(await runCli([...args, "--review-state", "pending"], io)).toBe(2);
    expect(err.at(-1)).toContain("--review-state");
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe("report grouped by fact", () => {
  const factOf = async (claimId: number) => (await getDb().factMember.findUniqueOrThrow({ where: { claimId } })).factId;

  it("HTML gives the deadline one section listing each outlet's version, the 5 p.m. one marked; without the option it is by verdict", async () => {
    const desk = await ferryDesk();
    const factId = await factOf(desk.coast.id);
    const grouped = await exportViaRoute(desk.project.slug, desk.members.viewer.id, { format: "html", groupByFact: "on" });
    expect(grouped.status).toBe(200);
    const html = grouped.body as string;
    expect(html.match(new RegExp(`<article class="fact-group" id="fact-${factId}"`, "g"))).toHaveLength(1);
    const start = html.indexOf(`<article class="fact-group" id="fact-${factId}"`);
    const section = html.slice(start, html.indexOf("</article>", start));
    expect(section).toContain("Stated by 3 outlets · 1 disputed, 2 unverified");
    for (const claim of [desk.northgate, desk.harbour, desk.coast]) expect(section).toContain(`<li id="claim-${claim.id}"`);
    for (const outlet of ["Coast Times", "Harbour Daily"]) expect(section).toContain(`<p class="who">${outlet} — <em>`);
    expect(section).toContain(`<li id="claim-${desk.coast.id}" class="differing">`);
    expect(section.match(/class="differing"/g)).toHaveLength(1);
    expect(section).toContain('<span class="flag">Differs</span>on the time: 5 p.m. here, 5:01 p.m. in other versions');
    expect(section).toContain("<mark>5 p.m.</mark>");
    expect(section).toContain("<strong>Rationale:</strong> The notice says 5:01");
    // Every claim of the report once, in one fact's section or another; no section by verdict.
    const total = reportSchema.parse((await exportViaRoute(desk.project.slug, desk.members.viewer.id, { format: "json" })).body).summary
      .total;
    expect(html.match(/<li id="claim-\d+"/g)).toHaveLength(total);
    expect(html).not.toContain('id="verdict-unverified"');

    const plain = (await exportViaRoute(desk.project.slug, desk.members.viewer.id, { format: "html" })).body as string;
    expect(plain).not.toContain('<article class="fact-group"');
    expect(plain).toContain('id="verdict-unverified"');
    expect(plain.match(/<article class="claim"/g)).toHaveLength(total);

    const events = await getDb().auditEvent.findMany({
      where: { projectId: desk.project.id, action: "report.exported" },
      orderBy: { seq: "asc" },
    });
    expect(events.map((e) => (JSON.parse(e.details) as { includes?: unknown }).includes)).toEqual([
      { comments: false, groupByFact: true },
      undefined,
      undefined,
    ]);
  }, 60_000);

  it("CSV and JSON keep one entry per claim, each with its factId; a bad option value is refused", async () => {
    const desk = await ferryDesk();
    const factId = await factOf(desk.coast.id);
    const csv = (await exportViaRoute(desk.project.slug, desk.members.viewer.id, { format: "csv", groupByFact: "on" })).body as string;
    const rows = csv.trim().split("\r\n");
    expect(rows[0]!.endsWith(",fact_id")).toBe(true);
    const idOf = (row: string) => Number(row.split(",")[0]);
    const cellOf = (row: string) => row.split(",").at(-1);
    for (const claim of [desk.northgate, desk.harbour, desk.coast])
      expect(rows.filter((row) => idOf(row) === claim.id).map(cellOf)).toEqual([String(factId)]);
    const json = reportSchema.parse(
      (await exportViaRoute(desk.project.slug, desk.members.viewer.id, { format: "json", groupByFact: "on" })).body,
    );
    expect(json.includes).toEqual({ comments: false });
    expect(
      json.claims
        .filter((c) => c.factId === factId)
        .map((c) => c.id)
        .sort((a, b) => a - b),
    ).toEqual([desk.northgate.id, desk.harbour.id, desk.coast.id].sort((a, b) => a - b));
    const bad = await exportViaRoute(desk.project.slug, desk.members.viewer.id, { format: "html", groupByFact: "yes" });
    expect(bad.status).toBe(400);
  });

  it("CLI --group-by-fact writes a PDF with the fact's section and each outlet's version, and refuses it for CSV", async () => {
    const desk = await ferryDesk();
    const factId = await factOf(desk.coast.id);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "claimdesk-export-grouped-"));
    const out = path.join(dir, "report.pdf");
    const { io, err } = captureIo();
    const printed: string[] = [];
    const args = ["export", "--project", desk.project.slug, "--format", "pdf", "--as", desk.members.editor.username, "--out", out];
    expect(await runCli([...args, "--group-by-fact", "--json"], { ...io, stdout: (t: string) => void printed.push(t) })).toBe(0);
    expect(JSON.parse(printed.join(""))).toMatchObject({ project: desk.project.slug, format: "pdf", out });
    const text = (await pdfPages(fs.readFileSync(out))).join(" ");
    for (const line of [
      "Includes Claims grouped by fact",
      `FACT #${factId}`,
      "Stated by 3 outlets · 1 disputed, 2 unverified",
      "VERSIONS DIFFER ON",
      "the time: 5:01 p.m.",
      "Coast Times — Deadline for ferry firm",
      "Harbour Daily — Seaway Ferries faces Friday deadline",
      "DIFFERS on the time: 5 p.m. here, 5:01 p.m. in other versions",
      "Rationale: The notice says 5:01",
    ])
      expect(text).toContain(line);
    expect(text).not.toContain("Unverified claims (");

    const before = err.length;
    const csv = path.join(dir, "report.csv");
    expect(await runCli([...args.slice(0, 4), "csv", "--group-by-fact", "--out", csv], io)).toBe(2);
    expect(err.slice(before)).toHaveLength(1);
    expect(err.at(-1)).toMatch(/^claimdesk: --group-by-fact: only html and pdf/);
    expect(fs.existsSync(csv)).toBe(false);
    expect(await runCli([...args, "--group-by-fact=yes"], io)).toBe(2);
    expect(err.at(-1)).toContain("--group-by-fact");
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
