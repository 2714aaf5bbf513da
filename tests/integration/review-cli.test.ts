import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { claimdeskJson, expectCliFailure, runClaimdesk } from "../support/cli";
import { makeProjectWithTeam } from "../support/factories";
import { type ReviewTeam, makeReviewTeam } from "../support/review-team";

const SECRET = "PROPOSAL-RATIONALE-91c2";

function as(team: ReviewTeam, who: keyof ReviewTeam["people"]) {
  return ["--as", team.people[who].username];
}

describe("claimdesk project settings --second-review", () => {
  it("switches second review on and off, audited, and refuses other values", async () => {
    const { project, members } = await makeProjectWithTeam();
    const base = ["project", "settings", "--project", project.slug];
    expect(await claimdeskJson(base)).toMatchObject({ secondReview: false });
    expect(await claimdeskJson([...base, "--second-review", "on", "--as", members.owner.username])).toMatchObject({ secondReview: true });
    expect((await getDb().project.findUniqueOrThrow({ where: { id: project.id } })).secondReview).toBe(true);
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { projectId: project.id, action: "project.settings_changed" } });
    expect(JSON.parse(event.details)).toEqual({ secondReview: { from: false, to: true } });
    expect(await claimdeskJson([...base, "--second-review", "off"])).toMatchObject({ secondReview: false });
    await expectCliFailure([...base, "--second-review", "maybe"], 2, /--second-review: must be on or off/);
    await expectCliFailure([...base, "--second-review", "on", "--as", members.editor.username], 4, /does not allow/);
  });
});

describe("the review flow on the command line", () => {
  it("proposal, blind claim show, disagreement, adjudication, approval, locked tag, reopening", async () => {
    const team = await makeReviewTeam();
    const id = String(team.claims[0]!.id);
    const tag = (who: keyof ReviewTeam["people"], status: string, rationale: string) =>
      runClaimdesk(["tag", "--claim", id, "--status", status, "--rationale", rationale, ...as(team, who), "--json"]);

    const proposed = await tag("reviewer", "disputed", SECRET);
    expect(proposed.code, proposed.stderr).toBe(0);
    expect(JSON.parse(proposed.stdout)).toMatchObject({ outcome: "proposed", reviewState: "proposed", status: "unverified" });
    const revised = await tag("reviewer", "disputed", `${SECRET} (revised)`);
    expect(JSON.parse(revised.stdout)).toMatchObject({ outcome: "revised" });

    // What the second reviewer may see: that a verdict was proposed, by whom, never what it is.
    const blind = await runClaimdesk(["claim", "show", "--claim", id, ...as(team, "second"), "--json"]);
    expect(blind.code, blind.stderr).toBe(0);
    expect(blind.stdout).not.toContain(SECRET);
    expect(blind.stdout).not.toContain("disputed");
    expect(JSON.parse(blind.stdout)).toMatchObject({
      id: Number(id),
      status: "unverified",
      review: { state: "proposed", proposalHidden: true, first: null, nextTag: "second-review" },
    });
    const human = await runClaimdesk(["claim", "show", "--claim", id, ...as(team, "second")]);
    expect(human.stdout).toContain("hidden from you");
    expect(human.stdout).not.toContain(SECRET);
    // Its author and the editors see it.
    const editorView = await claimdeskJson<{ review: { first: { status: string; rationale: string } } }>([
      "claim",
      "show",
      "--claim",
      id,
      ...as(team, "editor"),
    ]);
    expect(editorView.review.first).toMatchObject({ status: "disputed", rationale: `${SECRET} (revised)` });

    const second = await tag("second", "confirmed", "The ministry's table says so");
    expect(JSON.parse(second.stdout)).toMatchObject({ outcome: "disagreed", reviewState: "disagreed" });
    const revealed = await claimdeskJson<{ review: { first: unknown; second: unknown } }>([
      "claim",
      "show",
      "--claim",
      id,
      ...as(team, "third"),
    ]);
    expect(revealed.review).toMatchObject({ first: { status: "disputed" }, second: { status: "confirmed" } });

    await expectCliFailure(
      ["adjudicate", "--claim", id, "--status", "confirmed", "--rationale", "x", ...as(team, "reviewer")],
      4,
      /does not allow/,
    );
    await expectCliFailure(["adjudicate", "--claim", id, "--status", "confirmed", ...as(team, "editor")], 2, /--rationale/);
    await expectCliFailure(["adjudicate", "--claim", id, "--status", "maybe", "--rationale", "x", ...as(team, "editor")], 2, /--status/);
    await expectCliFailure(
      ["adjudicate", "--claim", id, "--status", "confirmed", "--rationale", "x", "--expect-version", "1", ...as(team, "editor")],
      3,
      /stale version/,
    );
    const adjudicated = await claimdeskJson([
      "adjudicate",
      "--claim",
      id,
      "--status",
      "confirmed",
      "--rationale",
      "The table is the primary source",
      ...as(team, "editor"),
    ]);
    expect(adjudicated).toMatchObject({ status: "confirmed", reviewState: "adjudicated" });

    await expectCliFailure(["approve", "--claim", id, ...as(team, "reviewer")], 4, /does not allow/);
    await expectCliFailure(["approve", "--claim", id, "--expect-version", "1", ...as(team, "editor")], 3, /stale version/);
    expect(await claimdeskJson(["approve", "--claim", id, ...as(team, "editor")])).toMatchObject({ reviewState: "approved" });
    await expectCliFailure(["approve", "--claim", id, ...as(team, "editor")], 5, /already approved/);
    await expectCliFailure(
      ["tag", "--claim", id, "--status", "disputed", "--rationale", "again", ...as(team, "third")],
      5,
      /approved and locked/,
    );

    await expectCliFailure(["reopen", "--claim", id, ...as(team, "editor")], 2, /--reason/);
    await expectCliFailure(["reopen", "--claim", id, "--reason", "New figures", ...as(team, "second")], 4, /does not allow/);
    expect(await claimdeskJson(["reopen", "--claim", id, "--reason", "New figures came out", ...as(team, "owner")])).toMatchObject({
      status: "confirmed",
      reviewState: "adjudicated",
    });
    const after = await tag("third", "disputed", "The new figures");
    expect(JSON.parse(after.stdout)).toMatchObject({ outcome: "proposed" });

    const actions = (
      await getDb().auditEvent.findMany({
        where: { projectId: team.project.id, targetType: "claim", targetId: id },
        orderBy: { seq: "asc" },
      })
    )
      .map((e) => e.action)
      .filter((a) => a !== "claim.created");
    expect(actions).toEqual([
      "claim.review_proposed",
      "claim.review_proposed",
      "claim.review_second",
      "claim.adjudicated",
      "claim.approved",
      "claim.reopened",
      "claim.review_proposed",
    ]);
  });

  it("claim show, adjudicate, approve and reopen refuse bad usage and unknown claims", async () => {
    const team = await makeReviewTeam();
    await expectCliFailure(["claim"], 2, /usage: claimdesk claim show/);
    await expectCliFailure(["claim", "show", "--claim", "x", ...as(team, "viewer")], 2, /--claim: must be a claim id/);
    await expectCliFailure(["claim", "show", "--claim", String(team.claims[0]!.id), "--as", team.outsider.username], 4, /not a member/);
    await expectCliFailure(["approve", "--claim", "999999999", ...as(team, "editor")], 1, /no claim/);
    await expectCliFailure(["approve", "--claim", String(team.claims[0]!.id), "--bogus", ...as(team, "editor")], 2, /bogus/);
    // Second review on: a claim nobody reviewed is not approvable yet.
    await expectCliFailure(["approve", "--claim", String(team.claims[0]!.id), ...as(team, "editor")], 1, /reviewed twice/);
    await expectCliFailure(["reopen", "--claim", String(team.claims[0]!.id), "--reason", "r", ...as(team, "editor")], 1, /not approved/);
  });
});

