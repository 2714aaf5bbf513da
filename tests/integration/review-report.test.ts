import { describe, expect, it } from "vitest";
import { adjudicateClaim } from "../../app/models/review/adjudicate.server";
import { reviewClaim } from "../../app/models/review/review-verdict.server";
import { approveClaim } from "../../app/models/review/sign-off.server";
import type { ClaimStatus } from "../../app/lib/claim-status";
import { parse } from "csv-parse/sync";
import * as exportPage from "../../app/routes/project.export";
import * as download from "../../app/routes/project.export.download";
import { cookieFor } from "../support/factories";
import { exportBytes, exportCsv, exportJson, pdfPages } from "../support/report";
import { buildRequest } from "../support/routes";
import { type ReviewTeam, makeReviewTeam } from "../support/review-team";

const SECRET = "SECRET-PROPOSAL-91c2";

async function tag(team: ReviewTeam, claimId: number, who: "reviewer" | "second", status: ClaimStatus, rationale: string) {
  await reviewClaim({
    projectId: team.project.id,
    claimId,
    verdict: { status, rationale, expectedVersion: null },
    actor: team.actor(who),
    role: team.roleOf[who],
  });
}

/** Three claims: one proposal waiting, one agreed and approved, one adjudicated. */
async function reviewedProject() {
  const team = await makeReviewTeam({ claims: 3 });
  const [open, approved, adjudicated] = team.claims.map((c) => c.id) as [number, number, number];
  await tag(team, open, "reviewer", "disputed", SECRET);
  await tag(team, approved, "reviewer", "confirmed", "Matches the agency's table");
  await tag(team, approved, "second", "confirmed", "Same table, same figure");
  await approveClaim({ projectId: team.project.id, claimId: approved, expectedVersion: null, actor: team.actor("editor") });
  await tag(team, adjudicated, "reviewer", "confirmed", "The minister said so");
  await tag(team, adjudicated, "second", "disputed", "The record shows another figure");
  await adjudicateClaim({
    projectId: team.project.id,
    claimId: adjudicated,
    verdict: { status: "disputed", rationale: "The record wins", expectedVersion: null },
    actor: team.actor("editor"),
  });
  return { team, open, approved, adjudicated };
}

describe("the report's editorial review", () => {
  it("shows proposal, second review, adjudication and approval with who and when, and hides open proposals from reviewers in every format", async () => {
    const { team, open, approved, adjudicated } = await reviewedProject();
    const { editor, reviewer, second } = team.people;

    const asEditor = await exportJson({ project: team.project, user: editor, role: "editor" });
    const byId = new Map(asEditor.claims.map((c) => [c.id, c]));
    expect(byId.get(open)!.review).toMatchObject({
      state: "proposed",
      proposalHidden: false,
      proposal: { status: "disputed", rationale: SECRET, by: reviewer.username },
    });
    expect(byId.get(approved)!.review).toMatchObject({
      state: "approved",
      proposal: { status: "confirmed", by: reviewer.username },
      secondReview: { status: "confirmed", by: second.username, rationale: "Same table, same figure" },
      adjudication: null,
      approval: { by: editor.username, byName: editor.displayName },
    });
    expect(byId.get(adjudicated)!.review).toMatchObject({
      state: "adjudicated",
      secondReview: { status: "disputed" },
      adjudication: { status: "disputed", rationale: "The record wins", by: editor.username },
    });

    const csvRows = await exportCsv({ project: team.project, user: editor, role: "editor" });
    expect(csvRows.find((r) => Number(r.claim_id) === approved)).toMatchObject({
      review_state: "approved",
      proposed_status: "confirmed",
      second_review_by: second.username,
      approved_by: editor.username,
    });
    const html = (await exportBytes("html", { project: team.project, user: editor, role: "editor" })).toString("utf8");
    expect(html).toContain(`Approved by ${editor.displayName}`);
    expect(html).toContain(`Adjudication: disputed by ${editor.displayName}`);
    const pdf = (await pdfPages(await exportBytes("pdf", { project: team.project, user: editor, role: "editor" }))).join(" ");
    expect(pdf).toContain(`Second review: confirmed by ${second.displayName}`);
    expect(pdf).toContain(`Approved by ${editor.displayName}`);

    // A reviewer who has not given the second review sees none of the open proposal.
    const asSecond = { project: team.project, user: second, role: "reviewer" as const };
    const blind = await exportJson(asSecond);
    expect(blind.claims.find((c) => c.id === open)!.review).toMatchObject({ state: "proposed", proposalHidden: true, proposal: null });
    for (const format of ["json", "csv", "html", "pdf"] as const) {
      const bytes = await exportBytes(format, asSecond);
      const text = format === "pdf" ? (await pdfPages(bytes)).join(" ") : bytes.toString("utf8");
      expect(text, format).not.toContain(SECRET);
    }
    expect(JSON.stringify(blind.claims.find((c) => c.id === open)!.history)).not.toContain("disputed");
    // Its author still sees it.
    const asAuthor = await exportJson({ project: team.project, user: reviewer, role: "reviewer" });
    expect(asAuthor.claims.find((c) => c.id === open)!.review?.proposal).toMatchObject({ rationale: SECRET });
  });

  it("can be limited to approved claims", async () => {
    const { team, approved } = await reviewedProject();
    const report = await exportJson({ project: team.project, user: team.people.editor, role: "editor" }, "review=approved");
    expect(report.claims.map((c) => c.id)).toEqual([approved]);
    expect(report.filters).toEqual({ reviewState: ["approved"] });
    expect(report.summary.total).toBe(1);
  });

  it("is limited by review state from the Export page: its filter counts and its download carries the choice", async () => {
    const { team, approved, adjudicated } = await reviewedProject();
    const cookie = await cookieFor(team.people.editor.id);
    const slug = team.project.slug;
    const page = await exportPage.loader({
      request: buildRequest(`/projects/${slug}/export?review=approved&review=adjudicated`, { cookie }),
      params: { slug },
      context: { cspNonce: "", clientIp: "203.0.113.9" },
    } as never);
    expect(page.total).toBe(2);
    expect(page.query.review).toEqual(["approved", "adjudicated"]);

    const response = (await download.action({
      request: buildRequest(`/projects/${slug}/export/download`, { cookie, form: { format: "csv", review: "approved" } }),
      params: { slug },
      context: { cspNonce: "", clientIp: "203.0.113.9" },
    } as never)) as Response;
    expect(response.status).toBe(200);
    const rows = parse(Buffer.from(await response.arrayBuffer()).toString("utf8"), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => Number(r.claim_id))).toEqual([approved]);
    expect(rows.map((r) => Number(r.claim_id))).not.toContain(adjudicated);
  });
});
