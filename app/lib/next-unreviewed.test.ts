import { describe, expect, it } from "vitest";
import { nextUnreviewedIndex } from "./next-unreviewed";

const decided = { displayName: "A", at: "2026-12-01T10:00:00.000Z" };
const row = (id: number, status = "unverified", decision: unknown = null) => ({ id, status, decision });

describe("nextUnreviewedIndex", () => {
  it("goes to the next row nobody has decided, skipping decided ones", () => {
    const rows = [row(1, "confirmed", decided), row(2, "disputed", decided), row(3, "unverified", decided), row(4)];
    expect(nextUnreviewedIndex(rows, { claimId: 1, formerIndex: 0 })).toBe(3);
  });

  it("wraps round to an earlier row, and is null when none waits", () => {
    expect(nextUnreviewedIndex([row(1), row(2, "confirmed", decided), row(3, "confirmed", decided)], { claimId: 3, formerIndex: 2 })).toBe(
      0,
    );
    expect(nextUnreviewedIndex([row(1, "confirmed", decided), row(2, "disputed", decided)], { claimId: 1, formerIndex: 0 })).toBeNull();
    expect(nextUnreviewedIndex([], { claimId: 1, formerIndex: 0 })).toBeNull();
  });

  it("never stays on the claim just decided, even if it still reads as unreviewed", () => {
    expect(nextUnreviewedIndex([row(1), row(2)], { claimId: 1, formerIndex: 0 })).toBe(1);
  });

  it("looks from the former place of a claim that left the filtered page", () => {
    const rows = [row(1), row(2, "confirmed", decided), row(4), row(5)];
    expect(nextUnreviewedIndex(rows, { claimId: 3, formerIndex: 2 })).toBe(2);
  });
});
