import { describe, expect, it } from "vitest";
import { redactHistory } from "./blind-history";
import { REVIEW_STATES, approvalBlocker, approvableStates, isBlindTo, offeredReviewStates, stateAfterReopen } from "./review-state";

const proposed = { reviewState: "proposed", proposedById: 1, reviewRound: 2 };

describe("blindness", () => {
  it("blinds reviewers and viewers who did not propose, never editors, owners or the proposer", () => {
    expect(isBlindTo(proposed, { userId: 2, role: "reviewer" })).toBe(true);
    expect(isBlindTo(proposed, { userId: 2, role: "viewer" })).toBe(true);
    expect(isBlindTo(proposed, { userId: 1, role: "reviewer" })).toBe(false);
    expect(isBlindTo(proposed, { userId: 3, role: "editor" })).toBe(false);
    expect(isBlindTo(proposed, { userId: 3, role: "owner" })).toBe(false);
    for (const state of ["none", "agreed", "disagreed", "adjudicated", "approved"])
      expect(isBlindTo({ ...proposed, reviewState: state }, { userId: 2, role: "reviewer" })).toBe(false);
  });

  it("hides the open round's proposals, keeps earlier rounds and other events", () => {
    const events = [
      { action: "claim.review_proposed", details: { status: "confirmed", rationale: "old", round: 1 } },
      { action: "claim.review_second", details: { status: "confirmed", round: 1 } },
      { action: "claim.review_proposed", details: { status: "disputed", rationale: "new", round: 2 } },
      { action: "claim.review_proposed", details: { status: "unverified", rationale: "no round" } },
      { action: "claim.source_added", details: { stance: "refutes" } },
    ];
    const seen = redactHistory(events, proposed, { userId: 2, role: "reviewer" });
    expect(seen).toEqual([
      events[0],
      events[1],
      { ...events[2], details: { round: 2, hidden: true } },
      { ...events[3], details: { round: 2, hidden: true } },
      events[4],
    ]);
    expect(redactHistory(events, proposed, { userId: 1, role: "reviewer" })).toEqual(events);
  });
});

describe("sign-off rules", () => {
  it("approves only final verdicts, and only reviewed twice when second review is on", () => {
    expect(approvableStates(true)).toEqual(["agreed", "adjudicated"]);
    expect(approvalBlocker("none", false)).toBeNull();
    expect(approvalBlocker("none", true)).toMatch(/not been reviewed twice/);
    expect(approvalBlocker("proposed", false)).toMatch(/second review/);
    expect(approvalBlocker("disagreed", true)).toMatch(/adjudication/);
    expect(approvalBlocker("approved", true)).toMatch(/already/);
  });

  it("reopens to the state before approval", () => {
    expect(stateAfterReopen(null)).toBe("none");
    expect(stateAfterReopen({ outcome: "agreed", adjudicatedAt: null, closedAt: null })).toBe("agreed");
    expect(stateAfterReopen({ outcome: "disagreed", adjudicatedAt: new Date(), closedAt: null })).toBe("adjudicated");
    expect(stateAfterReopen({ outcome: "agreed", adjudicatedAt: null, closedAt: new Date() })).toBe("none");
  });
});

describe("offeredReviewStates", () => {
  it("offers every state with second review on", () => {
    expect(offeredReviewStates({ secondReview: true, inUse: new Set() })).toEqual([...REVIEW_STATES]);
  });

  it("offers only not-in-review and approved with second review off", () => {
    expect(offeredReviewStates({ secondReview: false, inUse: new Set(["none"]) })).toEqual(["none", "approved"]);
  });

  it("keeps a state claims still hold from when second review was on", () => {
    expect(offeredReviewStates({ secondReview: false, inUse: new Set(["disagreed", "none"]) })).toEqual(["none", "disagreed", "approved"]);
  });
});
