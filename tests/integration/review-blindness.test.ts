import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type ProjectEvent, subscribeToProject } from "../../app/models/events.server";
import { reviewClaim } from "../../app/models/review/review-verdict.server";
import * as claimPage from "../../app/routes/project.claim";
import * as claimsPage from "../../app/routes/project.claims";
import * as exportDownload from "../../app/routes/project.export.download";
import { runClaimdesk } from "../support/cli";
import { cookieFor } from "../support/factories";
import { type ReviewTeam, makeReviewTeam } from "../support/review-team";
import { buildRequest, callRoute } from "../support/routes";

// Blindness of the second review, over every surface a reviewer can reach: until the second
// reviewer submits, the open proposal (its status and rationale, and the history entries
// that tell them) reaches neither other reviewers nor viewers; its author, editors and
// owners see it. Each surface that carries proposals is checked both ways, so turning
// blindness off (or a surface forgetting it) fails here.

type Person = keyof ReviewTeam["people"];
const BLIND: Person[] = ["second", "third", "viewer"];
const SIGHTED: Person[] = ["reviewer", "editor", "owner"];
const SECRET = "BLIND-PROPOSAL-RATIONALE-4d1e";

let team: ReviewTeam;
let claimId: number;
const events: ProjectEvent[] = [];

beforeAll(async () => {
  team = await makeReviewTeam({ claims: 3 });
  claimId = team.claims[1]!.id;
  const unsubscribe = await subscribeToProject(team.project.id, (event) => events.push(event));
  try {
    for (const rationale of [`${SECRET} first`, `${SECRET} revised`])
      await reviewClaim({
        projectId: team.project.id,
        claimId,
        verdict: { status: "disputed", rationale, expectedVersion: null },
        actor: team.actor("reviewer"),
        role: "reviewer",
      });
    // PostgreSQL delivers through LISTEN/NOTIFY: give it a moment.
    for (let i = 0; i < 50 && events.length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
  } finally {
    unsubscribe();
  }
});

async function web(
  who: Person,
  fn: (args: never) => unknown,
  url: string,
  extra: { params?: Record<string, string>; form?: Record<string, string> } = {},
) {
  const cookie = await cookieFor(team.people[who].id);
  const outcome = await callRoute(fn, buildRequest(url, { cookie, form: extra.form }), { slug: team.project.slug, ...extra.params });
  expect(outcome.status, JSON.stringify(outcome.body).slice(0, 300)).toBe(200);
  return typeof outcome.body === "string" ? outcome.body : JSON.stringify(outcome.body);
}

async function cliExport(who: Person, format: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "blind-"));
  const out = path.join(dir, `report.${format}`);
  const result = await runClaimdesk([
    "export",
    "--project",
    team.project.slug,
    "--format",
    format,
    "--out",
    out,
    "--as",
    team.people[who].username,
  ]);
  expect(result.code, result.stderr).toBe(0);
  const text = fs.readFileSync(out, "utf8");
  fs.rmSync(dir, { recursive: true, force: true });
  return text;
}

/** Surfaces that carry the open proposal to those who may see it, and what of it shows there. */
const SURFACES: Array<{ name: string; read: (who: Person) => Promise<string>; shows: RegExp }> = [
  {
    name: "claim page and panel loader",
    read: (who) => web(who, claimPage.loader, `/projects/x/claims/${claimId}`, { params: { claimId: String(claimId) } }),
    shows: new RegExp(SECRET),
  },
  {
    name: "claimdesk claim show --json",
    read: async (who) => {
      const result = await runClaimdesk(["claim", "show", "--claim", String(claimId), "--as", team.people[who].username, "--json"]);
      expect(result.code, result.stderr).toBe(0);
      return result.stdout;
    },
    shows: new RegExp(SECRET),
  },
  ...(["json", "html", "csv"] as const).map((format) => ({
    name: `export download (${format})`,
    read: (who: Person) => web(who, exportDownload.action, "/projects/x/export/download", { form: { format } }),
    // The CSV names the proposed status, not its rationale.
    shows: format === "csv" ? /,disputed,/ : new RegExp(SECRET),
  })),
  { name: "claimdesk export --as (json)", read: (who) => cliExport(who, "json"), shows: new RegExp(SECRET) },
];

describe.each(SURFACES)("blindness: $name", (surface) => {
  it.each(BLIND)("hides the open proposal from %s", async (who) => {
    const text = await surface.read(who);
    expect(text).not.toMatch(surface.shows);
    expect(text).not.toContain(SECRET);
  });
  it.each(SIGHTED)("shows it to %s", async (who) => {
    expect(await surface.read(who)).toMatch(surface.shows);
  });
});

describe("blindness: surfaces that never carry a proposal", () => {
  it("the claims table shows the review state, never the proposed verdict, to anyone", async () => {
    for (const who of [...BLIND, ...SIGHTED]) {
      const body = JSON.parse(await web(who, claimsPage.loader, "/projects/x/claims")) as {
        rows: Array<{ id: number; status: string; rationale: string | null; reviewState: string }>;
      };
      const row = body.rows.find((r) => r.id === claimId);
      expect(row, who).toMatchObject({ status: "unverified", rationale: null, reviewState: "proposed" });
      expect(JSON.stringify(body)).not.toContain(SECRET);
    }
  });

  it("the event stream's payloads say a verdict was proposed, not which", () => {
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(events)).not.toMatch(new RegExp(`${SECRET}|disputed`));
  });

  it("the second review reveals the proposal to everyone", async () => {
    await reviewClaim({
      projectId: team.project.id,
      claimId,
      verdict: { status: "confirmed", rationale: "A second look", expectedVersion: null },
      actor: team.actor("second"),
      role: "reviewer",
    });
    for (const who of BLIND) expect(await SURFACES[0]!.read(who), who).toContain(`${SECRET} revised`);
  });
});
