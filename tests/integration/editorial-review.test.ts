import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { projectChain } from "../../app/lib/audit-hash";
import { verifyAuditChain } from "../../app/models/audit.server";
import { verdictsFromTrail } from "../../app/models/claim-decision.server";
import { applyBulkChange } from "../../app/models/bulk-change.server";
import { claimHistory } from "../../app/models/claim-history.server";
import { tagClaim } from "../../app/models/claim-verdict.server";
import { listNotifications } from "../../app/models/notifications/inbox.server";
import { adjudicateClaim } from "../../app/models/review/adjudicate.server";
import { reviewClaim } from "../../app/models/review/review-verdict.server";
import { assignSecondReviewer } from "../../app/models/review/second-reviewer.server";
import { approveClaim, approveClaims, reopenClaim } from "../../app/models/review/sign-off.server";
import { type ReviewTeam, makeReviewTeam } from "../support/review-team";

type Person = Parameters<ReviewTeam["actor"]>[0];

function tagAs(
  team: ReviewTeam,
  who: Person,
  claimId: number,
  status: "confirmed" | "disputed" | "unverified",
  rationale: string | null = `${who} says ${status}`,
) {
  return reviewClaim({
    projectId: team.project.id,
    claimId,
    verdict: { status, rationale, expectedVersion: null },
    actor: team.actor(who),
    role: team.roleOf[who],
  });
}

/** The stored verdict's decision is the one the trail derives, by the expected person (app/lib/verdict.ts). */
async function expectDecisionMatchesTrail(team: ReviewTeam, claimId: number, deciderId: number) {
  const claim = await stored(claimId);
  const verdict = (await verdictsFromTrail(getDb(), team.project.id, [claimId])).get(claimId)!;
  expect(verdict).toMatchObject({ status: claim.status, rationale: claim.rationale });
  expect(verdict.decision?.seq).toBe(claim.decisionSeq);
  expect(verdict.decision?.actorId).toBe(deciderId);
}

const stored = (id: number) => getDb().claim.findUniqueOrThrow({ where: { id } });
const actions = async (team: ReviewTeam, claimId: number) => (await claimHistory(team.project.id, claimId)).map((e) => e.action);

describe("second review off", () => {
  it("applies a verdict at once, as before, and leaves the claim out of review", async () => {
    const team = await makeReviewTeam({ secondReview: false });
    const claim = team.claims[0]!;
    const result = await tagAs(team, "reviewer", claim.id, "disputed");
    expect(result?.outcome).toBe("verdict");
    expect(await stored(claim.id)).toMatchObject({ status: "disputed", reviewState: "none", reviewRound: 0, version: 2 });
    expect(await actions(team, claim.id)).toEqual(["claim.status_changed"]);
    expect(await getDb().claimReviewRound.count({ where: { claimId: claim.id } })).toBe(0);
  });
});

