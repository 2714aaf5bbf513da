import { describe, expect, it } from "vitest";
import { dayIn, decisionsPerDay, medianOfSorted } from "./progress";

describe("medianOfSorted", () => {
  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(medianOfSorted([])).toBeNull();
    expect(medianOfSorted([5])).toBe(5);
    expect(medianOfSorted([1, 3, 10])).toBe(3);
    expect(medianOfSorted([1, 3, 10, 20])).toBe(6.5);
  });
});

describe("decisionsPerDay", () => {
  const now = new Date("2026-12-03T12:00:00Z");
  it("has every day of the window, zeros included, and places hours in days of the time zone", () => {
    const days = decisionsPerDay({
      now,
      days: 3,
      timeZone: "UTC",
      hours: [
        { hour: new Date("2026-12-01T09:00:00Z"), kind: "verdicts", count: 4 },
        { hour: new Date("2026-12-03T10:00:00Z"), kind: "approvals", count: 2 },
        { hour: new Date("2026-11-20T10:00:00Z"), kind: "approvals", count: 9 },
      ],
    });
    expect(days.map((d) => d.day)).toEqual(["2026-12-01", "2026-12-02", "2026-12-03"]);
    expect(days[0]!.counts.verdicts).toBe(4);
    expect(days[1]!.counts).toEqual({ verdicts: 0, secondReviews: 0, adjudications: 0, approvals: 0 });
    expect(days[2]!.counts.approvals).toBe(2);
  });

  it("moves a late-evening UTC hour to the next day east of UTC", () => {
    const hours = [{ hour: new Date("2026-12-02T23:00:00Z"), kind: "secondReviews" as const, count: 1 }];
    const tokyo = decisionsPerDay({ now, days: 3, timeZone: "Asia/Tokyo", hours });
    expect(tokyo.find((d) => d.counts.secondReviews === 1)?.day).toBe("2026-12-03");
    expect(dayIn(new Date("2026-12-02T23:30:00Z"), "America/New_York")).toBe("2026-12-02");
  });
});
