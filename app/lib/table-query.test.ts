import { describe, expect, it } from "vitest";
import { parseClaimQuery } from "./claim-query";
import { parseFactQuery } from "./facts";
import { MAX_QUERY_TEXT } from "./table-query";

describe("the search, direction and page every table view keeps in its URL", () => {
  it("falls back alike in the claims and the Facts views", () => {
    const bad = new URLSearchParams({ q: "x".repeat(MAX_QUERY_TEXT + 1), dir: "up", page: "0", size: "7" });
    for (const query of [parseClaimQuery(bad), parseFactQuery(bad)])
      expect({ q: query.q, page: query.page, size: query.size }).toEqual({ q: undefined, page: 1, size: 50 });
    expect(parseClaimQuery(bad).dir).toBe("asc");
    expect(parseFactQuery(bad).dir).toBe("desc");
    const good = new URLSearchParams({ q: "  ferry deadline ", dir: "asc", page: "3", size: "100" });
    for (const query of [parseClaimQuery(good), parseFactQuery(good)])
      expect({ q: query.q, dir: query.dir, page: query.page, size: query.size }).toEqual({
        q: "ferry deadline",
        dir: "asc",
        page: 3,
        size: 100,
      });
  });
});
