import { describe, expect, it } from "vitest";
import { changedDetails, documentDetailsSchema } from "./document-details";

const schema = documentDetailsSchema("America/New_York");
const valid = {
  title: " Ferry cuts ",
  outlet: "",
  author: "Ann Lind",
  url: "https://News.example/ferry?utm_source=x",
  publishedAt: "2026-04-15",
};

describe("document details", () => {
  it("trims, clears empty fields, normalizes the address and reads a date as midnight in the project's zone", () => {
    expect(schema.parse(valid)).toEqual({
      title: "Ferry cuts",
      outlet: null,
      author: "Ann Lind",
      url: "https://news.example/ferry",
      publishedAt: new Date("2026-04-15T04:00:00.000Z"),
    });
    expect(schema.shape.publishedAt.parse("2026-04-15T18:30:00Z")).toEqual(new Date("2026-04-15T18:30:00Z"));
    expect(schema.shape.publishedAt.parse("")).toBeNull();
  });

  it("refuses an empty title, a bad address and a date it cannot place", () => {
    for (const [field, value] of [
      ["title", "  "],
      ["title", "Ferry\u202Ecuts"],
      ["author", "Ann\u0000Lind"],
      ["url", "javascript:alert(1)"],
      ["url", "not an address"],
      ["publishedAt", "15/04/2026"],
      ["publishedAt", "2026-04-15T18:30"],
      ["publishedAt", "2026-13-01"],
    ] as const) {
      const result = schema.safeParse({ ...valid, [field]: value });
      expect(result.success, `${field}=${value}`).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual([field]);
    }
  });

  it("lists only what changed, dates as ISO text", () => {
    const before = { title: "As the harbour…", outlet: null, author: null, url: null, publishedAt: new Date("2026-04-15T04:00:00Z") };
    expect(changedDetails(before, { title: "Ferry cuts", outlet: null, publishedAt: new Date("2026-04-16T04:00:00Z") })).toEqual({
      title: { from: "As the harbour…", to: "Ferry cuts" },
      publishedAt: { from: "2026-04-15T04:00:00.000Z", to: "2026-04-16T04:00:00.000Z" },
    });
    expect(changedDetails(before, { ...before })).toEqual({});
  });
});
