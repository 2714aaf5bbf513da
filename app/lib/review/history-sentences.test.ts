import { describe, expect, it } from "vitest";
import { describeEvent, lineToText } from "../history";

const people = new Map([
  [1, "Lucía Rivera"],
  [2, "Ade Okafor"],
]);
const sentence = (action: string, details: Record<string, unknown>, actorId = 1) =>
  lineToText(describeEvent({ action, actorId, actorName: "x", createdAt: new Date("2026-12-01T13:53:00Z"), details }, { people }), {
    withTime: false,
  });

describe("editorial review in the history", () => {
  it("reads each step as a sentence, never as a code or JSON", () => {
    expect(sentence("claim.review_proposed", { status: "disputed", rationale: "Table 4", round: 1 })).toBe(
      "Lucía Rivera proposed the verdict disputed: “Table 4”",
    );
    expect(sentence("claim.review_proposed", { round: 1, hidden: true })).toBe(
      "Lucía Rivera proposed a verdict (hidden until the second review)",
    );
    expect(sentence("claim.review_proposed", { status: "confirmed", round: 1, revision: true })).toBe(
      "Lucía Rivera revised the proposed verdict: confirmed",
    );
    expect(sentence("claim.review_second", { status: "disputed", outcome: "agreed", rationale: "Same" }, 2)).toBe(
      "Ade Okafor gave the second review: disputed, agreeing with the proposal; the claim is now disputed: “Same”",
    );
    expect(sentence("claim.review_second", { status: "confirmed", firstStatus: "disputed", outcome: "disagreed", blind: false }, 2)).toBe(
      "Ade Okafor gave the second review (having seen the proposal): confirmed, against the proposed disputed; it goes to an editor",
    );
    expect(
      sentence("claim.adjudicated", { status: "disputed", firstStatus: "disputed", secondStatus: "confirmed", rationale: "Agency data" }),
    ).toBe("Lucía Rivera adjudicated the disagreement (the reviewers said disputed and confirmed): the claim is disputed: “Agency data”");
    expect(sentence("claim.approved", { status: "confirmed", bulk: true })).toBe(
      "Lucía Rivera approved the verdict confirmed in a bulk approval; it is locked",
    );
    expect(sentence("claim.reopened", { reason: "New figures" })).toBe("Lucía Rivera reopened the approved verdict: “New figures”");
    expect(sentence("claim.second_reviewer_assigned", { from: null, to: 2 })).toBe("Lucía Rivera asked Ade Okafor for the second review");
    expect(sentence("claim.comment_added", { commentId: 3, text: "Looks off" })).toBe("Lucía Rivera commented: “Looks off”");
    expect(sentence("claim.comment_deleted", { commentId: 3, text: "secret" })).toBe("Lucía Rivera deleted a comment");
  });
});
