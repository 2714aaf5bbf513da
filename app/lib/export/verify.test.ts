import { describe, expect, it } from "vitest";
import type { TrailEvent } from "../verdict";
import { summaryDifference, verdictDifference } from "./verify";

const decision: TrailEvent = {
  id: 71,
  seq: 12,
  hash: "c".repeat(64),
  action: "claim.status_changed",
  actorId: 3,
  actorName: "rivera",
  createdAt: new Date("2026-12-01T18:53:00.000Z"),
  details: {},
};
const trail = { status: "disputed" as const, rationale: "Budget says otherwise", decision };
const reported = {
  id: 5,
  status: "disputed" as const,
  rationale: "Budget says otherwise",
  decidedBy: "rivera",
  decidedAt: "2026-12-01T18:53:00.000Z",
  decisionEvent: { id: 71, seq: 12, hash: "c".repeat(64) },
};

describe("verdictDifference", () => {
  it("is null when the report states what the trail says", () => {
    expect(verdictDifference(reported, trail, 40)).toBeNull();
    expect(
      verdictDifference(
        { ...reported, status: "unverified", rationale: null, decidedBy: null, decidedAt: null, decisionEvent: null },
        { status: "unverified", rationale: null, decision: null },
        40,
      ),
    ).toBeNull();
  });

  it("names the claim and what differs: verdict, decider, time, rationale or event", () => {
    expect(verdictDifference({ ...reported, status: "confirmed" }, trail, 40)).toBe(
      "claim 5: the verdict differs: the report says confirmed, decided by rivera at 2026-12-01T18:53:00.000Z (event #12); the trail up to event #40 says disputed, decided by rivera at 2026-12-01T18:53:00.000Z (event #12)",
    );
    expect(verdictDifference({ ...reported, decidedBy: "okafor" }, trail, 40)).toMatch(/^claim 5: the decider differs/);
    expect(verdictDifference({ ...reported, decidedAt: "2026-12-02T00:00:00.000Z" }, trail, 40)).toMatch(/the decision time differs/);
    expect(verdictDifference({ ...reported, rationale: "Edited" }, trail, 40)).toMatch(/the rationale differs/);
    expect(verdictDifference({ ...reported, decisionEvent: { id: 71, seq: 12, hash: "d".repeat(64) } }, trail, 40)).toMatch(
      /the decision event differs/,
    );
    expect(verdictDifference(reported, { status: "unverified", rationale: null, decision: null }, 40)).toMatch(
      /the trail up to event #40 says unverified, decided by nobody$/,
    );
  });
});

describe("summaryDifference", () => {
  it("compares the summary with the claims listed", () => {
    const claims = [{ status: "confirmed" as const }, { status: "disputed" as const }];
    expect(summaryDifference({ summary: { total: 2, confirmed: 1, disputed: 1, unverified: 0 } }, claims)).toBeNull();
    expect(summaryDifference({ summary: { total: 2, confirmed: 2, disputed: 0, unverified: 0 } }, claims)).toBe(
      "the summary says 2 confirmed but the report lists 1",
    );
  });
});