describe("claimdesk claims --review-state and assign --second-reviewer", () => {
  it("filters by review state, and names the only reviewer who may give the second review", async () => {
    const team = await makeReviewTeam();
    const [first, second] = team.claims.map((c) => String(c.id));
    const named = await claimdeskJson([
      "assign",
      "--claim",
      first!,
      "--second-reviewer",
      team.people.third.username,
      ...as(team, "editor"),
    ]);
    expect(named).toMatchObject({ secondReviewer: team.people.third.username });
    await expectCliFailure(["assign", "--claim", first!, ...as(team, "editor")], 2, /--to.*--second-reviewer/);
    await expectCliFailure(
      ["assign", "--claim", first!, "--second-reviewer", team.people.third.username, ...as(team, "reviewer")],
      4,
      /does not allow/,
    );
    await runClaimdesk(["tag", "--claim", first!, "--status", "disputed", "--rationale", "r", ...as(team, "reviewer")]);
    await runClaimdesk(["tag", "--claim", second!, "--status", "disputed", "--rationale", "r", ...as(team, "reviewer")]);
    await expectCliFailure(["tag", "--claim", first!, "--status", "disputed", "--rationale", "r", ...as(team, "second")], 4, /assigned to/);
    const rows = await claimdeskJson<Array<{ id: number; reviewState?: string }>>([
      "claims",
      "--project",
      team.project.slug,
      "--review-state",
      "proposed",
    ]);
    expect(rows.map((r) => r.id).sort()).toEqual([Number(first), Number(second)].sort());
    expect(rows.every((r) => r.reviewState === "proposed")).toBe(true);
    const none = await claimdeskJson<unknown[]>(["claims", "--project", team.project.slug, "--review-state", "approved,disagreed"]);
    expect(none).toEqual([]);
    await expectCliFailure(["claims", "--project", team.project.slug, "--review-state", "pending"], 2, /--review-state/);
  });
});
