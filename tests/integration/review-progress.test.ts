import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { verifyAuditChain } from "../../app/models/audit.server";
import { seedLargeDemo } from "../../app/models/large-demo.server";
import { projectChain } from "../../app/lib/audit-hash";
import { adjudicateClaim } from "../../app/models/review/adjudicate.server";
import { projectProgress } from "../../app/models/review/progress.server";
import { reviewClaim } from "../../app/models/review/review-verdict.server";
import { approveClaims } from "../../app/models/review/sign-off.server";
import { makeProjectWithTeam } from "../support/factories";
import { makeReviewTeam } from "../support/review-team";

describe("progress dashboard", () => {
  it("counts claims by status and review state, each reviewer's steps, decisions per day and the median time to a verdict", async () => {
    const team = await makeReviewTeam({ claims: 6 });
    const tag = (who: "reviewer" | "second", claimId: number, status: "confirmed" | "disputed") =>
      reviewClaim({
        projectId: team.project.id,
        claimId,
        verdict: { status, rationale: who, expectedVersion: null },
        actor: team.actor(who),
        role: "reviewer",
      });
    const [a, b, c] = team.claims;
    await tag("reviewer", a!.id, "confirmed");
    await tag("second", a!.id, "confirmed");
    await tag("reviewer", b!.id, "confirmed");
    await tag("second", b!.id, "disputed");
    await adjudicateClaim({
      projectId: team.project.id,
      claimId: b!.id,
      verdict: { status: "disputed", rationale: "e", expectedVersion: null },
      actor: team.actor("editor"),
    });
    await tag("second", c!.id, "disputed");
    await approveClaims({ projectId: team.project.id, target: { ids: [a!.id] }, actor: team.actor("editor") });
    // Make the claims a day old, so the median is about a day.
    await getDb().claim.updateMany({ where: { projectId: team.project.id }, data: { createdAt: new Date(Date.now() - 86_400_000) } });
    const progress = await projectProgress({ projectId: team.project.id });
    expect(progress.total).toBe(6);
    expect(progress.byStatus).toEqual({ unverified: 4, confirmed: 1, disputed: 1 });
    expect(progress.byReviewState).toMatchObject({ none: 3, proposed: 1, approved: 1, adjudicated: 1, agreed: 0, disagreed: 0 });
    const byName = Object.fromEntries(progress.reviewers.map((r) => [r.id, r]));
    expect(byName[team.people.reviewer.id]).toMatchObject({ proposals: 2, secondReviews: 0 });
    expect(byName[team.people.second.id]).toMatchObject({ proposals: 1, secondReviews: 2 });
    expect(byName[team.people.editor.id]).toMatchObject({ adjudications: 1, approvals: 1 });
    expect(progress.claimsWithVerdict).toBe(2);
    expect(progress.medianMsToVerdict).toBeGreaterThan(86_000_000);
    expect(progress.medianMsToVerdict).toBeLessThan(87_000_000);
    expect(progress.days).toHaveLength(30);
    expect(progress.days.at(-1)!.counts).toEqual({ verdicts: 0, secondReviews: 2, adjudications: 1, approvals: 1 });
  });

  it("reads a benchmark project seeded with a review history as one that has been worked on", async () => {
    const { project, members } = await makeProjectWithTeam();
    const owner = members.owner;
    const actor = { id: owner.id, name: owner.displayName };
    await seedLargeDemo({ projectId: project.id, count: 250, actor, history: true });
    const progress = await projectProgress({ projectId: project.id });
    // The seed's statuses cycle unverified x3, confirmed, disputed: 100 of 250 claims have a verdict.
    expect(progress.byStatus).toEqual({ unverified: 150, confirmed: 50, disputed: 50 });
    expect(progress.claimsWithVerdict).toBe(100);
    expect(progress.byReviewState.approved).toBe(25);
    expect(progress.reviewers.find((r) => r.id === owner.id)).toMatchObject({ verdicts: 100, proposals: 100, approvals: 25 });
    expect((await verifyAuditChain(projectChain(project.id))).problem).toBeNull();

    // The database picks the median: the same as sorting every decided claim's time here, for an even and an odd count.
    const decided = await getDb().claim.findMany({ where: { projectId: project.id, decisionSeq: { gt: 0 } }, orderBy: { id: "asc" } });
    const events = await getDb().auditEvent.findMany({
      where: { chain: projectChain(project.id), seq: { in: decided.map((c) => c.decisionSeq!) } },
    });
    const decidedAt = new Map(events.map((e) => [e.seq, e.createdAt.getTime()]));
    for (const [i, claim] of decided.entries())
      await getDb().claim.update({
        where: { id: claim.id },
        data: { createdAt: new Date(decidedAt.get(claim.decisionSeq!)! - ((i * 7919) % 1000) * 60_000) },
      });
    const expectedMedian = async () => {
      const rows = await getDb().claim.findMany({ where: { projectId: project.id, decisionSeq: { gt: 0 } } });
      const times = rows.map((c) => decidedAt.get(c.decisionSeq!)! - c.createdAt.getTime()).sort((a, b) => a - b);
      const middle = Math.floor(times.length / 2);
      return times.length % 2 === 1 ? times[middle]! : (times[middle - 1]! + times[middle]!) / 2;
    };
    expect((await projectProgress({ projectId: project.id })).medianMsToVerdict).toBeCloseTo(await expectedMedian(), -1);
    await getDb().claim.update({ where: { id: decided[0]!.id }, data: { dismissed: true } });
    const odd = await projectProgress({ projectId: project.id });
    expect(odd.claimsWithVerdict).toBe(99);
    await getDb().claim.update({ where: { id: decided[0]!.id }, data: { decisionSeq: 0, dismissed: false } });
    expect(odd.medianMsToVerdict).toBeCloseTo(await expectedMedian(), -1);
  });
});
