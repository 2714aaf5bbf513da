import { describe, expect, it } from "vitest";
import { reviewLines } from "./review-lines";

const step = (status: "confirmed" | "disputed", byName: string, at: string, rationale: string | null = null) => ({
  status,
  rationale,
  by: byName.toLowerCase(),
  byName,
  at,
});

describe("review lines of the report", () => {
  it("prints nothing for a claim never reviewed twice nor approved", () => {
    const none = {
      state: "none" as const,
      round: 0,
      proposal: null,
      proposalHidden: false,
      secondReview: null,
      adjudication: null,
      approval: null,
    };
    expect(reviewLines(none, "UTC")).toEqual([]);
    expect(reviewLines(undefined, "UTC")).toEqual([]);
  });

  it("prints each step with who and when in the project's time zone, and the approval", () => {
    const lines = reviewLines(
      {
        state: "approved",
        round: 2,
        proposal: step("confirmed", "Ana", "2026-12-01T14:00:00.000Z", "Table 4"),
        proposalHidden: false,
        secondReview: step("disputed", "Ben", "2026-12-01T15:00:00.000Z"),
        adjudication: step("disputed", "Eve", "2026-12-01T16:30:00.000Z", "The record wins"),
        approval: { by: "eve", byName: "Eve", at: "2026-12-01T17:00:00.000Z" },
      },
      "America/New_York",
    );
    expect(lines).toEqual([
      "Review: Approved (round 2)",
      "Proposal: confirmed by Ana, 1 Dec 2026, 09:00 EST — Table 4",
      "Second review: disputed by Ben, 1 Dec 2026, 10:00 EST",
      "Adjudication: disputed by Eve, 1 Dec 2026, 11:30 EST — The record wins",
      "Approved by Eve, 1 Dec 2026, 12:00 EST",
    ]);
  });

  it("says a proposal is hidden without saying what it is", () => {
    const lines = reviewLines(
      { state: "proposed", round: 1, proposal: null, proposalHidden: true, secondReview: null, adjudication: null, approval: null },
      "UTC",
    );
    expect(lines).toEqual(["Review: Awaiting second review", "Proposal: hidden until the second review"]);
  });
});
