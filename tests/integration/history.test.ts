import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { lineToText } from "../../app/lib/history";
import type { ClaimPage } from "../../app/lib/review-types";
import { applyBulkChange, undoBulkChange } from "../../app/models/bulk-change.server";
import { assignClaim } from "../../app/models/claim-assignment.server";
import { tagClaim } from "../../app/models/claim-verdict.server";
import { seedLargeDemo } from "../../app/models/large-demo.server";
import { addExternalSource } from "../../app/models/source.server";
import * as claimPage from "../../app/routes/project.claim";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { exportBytes, exportJson, pdfPages } from "../support/report";
import { buildRequest, callRoute } from "../support/routes";

const EVENT_CODE = /\b(claim|document|report)\.[a-z_]+/;

async function setup() {
  const team = await makeProjectWithTeam();
  await seedLargeDemo({ projectId: team.project.id, count: 2, actor: { id: null, name: "test" } });
  await getDb().project.update({ where: { id: team.project.id }, data: { timeZone: "America/New_York" } });
  await getDb().claim.updateMany({ where: { projectId: team.project.id }, data: { status: "unverified", rationale: null } });
  const claims = await getDb().claim.findMany({ where: { projectId: team.project.id }, orderBy: { id: "asc" } });
  const { reviewer, editor } = team.members;
  const a = { id: reviewer.id, name: reviewer.username };
  const b = { id: editor.id, name: editor.username };
  const claim = claims[0]!;
  await addExternalSource({
    projectId: team.project.id,
    claimId: claim.id,
    source: {
      url: "https://example.org/news/pentagon-deadline",
      title: "Pentagon gives deadline",
      stance: "supports",
      quote: "“By Friday,” he said.",
    },
    actor: a,
  });
  await tagClaim({
    projectId: team.project.id,
    claimId: claim.id,
    status: "confirmed",
    rationale: "Two sources agree",
    expectedVersion: null,
    actor: a,
  });
  await assignClaim({ projectId: team.project.id, claimId: claim.id, assigneeId: reviewer.id, expectedVersion: null, actor: b });
  const bulk = await applyBulkChange({
    projectId: team.project.id,
    target: { ids: [claim.id] },
    change: { status: "disputed", rationale: "Retracted" },
    actor: b,
  });
  await undoBulkChange({ projectId: team.project.id, operationId: bulk.operationId, actor: b });
  // An event type this version does not know (a later one might write it).
  await getDb().$transaction(async (tx) => {
    const { appendAuditEvents } = await import("../../app/models/audit.server");
    await appendAuditEvents(tx, team.project.id, [
      {
        actorId: b.id,
        actorName: b.name,
        action: "claim.second_review_requested",
        targetType: "claim",
        targetId: claim.id,
        details: { x: 1 },
      },
    ]);
  });
  return { ...team, claim };
}

describe("history in sentences", () => {
  it("the claim page, JSON, HTML and PDF tell the history in sentences with names and the project's time zone, never codes or JSON", async () => {
    const { project, members, claim } = await setup();
    const { reviewer, editor } = members;

    const page = await callRoute(
      claimPage.loader,
      buildRequest(`/projects/${project.slug}/claims/${claim.id}`, { cookie: await cookieFor(members.viewer.id) }),
      { slug: project.slug, claimId: String(claim.id) },
    );
    expect(page.status).toBe(200);
    const lines = (page.body as ClaimPage).history.map((h) => lineToText(h.line));
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(
      new RegExp(
        `^\\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} E[SD]T · ${reviewer.displayName} linked a source that supports the claim: Pentagon gives deadline, example.org/news/pentagon-deadline \\(quoted: “‘By Friday,’ he said.”\\)$`,
      ),
    );
    expect(lines[1]).toContain(`${reviewer.displayName} marked the claim confirmed (it was unverified): “Two sources agree”`);
    expect(lines[2]).toContain(`${editor.displayName} assigned the claim to ${reviewer.displayName}`);
    expect(lines[3]).toContain(`${editor.displayName} marked the claim disputed in a bulk change (it was confirmed): “Retracted”`);
    expect(lines[4]).toContain(
      `${editor.displayName} undid a bulk change: the claim is confirmed again, assigned to ${reviewer.displayName}`,
    );
    expect(lines[5]).toContain(`${editor.displayName} recorded: claim second review requested`);
    for (const line of lines) expect(line).not.toMatch(EVENT_CODE);

    const exporter = { project, user: members.viewer };
    const json = await exportJson(exporter);
    expect(json.project.timeZone).toBe("America/New_York");
    expect(json.claims.find((c) => c.id === claim.id)!.history.map((h) => h.text)).toEqual(lines);

    const $ = cheerio.load((await exportBytes("html", exporter)).toString("utf8"));
    const htmlHistory = $(`#claim-${claim.id} li`)
      .toArray()
      .map((li) => $(li).text().replace(/\s+/g, " ").trim())
      .filter((text) => / · /.test(text));
    expect(htmlHistory).toEqual(lines);
    expect($(`#claim-${claim.id} .history em`).first().text()).toBe("Pentagon gives deadline");
    expect($("body").text()).not.toMatch(EVENT_CODE);
    expect($("body").text()).not.toContain('{"');

    const pdf = (await pdfPages(await exportBytes("pdf", exporter))).join(" ");
    expect(pdf).toContain(`${editor.displayName} undid a bulk change: the claim is confirmed again`);
    expect(pdf).not.toMatch(EVENT_CODE);
    expect(pdf).not.toContain("““");
  });
});
