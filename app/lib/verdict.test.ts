import { describe, expect, it } from "vitest";
import { type TrailEvent, bulkChangeDecides, verdictFromTrail } from "./verdict";

let seq = 0;
function event(action: string, actorName: string, details: Record<string, unknown>): TrailEvent {
  seq += 1;
  return {
    id: 100 + seq,
    seq,
    hash: `h${seq}`,
    action,
    actorId: seq,
    actorName,
    createdAt: new Date(Date.UTC(2026, 11, 1, 12, seq)),
    details,
  };
}
const tag = (by: string, to: string, rationale: string | null = `why ${to}`) =>
  event("claim.status_changed", by, { from: "x", to, rationale, version: 2 });
const bulk = (by: string, operation: number, to: string, rationale: string | null = "bulk") =>
  event("claim.status_changed", by, { bulkOperationId: operation, from: "x", to, rationale, version: 3 });
const undo = (by: string, operation: number) => event("claim.change_undone", by, { bulkOperationId: operation, restoredStatus: "x" });

describe("verdictFromTrail", () => {
  it("is undecided without status changes", () => {
    expect(verdictFromTrail([event("claim.created", "a", {}), event("claim.assigned", "b", { to: 3 })])).toEqual({
      status: "unverified",
      rationale: null,
      decision: null,
    });
  });

  it("credits the tagger, not whoever assigned, linked a source or undid an assignment afterwards", () => {
    const decided = tag("rivera", "disputed");
    const verdict = verdictFromTrail([
      decided,
      event("claim.assigned", "okafor", { from: null, to: 7 }),
      event("claim.assigned", "okafor", { bulkOperationId: 4, assigneeFrom: 7, assigneeTo: 8 }),
      undo("okafor", 4),
      event("claim.source_added", "okafor", { stance: "supports" }),
      event("claim.source_edited", "okafor", {}),
    ]);
    expect(verdict).toMatchObject({ status: "disputed", rationale: "why disputed", decision: { actorName: "rivera", seq: decided.seq } });
  });

  it("credits a bulk status change to its author, and an undo of it restores the earlier verdict and decider", () => {
    const first = tag("rivera", "confirmed", "Register p. 4");
    const changed = verdictFromTrail([first, bulk("okafor", 9, "disputed")]);
    expect(changed).toMatchObject({ status: "disputed", decision: { actorName: "okafor" } });
    const restored = verdictFromTrail([first, bulk("okafor", 9, "disputed"), undo("okafor", 9)]);
    expect(restored).toEqual({ status: "confirmed", rationale: "Register p. 4", decision: first });
  });

  it("restores 'undecided' when the undone change was the first decision", () => {
    expect(verdictFromTrail([bulk("okafor", 2, "confirmed"), undo("okafor", 2)])).toEqual({
      status: "unverified",
      rationale: null,
      decision: null,
    });
  });

  it("ignores a bulk change that left the verdict as it was (it only reassigned the claim)", () => {
    const first = tag("rivera", "confirmed", "same");
    const verdict = verdictFromTrail([first, bulk("okafor", 5, "confirmed", "same"), undo("okafor", 5)]);
    expect(verdict.decision).toBe(first);
  });

  it("counts a new tag with the same status but a new rationale as a decision", () => {
    const second = tag("okafor", "confirmed", "A better source");
    expect(verdictFromTrail([tag("rivera", "confirmed", "first"), second]).decision).toBe(second);
  });

  it("undoes nested bulk changes in reverse order", () => {
    const first = tag("rivera", "confirmed");
    const b1 = bulk("okafor", 1, "disputed");
    const b2 = bulk("lind", 2, "unverified", null);
    expect(verdictFromTrail([first, b1, b2, undo("lind", 2)]).decision).toBe(b1);
    expect(verdictFromTrail([first, b1, b2, undo("lind", 2), undo("okafor", 1)]).decision).toBe(first);
  });
});

describe("bulkChangeDecides", () => {
  it("is true only when the change sets a different status or rationale", () => {
    expect(bulkChangeDecides({ status: "confirmed", rationale: "r" }, { status: "confirmed", rationale: "r" })).toBe(false);
    expect(bulkChangeDecides({ status: "confirmed", rationale: "r" }, { status: "confirmed", rationale: "s" })).toBe(true);
    expect(bulkChangeDecides({ status: "confirmed", rationale: "r" }, { status: "disputed", rationale: "r" })).toBe(true);
    expect(bulkChangeDecides({ status: "confirmed", rationale: "r" }, { rationale: null })).toBe(false);
  });

  it("credits an agreeing second review with the proposal's rationale, and an adjudication, never a proposal or a disagreement", () => {
    const proposal = event("claim.review_proposed", "rivera", { status: "disputed", rationale: "table 4", round: 1 });
    const agreed = event("claim.review_second", "okafor", {
      status: "disputed",
      rationale: "own check",
      round: 1,
      outcome: "agreed",
      from: "unverified",
      to: "disputed",
      firstRationale: "table 4",
    });
    expect(verdictFromTrail([proposal])).toMatchObject({ status: "unverified", decision: null });
    expect(verdictFromTrail([proposal, agreed])).toEqual({ status: "disputed", rationale: "table 4", decision: agreed });
    const disagreed = event("claim.review_second", "okafor", { status: "confirmed", round: 2, outcome: "disagreed" });
    const adjudicated = event("claim.adjudicated", "editor", {
      status: "confirmed",
      rationale: "editor's call",
      from: "disputed",
      to: "confirmed",
      round: 2,
    });
    expect(verdictFromTrail([proposal, agreed, disagreed])).toMatchObject({ decision: agreed });
    expect(verdictFromTrail([proposal, agreed, disagreed, adjudicated])).toEqual({
      status: "confirmed",
      rationale: "editor's call",
      decision: adjudicated,
    });
  });
});
