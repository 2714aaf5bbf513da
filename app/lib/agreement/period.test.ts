import { describe, expect, it } from "vitest";
import { agreementPeriodSchema, periodInstants } from "./period";

describe("agreement period", () => {
  it("takes both days inclusive in the project's zone", () => {
    const days = agreementPeriodSchema.parse({ from: "2026-03-28", to: "2026-03-29" });
    const instants = periodInstants(days, "Europe/Berlin")!;
    expect(instants.from!.toISOString()).toBe("2026-03-27T23:00:00.000Z");
    // Summer time begins on the 29th: that day ends at 22:00 UTC.
    expect(instants.to!.toISOString()).toBe("2026-03-29T22:00:00.000Z");
  });

  it("leaves an open end open and refuses bad or reversed dates", () => {
    expect(periodInstants(agreementPeriodSchema.parse({}), "UTC")).toEqual({ from: null, to: null });
    expect(agreementPeriodSchema.safeParse({ from: "15/04/2026" }).success).toBe(false);
    expect(agreementPeriodSchema.safeParse({ from: "2026-05-02", to: "2026-05-01" }).success).toBe(false);
    expect(periodInstants(agreementPeriodSchema.parse({ from: "2026-02-30" }), "UTC")).toBeNull();
  });
});
