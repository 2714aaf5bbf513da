import { describe, expect, it } from "vitest";
import { claimQueryToSearch, parseClaimQuery } from "./claim-query";

describe("claims table URL state", () => {
  it("parses filters, sort and paging", () => {
    const query = parseClaimQuery(
      new URLSearchParams(
        "status=confirmed&status=disputed&document=4&assignee=me&sources=yes&min=0.5&max=0.9&q=bridge&sort=checkworthiness&dir=desc&page=3&size=200",
      ),
    );
    expect(query).toEqual({
      status: ["confirmed", "disputed"],
      document: 4,
      assignee: "me",
      sources: "yes",
      min: 0.5,
      max: 0.9,
      q: "bridge",
      sort: "checkworthiness",
      dir: "desc",
      page: 3,
      size: 200,
      dismissed: undefined,
    });
  });

  it("falls back to defaults for anything invalid", () => {
    const query = parseClaimQuery(
      new URLSearchParams("status=maybe&document=-1&assignee=bob&min=7&sort=drop table&dir=up&page=0&size=1000"),
    );
    expect(query).toMatchObject({
      status: [],
      document: undefined,
      assignee: undefined,
      min: undefined,
      sort: "position",
      dir: "asc",
      page: 1,
      size: 50,
    });
  });

  it("round-trips through the search string, leaving defaults out", () => {
    const search = claimQueryToSearch({ status: ["unverified"], sort: "lastChanged", dir: "desc", assignee: 12, q: "a b" });
    expect(search).toBe("?status=unverified&assignee=12&q=a+b&sort=lastChanged&dir=desc");
    expect(parseClaimQuery(new URLSearchParams(search))).toMatchObject({
      status: ["unverified"],
      sort: "lastChanged",
      dir: "desc",
      assignee: 12,
      q: "a b",
    });
    expect(claimQueryToSearch({})).toBe("");
  });

  it("parses review states and leaves them out when none is chosen", () => {
    expect(parseClaimQuery(new URLSearchParams("review=proposed,disagreed")).review).toEqual(["proposed", "disagreed"]);
    expect(parseClaimQuery(new URLSearchParams("review=proposed&review=maybe")).review).toBeUndefined();
    expect(parseClaimQuery(new URLSearchParams("")).review).toBeUndefined();
    expect(claimQueryToSearch({ review: ["approved"], status: ["confirmed"] })).toBe("?status=confirmed&review=approved");
  });

  it("keeps the re-anchoring filter in the URL, and drops anything but 1", () => {
    expect(parseClaimQuery(new URLSearchParams("reanchor=1")).reanchor).toBe("1");
    expect(parseClaimQuery(new URLSearchParams("reanchor=yes")).reanchor).toBeUndefined();
    expect(claimQueryToSearch({ reanchor: "1", assignee: "me" })).toBe("?assignee=me&reanchor=1");
  });
});
