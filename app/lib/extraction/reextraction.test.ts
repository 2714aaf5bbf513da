import { describe, expect, it } from "vitest";
import type { ClaimCandidate } from "./extract";
import { type StoredClaim, planReextraction, reextractionSummary } from "./reextraction";

const reasons: ClaimCandidate["reasons"] = [{ kind: "money", evidence: "$4 million", weight: 1.2 }];

function candidate(start: number, end: number, score = 0.8): ClaimCandidate {
  return {
    start,
    end,
    text: "x".repeat(end - start),
    prefix: "",
    suffix: "",
    checkworthiness: score,
    reasons,
    speaker: null,
    dismissed: score < 0.32,
  };
}

function stored(id: number, start: number, end: number, overrides: Partial<StoredClaim> = {}): StoredClaim {
  return {
    id,
    version: 1,
    start,
    end,
    reviewed: false,
    anchored: true,
    checkworthiness: 0.8,
    reasons: JSON.stringify(reasons),
    speaker: null,
    dismissed: false,
    ...overrides,
  };
}

describe("planning a re-extraction", () => {
  it("updates an untouched claim's score, reasons, speaker and dismissal, with the version it read", () => {
    const plan = planReextraction([stored(1, 0, 40, { checkworthiness: 0.2, dismissed: true, version: 3 })], [candidate(0, 40, 0.7)]);
    expect(plan.update).toEqual([
      { id: 1, version: 3, checkworthiness: 0.7, reasons: JSON.stringify(reasons), speaker: null, dismissed: false },
    ]);
    expect(plan).toMatchObject({ add: [], remove: [], unchanged: 0, kept: 0 });
  });

  it("leaves an untouched claim the model sees as stored", () => {
    expect(planReextraction([stored(1, 0, 40)], [candidate(0, 40)])).toMatchObject({ update: [], unchanged: 1 });
  });

  it("never plans a change to a reviewed claim, even when the model now scores it otherwise or drops its sentence", () => {
    const plan = planReextraction([stored(1, 0, 40, { reviewed: true }), stored(2, 50, 90, { reviewed: true })], [candidate(0, 40, 0.1)]);
    expect(plan).toMatchObject({ add: [], update: [], remove: [], kept: 2, coveredByReviewed: 1 });
  });

  it("adds new sentences, but not one a reviewed claim mostly covers", () => {
    const plan = planReextraction([stored(1, 0, 30, { reviewed: true })], [candidate(0, 40), candidate(41, 80)]);
    expect(plan.add.map((c) => c.start)).toEqual([41]);
    expect(plan.coveredByReviewed).toBe(1);
  });

  it("removes an untouched claim whose sentence the model no longer makes (a quotation now split in two)", () => {
    const plan = planReextraction([stored(1, 0, 80, { version: 2 })], [candidate(0, 40), candidate(41, 80)]);
    expect(plan.remove).toEqual([{ id: 1, version: 2 }]);
    expect(plan.add).toHaveLength(2);
  });

  it("keeps a claim waiting to be re-anchored, and its stale position blocks nothing", () => {
    const plan = planReextraction([stored(1, 0, 40, { anchored: false })], [candidate(0, 40)]);
    expect(plan).toMatchObject({ kept: 1, remove: [], update: [] });
    expect(plan.add).toHaveLength(1);
  });

  it("sums a run up in words", () => {
    expect(reextractionSummary({ documents: 1, added: 1, updated: 0, removed: 2, keptReviewed: 1 })).toBe(
      "Re-extracted 1 article: 1 claim added, 0 updated, 2 removed; 1 reviewed claim kept as it was.",
    );
  });
});