describe("second review on", () => {
  it("keeps a first verdict as a proposal its author may revise, then agrees on the same verdict", async () => {
    const team = await makeReviewTeam();
    const claim = team.claims[0]!;
    expect((await tagAs(team, "reviewer", claim.id, "confirmed"))?.outcome).toBe("proposed");
    // The claim's status is unchanged: only the round holds the proposal.
    expect(await stored(claim.id)).toMatchObject({
      status: "unverified",
      rationale: null,
      reviewState: "proposed",
      reviewRound: 1,
      proposedById: team.people.reviewer.id,
    });
    // The author tagging again revises the proposal; it never counts as the second review.
    expect((await tagAs(team, "reviewer", claim.id, "disputed", "Census table 4 says otherwise"))?.outcome).toBe("revised");
    expect((await tagAs(team, "reviewer", claim.id, "disputed", "Census table 4 says otherwise"))?.outcome).toBe("unchanged");
    expect((await stored(claim.id)).reviewState).toBe("proposed");
    expect((await tagAs(team, "second", claim.id, "disputed", "Agency figures differ"))?.outcome).toBe("agreed");
    expect(await stored(claim.id)).toMatchObject({ status: "disputed", rationale: "Census table 4 says otherwise", reviewState: "agreed" });
    const round = await getDb().claimReviewRound.findFirstOrThrow({ where: { claimId: claim.id } });
    expect(round).toMatchObject({
      round: 1,
      firstReviewerId: team.people.reviewer.id,
      firstStatus: "disputed",
      secondReviewerId: team.people.second.id,
      secondStatus: "disputed",
      secondRationale: "Agency figures differ",
      outcome: "agreed",
    });
    const history = await claimHistory(team.project.id, claim.id);
    expect(history.map((e) => [e.action, JSON.parse(e.details)])).toEqual([
      ["claim.review_proposed", { status: "confirmed", rationale: "reviewer says confirmed", round: 1, version: 2 }],
      ["claim.review_proposed", { status: "disputed", rationale: "Census table 4 says otherwise", round: 1, revision: true, version: 3 }],
      [
        "claim.review_second",
        {
          status: "disputed",
          rationale: "Agency figures differ",
          round: 1,
          outcome: "agreed",
          firstStatus: "disputed",
          firstReviewerId: team.people.reviewer.id,
          blind: true,
          from: "unverified",
          to: "disputed",
          firstRationale: "Census table 4 says otherwise",
          version: 4,
        },
      ],
    ]);
    expect((await verifyAuditChain(projectChain(team.project.id))).problem).toBeNull();
    await expectDecisionMatchesTrail(team, claim.id, team.people.second.id);
  });

  it("sends a disagreement to the editors, refuses further tags, and takes the editor's adjudication as final", async () => {
    const team = await makeReviewTeam();
    const claim = team.claims[0]!;
    await tagAs(team, "reviewer", claim.id, "confirmed");
    expect((await tagAs(team, "second", claim.id, "disputed"))?.outcome).toBe("disagreed");
    expect(await stored(claim.id)).toMatchObject({ status: "unverified", reviewState: "disagreed" });
    for (const who of ["editor", "owner"] as const) {
      const inbox = await listNotifications({ user: { id: team.people[who].id, isAdmin: false } });
      expect(inbox.map((n) => [n.kind, n.claimId])).toEqual([["adjudication", claim.id]]);
      expect(inbox[0]!.text).toContain("disagree");
    }
    // Neither the reviewers nor a third person can tag it now.
    for (const who of ["reviewer", "second", "third"] as const)
      await expect(tagAs(team, who, claim.id, "confirmed")).rejects.toMatchObject({ code: "conflict" });
    const adjudicate = (rationale: string | null, expectedVersion: number | null = null) =>
      adjudicateClaim({
        projectId: team.project.id,
        claimId: claim.id,
        verdict: { status: "disputed", rationale, expectedVersion },
        actor: team.actor("editor"),
      });
    await expect(adjudicate(null)).rejects.toMatchObject({ code: "invalid_input" });
    await expect(adjudicate("Stale", 1)).rejects.toMatchObject({ code: "stale_version" });
    const adjudicated = await adjudicate("The agency's own table contradicts it");
    expect(adjudicated).toMatchObject({
      status: "disputed",
      rationale: "The agency's own table contradicts it",
      reviewState: "adjudicated",
    });
    await expect(adjudicate("Again")).rejects.toMatchObject({ code: "conflict" });
    await expectDecisionMatchesTrail(team, claim.id, team.people.editor.id);
    const events = await claimHistory(team.project.id, claim.id);
    expect(JSON.parse(events.at(-1)!.details)).toMatchObject({
      status: "disputed",
      firstStatus: "confirmed",
      secondStatus: "disputed",
      round: 1,
      from: "unverified",
    });
  });

  it("starts a new round when a final verdict is tagged again, and leaves the same verdict alone", async () => {
    const team = await makeReviewTeam();
    const claim = team.claims[0]!;
    await tagAs(team, "reviewer", claim.id, "confirmed", "Same");
    await tagAs(team, "second", claim.id, "confirmed", "Same");
    expect((await tagAs(team, "third", claim.id, "confirmed", "Same"))?.outcome).toBe("unchanged");
    expect((await tagAs(team, "third", claim.id, "disputed", "New figures"))?.outcome).toBe("proposed");
    expect(await stored(claim.id)).toMatchObject({
      status: "confirmed",
      reviewState: "proposed",
      reviewRound: 2,
      proposedById: team.people.third.id,
    });
    // The first round's reviewer can give this round's second review.
    expect((await tagAs(team, "reviewer", claim.id, "disputed"))?.outcome).toBe("agreed");
    expect((await stored(claim.id)).status).toBe("disputed");
  });

  it("lets only the named second reviewer give the second review, and tells them", async () => {
    const team = await makeReviewTeam();
    const claim = team.claims[0]!;
    await assignSecondReviewer({
      projectId: team.project.id,
      claimId: claim.id,
      reviewerId: team.people.third.id,
      expectedVersion: null,
      actor: team.actor("editor"),
    });
    let inbox = await listNotifications({ user: { id: team.people.third.id, isAdmin: false } });
    expect(inbox.map((n) => n.kind)).toEqual(["assignment"]);
    expect(inbox[0]!.text).toContain("second review");
    await tagAs(team, "reviewer", claim.id, "confirmed");
    inbox = await listNotifications({ user: { id: team.people.third.id, isAdmin: false } });
    expect(inbox.map((n) => n.kind)).toEqual(["second_review", "assignment"]);
    await expect(tagAs(team, "second", claim.id, "confirmed")).rejects.toMatchObject({ code: "forbidden" });
    // The proposer cannot be named for their own proposal.
    await expect(
      assignSecondReviewer({
        projectId: team.project.id,
        claimId: claim.id,
        reviewerId: team.people.reviewer.id,
        expectedVersion: null,
        actor: team.actor("editor"),
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await expect(
      assignSecondReviewer({
        projectId: team.project.id,
        claimId: claim.id,
        reviewerId: team.people.viewer.id,
        expectedVersion: null,
        actor: team.actor("editor"),
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    expect((await tagAs(team, "third", claim.id, "confirmed"))?.outcome).toBe("agreed");
  });

  it("records a second review by an editor, who sees proposals, as not blind", async () => {
    const team = await makeReviewTeam();
    const claim = team.claims[0]!;
    await tagAs(team, "reviewer", claim.id, "confirmed");
    await tagAs(team, "editor", claim.id, "confirmed");
    const last = (await claimHistory(team.project.id, claim.id)).at(-1)!;
    expect(JSON.parse(last.details)).toMatchObject({ outcome: "agreed", blind: false });
  });

  it("gives one of two simultaneous second reviews and refuses the other as stale", async () => {
    const team = await makeReviewTeam();
    const claim = team.claims[0]!;
    await tagAs(team, "reviewer", claim.id, "confirmed");
    const version = (await stored(claim.id)).version;
    const attempts = await Promise.allSettled(
      (["second", "third"] as const).map((who) =>
        reviewClaim({
          projectId: team.project.id,
          claimId: claim.id,
          verdict: { status: "disputed", rationale: who, expectedVersion: version },
          actor: team.actor(who),
          role: "reviewer",
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    expect((attempts.find((a) => a.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "stale_version" });
    expect(await getDb().auditEvent.count({ where: { projectId: team.project.id, action: "claim.review_second" } })).toBe(1);
  });

  it("refuses bulk verdicts (they would skip the second review) but not bulk assignment", async () => {
    const team = await makeReviewTeam();
    const ids = team.claims.map((c) => c.id);
    await expect(
      applyBulkChange({
        projectId: team.project.id,
        target: { ids },
        change: { status: "confirmed", rationale: "bulk" },
        actor: team.actor("editor"),
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    const assigned = await applyBulkChange({
      projectId: team.project.id,
      target: { ids },
      change: { assigneeId: team.people.second.id },
      actor: team.actor("editor"),
    });
    expect(assigned.changed).toBe(3);
    const inbox = await listNotifications({ user: { id: team.people.second.id, isAdmin: false } });
    expect(inbox.map((n) => [n.kind, n.text])).toEqual([["assignment", expect.stringContaining("assigned 3 claims")]]);
  });

  it("closes an open round when second review is switched off and a verdict is given directly", async () => {
    const team = await makeReviewTeam();
    const claim = team.claims[0]!;
    await tagAs(team, "reviewer", claim.id, "confirmed");
    await getDb().project.update({ where: { id: team.project.id }, data: { secondReview: false } });
    expect((await tagAs(team, "second", claim.id, "disputed"))?.outcome).toBe("verdict");
    expect(await stored(claim.id)).toMatchObject({ status: "disputed", reviewState: "none" });
    expect((await getDb().claimReviewRound.findFirstOrThrow({ where: { claimId: claim.id } })).closedAt).not.toBeNull();
    expect(JSON.parse((await claimHistory(team.project.id, claim.id)).at(-1)!.details)).toMatchObject({ to: "disputed", closedRound: 1 });
  });
});

describe("sign-off", () => {
  it("locks an approved verdict against tags, bulk verdicts and adjudication until an editor reopens it with a reason", async () => {
    const team = await makeReviewTeam({ secondReview: false });
    const claim = team.claims[0]!;
    await tagAs(team, "reviewer", claim.id, "confirmed");
    const approved = await approveClaim({
      projectId: team.project.id,
      claimId: claim.id,
      expectedVersion: null,
      actor: team.actor("editor"),
    });
    expect(approved).toMatchObject({ reviewState: "approved", approvedById: team.people.editor.id });
    await expect(tagAs(team, "reviewer", claim.id, "disputed")).rejects.toMatchObject({ code: "locked" });
    // The lock holds on the plain path too (a caller using the old function).
    await expect(
      tagClaim({
        projectId: team.project.id,
        claimId: claim.id,
        status: "disputed",
        rationale: "x",
        expectedVersion: null,
        actor: team.actor("reviewer"),
      }),
    ).rejects.toMatchObject({ code: "locked" });
    await expect(
      applyBulkChange({
        projectId: team.project.id,
        target: { ids: [claim.id] },
        change: { status: "disputed", rationale: "bulk" },
        actor: team.actor("editor"),
      }),
    ).rejects.toMatchObject({
      code: "locked",
    });
    await expect(
      approveClaim({ projectId: team.project.id, claimId: claim.id, expectedVersion: null, actor: team.actor("editor") }),
    ).rejects.toMatchObject({ code: "locked" });
    await expect(
      reopenClaim({ projectId: team.project.id, claimId: claim.id, reason: "  ", expectedVersion: null, actor: team.actor("editor") }),
    ).rejects.toMatchObject({
      code: "invalid_input",
    });
    const reopened = await reopenClaim({
      projectId: team.project.id,
      claimId: claim.id,
      reason: "New evidence from the agency",
      expectedVersion: null,
      actor: team.actor("editor"),
    });
    expect(reopened).toMatchObject({ reviewState: "none", approvedAt: null, status: "confirmed" });
    expect((await tagAs(team, "reviewer", claim.id, "disputed"))?.outcome).toBe("verdict");
    const history = await claimHistory(team.project.id, claim.id);
    expect(history.map((e) => e.action)).toEqual(["claim.status_changed", "claim.approved", "claim.reopened", "claim.status_changed"]);
    expect(JSON.parse(history[2]!.details)).toMatchObject({ reason: "New evidence from the agency", restoredState: "none" });
  });

  it("with second review on, approves only verdicts reviewed twice, in bulk too, and reopens to the state before", async () => {
    const team = await makeReviewTeam({ claims: 5 });
    const [agreed, adjudicated, proposed, disagreed, untouched] = team.claims;
    await tagAs(team, "reviewer", agreed!.id, "confirmed");
    await tagAs(team, "second", agreed!.id, "confirmed");
    await tagAs(team, "reviewer", adjudicated!.id, "confirmed");
    await tagAs(team, "second", adjudicated!.id, "disputed");
    await adjudicateClaim({
      projectId: team.project.id,
      claimId: adjudicated!.id,
      verdict: { status: "disputed", rationale: "Editor", expectedVersion: null },
      actor: team.actor("editor"),
    });
    await tagAs(team, "reviewer", proposed!.id, "confirmed");
    await tagAs(team, "reviewer", disagreed!.id, "confirmed");
    await tagAs(team, "second", disagreed!.id, "disputed");
    await expect(
      approveClaim({ projectId: team.project.id, claimId: untouched!.id, expectedVersion: null, actor: team.actor("editor") }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("not been reviewed twice"),
    });
    const preview = await approveClaims({
      projectId: team.project.id,
      target: { ids: team.claims.map((c) => c.id) },
      actor: team.actor("editor"),
      preview: true,
    });
    expect(preview).toEqual({ matched: 5, approved: 2, skipped: { notReviewed: 1, proposed: 1, disagreed: 1, approved: 0 } });
    expect((await stored(agreed!.id)).reviewState).toBe("agreed");
    const result = await approveClaims({
      projectId: team.project.id,
      target: { ids: team.claims.map((c) => c.id) },
      actor: team.actor("editor"),
    });
    expect(result.approved).toBe(2);
    expect((await stored(agreed!.id)).reviewState).toBe("approved");
    expect(await getDb().auditEvent.count({ where: { projectId: team.project.id, action: "claim.approved" } })).toBe(2);
    await reopenClaim({ projectId: team.project.id, claimId: agreed!.id, reason: "r", expectedVersion: null, actor: team.actor("editor") });
    await reopenClaim({
      projectId: team.project.id,
      claimId: adjudicated!.id,
      reason: "r",
      expectedVersion: null,
      actor: team.actor("editor"),
    });
    expect((await stored(agreed!.id)).reviewState).toBe("agreed");
    expect((await stored(adjudicated!.id)).reviewState).toBe("adjudicated");
    const again = await approveClaims({ projectId: team.project.id, target: { ids: [agreed!.id] }, actor: team.actor("editor") });
    expect(again.approved).toBe(1);
  });
});
