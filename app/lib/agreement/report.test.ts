import { describe, expect, it } from "vitest";
import type { ClaimStatus } from "../claim-status";
import {
  MIN_SHARED_CLAIMS,
  PROPOSAL_ACTION,
  type ReviewEvent,
  type ReviewPair,
  SECOND_REVIEW_ACTION,
  agreementReport,
  pairsFromEvents,
} from "./report";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));

function event(action: string, claimId: number, actor: [number, string], details: Record<string, unknown>, minute: number): ReviewEvent {
  return { action, claimId, actorId: actor[0], actorName: actor[1], createdAt: at(minute), details };
}

const rivera: [number, string] = [1, "rivera"];
const okafor: [number, string] = [2, "okafor"];
const chen: [number, string] = [3, "chen"];

describe("pairsFromEvents", () => {
  it("pairs each second review with the last proposal of its round", () => {
    const pairs = pairsFromEvents([
      event(PROPOSAL_ACTION, 5, rivera, { status: "confirmed", round: 1 }, 0),
      // The first reviewer changes their mind: the revision is the first verdict.
      event(PROPOSAL_ACTION, 5, rivera, { status: "disputed", round: 1 }, 1),
      event(SECOND_REVIEW_ACTION, 5, okafor, { status: "disputed", round: 1 }, 2),
      // A later round of the same claim is paired on its own.
      event(PROPOSAL_ACTION, 5, okafor, { status: "unverified", round: 2 }, 3),
      event(SECOND_REVIEW_ACTION, 5, chen, { status: "confirmed", round: 2, blind: false }, 4),
      // Still waiting for its second review: not a pair.
      event(PROPOSAL_ACTION, 6, chen, { status: "confirmed", round: 1 }, 5),
      // Other events are ignored.
      event("claim.status_changed", 7, chen, { to: "confirmed" }, 6),
    ]);
    expect(pairs).toEqual([
      {
        claimId: 5,
        round: 1,
        first: { id: 1, name: "rivera", status: "disputed" },
        second: { id: 2, name: "okafor", status: "disputed" },
        at: at(2).toISOString(),
        blind: true,
      },
      {
        claimId: 5,
        round: 2,
        first: { id: 2, name: "okafor", status: "unverified" },
        second: { id: 3, name: "chen", status: "confirmed" },
        at: at(4).toISOString(),
        blind: false,
      },
    ]);
  });

  it("skips a second review without a proposal or with an unknown status", () => {
    expect(
      pairsFromEvents([
        event(SECOND_REVIEW_ACTION, 8, okafor, { status: "confirmed", round: 1 }, 0),
        event(PROPOSAL_ACTION, 9, rivera, { status: "maybe", round: 1 }, 1),
        event(SECOND_REVIEW_ACTION, 9, okafor, { status: "confirmed", round: 1 }, 2),
      ]),
    ).toEqual([]);
  });
});

function pairsFromTable(a: [number, string], b: [number, string], table: number[][], startId = 1): ReviewPair[] {
  const statuses: ClaimStatus[] = ["unverified", "confirmed", "disputed"];
  const pairs: ReviewPair[] = [];
  let id = startId;
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      for (let k = 0; k < count; k += 1) {
        // Alternate who reviewed first: the pair's table is by reviewer, not by order.
        const firstIsA = id % 2 === 0;
        const [first, second] = firstIsA ? [a, b] : [b, a];
        const [firstStatus, secondStatus] = firstIsA ? [statuses[i]!, statuses[j]!] : [statuses[j]!, statuses[i]!];
        pairs.push({
          claimId: id,
          round: 1,
          first: { id: first[0], name: first[1], status: firstStatus },
          second: { id: second[0], name: second[1], status: secondStatus },
          at: at(0).toISOString(),
          blind: true,
        });
        id += 1;
      }
    }),
  );
  return pairs;
}

describe("agreementReport", () => {
  it("gives Cohen's kappa per pair of reviewers, whoever reviewed first, with the claims in each cell", () => {
    // The hand-computed table of statistics.test.ts (kappa 0.23 / 0.34), okafor by row (sorted by name: chen < okafor < rivera).
    const table = [
      [75, 1, 4],
      [5, 4, 1],
      [0, 0, 10],
    ];
    const report = agreementReport(pairsFromTable(okafor, rivera, table));
    expect(report.pairs).toBe(100);
    expect(report.agreed).toBe(89);
    expect(report.percentAgreement).toBeCloseTo(0.89, 10);
    expect(report.reviewerPairs).toHaveLength(1);
    const pair = report.reviewerPairs[0]!;
    expect([pair.a.name, pair.b.name]).toEqual(["okafor", "rivera"]);
    expect(pair.cells.map((row) => row.map((cell) => cell.count))).toEqual(table);
    expect(pair.kappa).toBeCloseTo(0.23 / 0.34, 10);
    expect(pair.cells[1]![0]!.claimIds).toHaveLength(5);
    // Every claim appears in exactly one cell.
    expect(
      pair.cells
        .flat()
        .flatMap((cell) => cell.claimIds)
        .sort((x, y) => x - y),
    ).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    // Two ratings per claim: Fleiss' kappa is Scott's pi. Pooled shares 160/200, 15/200, 25/200, so by hand:
    // P_e = 0.8^2 + 0.075^2 + 0.125^2 = 0.64 + 0.005625 + 0.015625 = 0.66125; kappa = (0.89 - 0.66125) / 0.33875.
    expect(report.fleissKappa).toBeCloseTo((0.89 - 0.66125) / 0.33875, 10);
    expect(report.krippendorffAlpha).not.toBeNull();
  });

  it(`omits kappa for pairs with fewer than ${MIN_SHARED_CLAIMS} shared claims but keeps their count`, () => {
    const few = pairsFromTable(rivera, chen, [
      [2, 0, 0],
      [0, 3, 1],
      [0, 0, 2],
    ]);
    const report = agreementReport(few);
    expect(report.reviewerPairs[0]).toMatchObject({ shared: 8, kappa: null, kappaDefined: false });
    expect(report.reviewerPairs[0]!.percentAgreement).toBeCloseTo(7 / 8, 10);
  });

  it("is empty without pairs", () => {
    expect(agreementReport([])).toMatchObject({
      pairs: 0,
      percentAgreement: null,
      fleissKappa: null,
      krippendorffAlpha: null,
      reviewerPairs: [],
    });
  });
});
