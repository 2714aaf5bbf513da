import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { type ProjectEvent, subscribeToProject } from "../../app/models/events.server";
import { projectAgreement } from "../../app/models/review/agreement.server";
import { reviewClaim } from "../../app/models/review/review-verdict.server";
import { claimReviewView, visibleClaimHistory } from "../../app/models/review/review-view.server";
import { type ReviewTeam, makeReviewTeam } from "../support/review-team";

type Person = keyof ReviewTeam["people"];
const SECRET = "SECRET-RATIONALE-7f3a";

async function propose(team: ReviewTeam, claimId: number) {
  await reviewClaim({
    projectId: team.project.id,
    claimId,
    verdict: { status: "disputed", rationale: SECRET, expectedVersion: null },
    actor: team.actor("reviewer"),
    role: "reviewer",
  });
}

async function seenBy(team: ReviewTeam, claimId: number, who: Person) {
  const claim = await getDb().claim.findUniqueOrThrow({ where: { id: claimId } });
  const viewer = team.viewer(who);
  const [review, history] = await Promise.all([
    claimReviewView({ projectId: team.project.id, claim, viewer, secondReviewOn: true }),
    visibleClaimHistory({ projectId: team.project.id, claim, viewer }),
  ]);
  return { review, history, text: JSON.stringify({ review, history }) };
}

describe("blindness in the models", () => {
  it("hides the open proposal from other reviewers and viewers, not from its author or the editors", async () => {
    const team = await makeReviewTeam();
    const claim = team.claims[0]!;
    await propose(team, claim.id);
    for (const who of ["second", "third", "viewer"] as const) {
      const { review, history, text } = await seenBy(team, claim.id, who);
      expect(text, who).not.toContain(SECRET);
      expect(text, who).not.toContain("disputed");
      expect(review).toMatchObject({ state: "proposed", proposalHidden: true, first: null, proposer: { id: team.people.reviewer.id } });
      expect(history).toEqual([expect.objectContaining({ action: "claim.review_proposed", details: { round: 1, hidden: true } })]);
    }
    expect((await seenBy(team, claim.id, "second")).review.nextTag).toBe("second-review");
    for (const who of ["reviewer", "editor", "owner"] as const) {
      const { review, text } = await seenBy(team, claim.id, who);
      expect(text, who).toContain(SECRET);
      expect(review.first).toMatchObject({ status: "disputed", rationale: SECRET });
    }
    expect((await seenBy(team, claim.id, "reviewer")).review.nextTag).toBe("revision");
  });

  it("reveals both verdicts to everyone once the second reviewer has submitted", async () => {
    const team = await makeReviewTeam();
    const claim = team.claims[0]!;
    await propose(team, claim.id);
    await reviewClaim({
      projectId: team.project.id,
      claimId: claim.id,
      verdict: { status: "confirmed", rationale: "Second look", expectedVersion: null },
      actor: team.actor("second"),
      role: "reviewer",
    });
    for (const who of ["third", "viewer", "second"] as const) {
      const { review, text } = await seenBy(team, claim.id, who);
      expect(text).toContain(SECRET);
      expect(review).toMatchObject({
        state: "disagreed",
        proposalHidden: false,
        first: { status: "disputed" },
        second: { status: "confirmed" },
        nextTag: "adjudication-pending",
      });
    }
  });

  it("keeps the proposal out of live-event payloads", async () => {
    const team = await makeReviewTeam();
    const claim = team.claims[0]!;
    const events: ProjectEvent[] = [];
    const unsubscribe = await subscribeToProject(team.project.id, (event) => events.push(event));
    try {
      await propose(team, claim.id);
      await reviewClaim({
        projectId: team.project.id,
        claimId: claim.id,
        verdict: { status: "confirmed", rationale: "changed my mind", expectedVersion: null },
        actor: team.actor("reviewer"),
        role: "reviewer",
      });
      // PostgreSQL delivers through LISTEN/NOTIFY: give it a moment.
      for (let i = 0; i < 50 && events.length < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      unsubscribe();
    }
    expect(events.map((e) => (e.type === "claims-changed" ? e.summary : e.type))).toEqual([
      `${team.people.reviewer.username} proposed a verdict for claim ${claim.id}`,
      `${team.people.reviewer.username} revised their proposal for claim ${claim.id}`,
    ]);
    expect(JSON.stringify(events)).not.toMatch(/disputed|confirmed|SECRET/);
  });
});

describe("agreement from the trail", () => {
  it("pairs first and second verdicts per reviewer pair, for the period asked", async () => {
    const team = await makeReviewTeam({ claims: 12 });
    const tag = (who: Person, claimId: number, status: "confirmed" | "disputed" | "unverified") =>
      reviewClaim({
        projectId: team.project.id,
        claimId,
        verdict: { status, rationale: `${who}`, expectedVersion: null },
        actor: team.actor(who),
        role: team.roleOf[who],
      });
    // Reviewer and second share 10 claims (8 agree), second and third share 2.
    const plan: Array<[number, "confirmed" | "disputed" | "unverified", "confirmed" | "disputed" | "unverified"]> = [
      [0, "confirmed", "confirmed"],
      [1, "confirmed", "confirmed"],
      [2, "disputed", "disputed"],
      [3, "disputed", "disputed"],
      [4, "unverified", "unverified"],
      [5, "unverified", "unverified"],
      [6, "confirmed", "confirmed"],
      [7, "disputed", "disputed"],
      [8, "confirmed", "disputed"],
      [9, "unverified", "confirmed"],
    ];
    for (const [index, first, second] of plan) {
      const claimId = team.claims[index]!.id;
      // Alternate who goes first: the pair is the same either way.
      if (index % 2 === 0) {
        await tag("reviewer", claimId, first);
        await tag("second", claimId, second);
      } else {
        await tag("second", claimId, second);
        await tag("reviewer", claimId, first);
      }
    }
    await tag("third", team.claims[10]!.id, "confirmed");
    await tag("second", team.claims[10]!.id, "confirmed");
    await tag("third", team.claims[11]!.id, "disputed");
    const report = await projectAgreement({ projectId: team.project.id, period: { from: null, to: null } });
    expect(report.pairs).toBe(11);
    expect(report.agreed).toBe(9);
    const pair = report.reviewerPairs.find((p) => p.shared === 10)!;
    // By hand over the 10 shared claims, reviewer by row whichever name sorts first:
    // agreement 8/10. Marginals (reviewer / second) for unverified, confirmed, disputed:
    // reviewer 3, 4, 3; second 2, 4, 4. p_e = (3*2 + 4*4 + 3*4) / 100 = 0.34; kappa = (0.8 - 0.34) / 0.66.
    expect(pair.percentAgreement).toBeCloseTo(0.8, 10);
    expect(pair.kappa).toBeCloseTo(0.46 / 0.66, 10);
    const small = report.reviewerPairs.find((p) => p.shared === 1)!;
    expect(small.kappa).toBeNull();
    // The cell of claim 9 (first reviewer unverified, second confirmed) lists it.
    const cells = pair.cells.flat().filter((cell) => cell.claimIds.includes(team.claims[9]!.id));
    expect(cells).toHaveLength(1);
    // A period that ends before the reviews has none.
    const before = await projectAgreement({ projectId: team.project.id, period: { from: null, to: new Date(Date.now() - 3_600_000) } });
    expect(before.pairs).toBe(0);
    const since = await projectAgreement({ projectId: team.project.id, period: { from: new Date(Date.now() - 3_600_000), to: null } });
    expect(since.pairs).toBe(11);
  });
});
