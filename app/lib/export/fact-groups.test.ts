import { describe, expect, it } from "vitest";
import { groupClaimsByFact } from "./fact-groups";
import type { ReportClaim, ReportFactVersion } from "./report";

// Three invented outlets state one deadline: 4:30 p.m. in two of them, 4 p.m. in the third.

interface Article {
  id: number;
  title: string;
  outlet: string | null;
}
const NORTH: Article = { id: 1, title: "Canal lock to close", outlet: "North Ledger" };
const RIVER: Article = { id: 2, title: "Lock closure set", outlet: "River Gazette" };
const VALE: Article = { id: 3, title: "Boaters warned", outlet: null };

function claim(id: number, article: Article, change: Partial<ReportClaim> = {}): ReportClaim {
  return {
    id,
    text: `Claim ${id}`,
    speaker: null,
    status: "unverified",
    rationale: null,
    decidedBy: null,
    decidedByName: null,
    decidedAt: null,
    decisionEvent: null,
    version: 1,
    checkworthiness: 0.5,
    factId: null,
    document: { id: article.id, title: article.title, url: null, outlet: article.outlet, publishedAt: null },
    sources: [],
    history: [],
    ...change,
  };
}

const version = (c: ReportClaim, differences: ReportFactVersion["differences"] = []): ReportFactVersion => ({
  claimId: c.id,
  documentId: c.document.id,
  documentTitle: c.document.title,
  outlet: c.document.outlet,
  sameArticle: false,
  text: c.text,
  status: c.status,
  differences,
});

/** The claims of fact 7 as the report gives them, each with the others' versions and what they state differently. */
function deadlineFact() {
  const north = claim(10, NORTH, { text: "The lock closes at 4:30 p.m. on Monday.", status: "confirmed", rationale: "Notice" });
  const river = claim(20, RIVER, { text: "The lock will shut at 4:30 pm Monday." });
  const vale = claim(30, VALE, { text: "The lock closes at 4 p.m. Monday.", status: "disputed", rationale: "Notice says 4:30" });
  const time = (here: string, there: string) => [{ kind: "time" as const, here, there }];
  const fact = (others: ReportFactVersion[]) => ({
    id: 7,
    label: "The canal lock closes on Monday afternoon",
    outlets: 3,
    others,
    othersLeftOut: 0,
  });
  north.factId = river.factId = vale.factId = 7;
  north.fact = fact([version(river), version(vale, time("4:30 p.m.", "4 p.m."))]);
  river.fact = fact([version(north), version(vale, time("4:30 pm", "4 p.m."))]);
  vale.fact = fact([version(north, time("4 p.m.", "4:30 p.m.")), version(river, time("4 p.m.", "4:30 pm"))]);
  return { north, river, vale };
}

describe("groupClaimsByFact", () => {
  it("gives a fact one group with each outlet's version, article by article, and marks the odd value out", () => {
    const { north, river, vale } = deadlineFact();
    const [group, ...rest] = groupClaimsByFact([vale, north, river]);
    expect(rest).toEqual([]);
    expect(group).toMatchObject({
      key: "fact-7",
      factId: 7,
      label: "The canal lock closes on Monday afternoon",
      outlets: 3,
      notInReport: 0,
    });
    expect(group!.members.map((m) => [m.claimId, m.article, m.outlet, m.status, m.rationale])).toEqual([
      [10, "Canal lock to close", "North Ledger", "confirmed", "Notice"],
      [20, "Lock closure set", "River Gazette", "unverified", null],
      [30, "Boaters warned", null, "disputed", "Notice says 4:30"],
    ]);
    expect(group!.differences).toEqual([
      {
        kind: "time",
        values: [
          { claimId: 10, value: "4:30 p.m." },
          { claimId: 20, value: "4:30 pm" },
          { claimId: 30, value: "4 p.m." },
        ],
      },
    ]);
    // "4:30 p.m." and "4:30 pm" are one value, the one most versions state: only the third differs.
    expect(group!.members.map((m) => m.differing)).toEqual([[], [], [{ kind: "time", value: "4 p.m.", others: ["4:30 p.m."] }]]);
  });

  it("marks both versions when two disagree with no majority", () => {
    const { north, vale } = deadlineFact();
    north.fact = { ...north.fact!, others: north.fact!.others.filter((o) => o.claimId !== 20) };
    const [group] = groupClaimsByFact([north, vale]);
    expect(group!.members.map((m) => m.differing)).toEqual([
      [{ kind: "time", value: "4:30 p.m.", others: ["4 p.m."] }],
      [{ kind: "time", value: "4 p.m.", others: ["4:30 p.m."] }],
    ]);
    // The River Gazette's claim is in the fact but not in this report.
    expect(group!.notInReport).toBe(1);
    expect(group!.outlets).toBe(2);
  });

  it("keeps groups in the order of their first claim, and gives a claim in no fact a group of its own", () => {
    const { north, river, vale } = deadlineFact();
    const loose = claim(40, NORTH, { text: "Repairs will take three weeks." });
    const alone = claim(50, RIVER, { text: "The canal reopens in May.", factId: 8, fact: null });
    const groups = groupClaimsByFact([loose, vale, alone, north, river]);
    expect(groups.map((g) => [g.key, g.factId, g.label, g.members.map((m) => m.claimId)])).toEqual([
      ["claim-40", null, "Repairs will take three weeks.", [40]],
      ["fact-7", 7, "The canal lock closes on Monday afternoon", [10, 20, 30]],
      ["fact-8", 8, "The canal reopens in May.", [50]],
    ]);
    expect(groups[0]!.differences).toEqual([]);
    expect(groupClaimsByFact([loose, vale, alone, north, river])).toEqual(groups);
    expect(groupClaimsByFact([])).toEqual([]);
  });

  it("groups claims of reports written before facts (no `fact`) by factId alone", () => {
    const a = claim(1, NORTH, { factId: 3 });
    const b = claim(2, RIVER, { factId: 3 });
    delete a.fact;
    delete b.fact;
    const [group] = groupClaimsByFact([b, a]);
    expect(group).toMatchObject({ key: "fact-3", label: "Claim 1", outlets: 2, differences: [], notInReport: 0 });
    expect(group!.members.map((m) => m.claimId)).toEqual([1, 2]);
  });
});
