import { describe, expect, it } from "vitest";
import { canonicalTimeZone, formatDate, formatDateTime, timeZoneAbbreviation } from "./datetime";

describe("formatDateTime", () => {
  it("writes the day, month, year and 24-hour time in the zone, naming the zone", () => {
    const at = new Date("2026-12-01T18:53:12.345Z");
    expect(formatDateTime(at, "America/New_York")).toBe("1 Dec 2026, 13:53 EST");
    expect(formatDateTime(at, "UTC")).toBe("1 Dec 2026, 18:53 UTC");
    expect(formatDateTime(at, "Europe/Berlin")).toBe("1 Dec 2026, 19:53 CET");
    expect(formatDateTime("2026-07-01T09:05:00Z", "Europe/London")).toBe("1 Jul 2026, 10:05 BST");
    expect(formatDateTime(at, "Asia/Tokyo")).toBe("2 Dec 2026, 03:53 UTC+9");
    expect(formatDateTime(at)).toBe("1 Dec 2026, 18:53 UTC");
  });

  it("gives the calendar day of the zone", () => {
    expect(formatDate("2026-12-01T23:30:00Z", "UTC")).toBe("1 Dec 2026");
    expect(formatDate("2026-12-01T23:30:00Z", "Asia/Tokyo")).toBe("2 Dec 2026");
    expect(formatDate("2026-09-05T12:00:00Z", "UTC")).toBe("5 Sep 2026");
  });

  it("names summer and winter time", () => {
    expect(timeZoneAbbreviation(new Date("2026-07-01T12:00:00Z"), "America/New_York")).toBe("EDT");
    expect(timeZoneAbbreviation(new Date("2026-01-01T12:00:00Z"), "Europe/London")).toBe("GMT");
  });
});

describe("canonicalTimeZone", () => {
  it("accepts IANA names in any case and UTC", () => {
    expect(canonicalTimeZone("europe/berlin")).toBe("Europe/Berlin");
    expect(canonicalTimeZone(" America/Argentina/Buenos_Aires ")).toBe("America/Argentina/Buenos_Aires");
    expect(canonicalTimeZone("utc")).toBe("UTC");
  });

  it("refuses unknown names, abbreviations and offsets", () => {
    for (const name of ["Mars/Olympus", "EST", "+02:00", "GMT+2", "", "Europe", "Europe/Berlin; DROP"])
      expect(canonicalTimeZone(name)).toBeNull();
  });
});

describe("days in a zone", () => {
  it("finds midnight of a day in the zone, across summer time", async () => {
    const { startOfDayIn, dayIn, formatPublished } = await import("./datetime");
    expect(startOfDayIn("2026-04-15", "UTC")?.toISOString()).toBe("2026-04-15T00:00:00.000Z");
    expect(startOfDayIn("2026-04-15", "America/New_York")?.toISOString()).toBe("2026-04-15T04:00:00.000Z");
    expect(startOfDayIn("2026-01-15", "Europe/Berlin")?.toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfDayIn("2026-03-29", "Europe/Berlin")?.toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDayIn("2026-02-30", "UTC")).toBeNull();
    expect(startOfDayIn("15/04/2026", "UTC")).toBeNull();
    expect(dayIn("2026-04-15T04:00:00.000Z", "America/New_York")).toBe("2026-04-15");
    expect(dayIn("2026-04-15T03:00:00.000Z", "America/New_York")).toBe("2026-04-14");
    expect(formatPublished("2026-04-15T04:00:00.000Z", "America/New_York")).toBe("15 Apr 2026");
    expect(formatPublished("2026-04-15T18:30:00.000Z", "UTC")).toBe("15 Apr 2026, 18:30 UTC");
  });
});
