import { describe, expect, it } from "vitest";
import { type FactForReport, OTHER_VERSIONS_LIMIT, differingDetails, reportFactOf } from "./fact-versions";
import { otherVersionView } from "./words";

const member = (claimId: number, documentId: number, outlet: string | null, text: string) => ({
  claimId,
  documentId,
  documentTitle: `Article ${documentId}`,
  outlet,
  text,
  status: "unverified" as const,
});

const deadline: FactForReport = {
  id: 5,
  label: null,
  labelClaimId: 2,
  differences: [
    {
      kind: "time",
      values: [
        { claimId: 1, value: "5:01 p.m.", key: "0" },
        { claimId: 2, value: "5:01pm", key: "0" },
        { claimId: 3, value: "5 p.m.", key: "1" },
      ],
    },
  ],
  members: [
    member(1, 10, "Northgate Wire", "The authority gave the firm until 5:01 p.m. on Friday."),
    member(2, 11, "Harbour Daily", "The firm has until 5:01pm Friday."),
    member(3, 12, null, "The authority set a deadline of 5 p.m. on Friday."),
  ],
};

describe("a claim's fact in the report", () => {
  it("lists the other claims, naming only the details stated differently (not other wordings of the same value)", () => {
    const fact = reportFactOf(deadline, { id: 1, documentId: 10 })!;
    expect(fact).toMatchObject({ id: 5, label: "The firm has until 5:01pm Friday.", outlets: 3, othersLeftOut: 0 });
    expect(fact.others.map((o) => [o.claimId, o.differences])).toEqual([
      [2, []],
      [3, [{ kind: "time", here: "5:01 p.m.", there: "5 p.m." }]],
    ]);
    expect(otherVersionView(fact.others[1]!)).toEqual({
      who: "Article 12",
      text: "“The authority set a deadline of 5 p.m. on Friday.”",
      verdict: "Unverified",
      differs: "Differs on the time: 5:01 p.m. here, 5 p.m. there",
    });
    expect(otherVersionView(fact.others[0]!).differs).toBeNull();
  });

  it("says when another version is in the same article, and has nothing to say for a fact of one claim", () => {
    const counter: FactForReport = {
      ...deadline,
      members: [member(1, 10, "Courier", "Oduya said $140."), member(2, 10, "Courier", "A memo put it at $95.")],
      differences: [],
    };
    expect(otherVersionView(reportFactOf(counter, { id: 1, documentId: 10 })!.others[0]!).who).toBe("This article");
    expect(reportFactOf({ ...deadline, members: [deadline.members[0]!] }, { id: 1, documentId: 10 })).toBeNull();
  });

  it("lists at most OTHER_VERSIONS_LIMIT others and counts the rest", () => {
    const members = Array.from({ length: OTHER_VERSIONS_LIMIT + 4 }, (_, i) => member(i + 1, i + 1, `Outlet ${i}`, "Same words."));
    const fact = reportFactOf({ ...deadline, members, differences: [] }, { id: 1, documentId: 1 })!;
    expect(fact.others).toHaveLength(OTHER_VERSIONS_LIMIT);
    expect(fact.othersLeftOut).toBe(3);
    expect(fact.outlets).toBe(OTHER_VERSIONS_LIMIT + 4);
  });

  it("names no difference with a claim that does not state the detail", () => {
    expect(differingDetails(deadline.differences, 1, 99)).toEqual([]);
  });
});
