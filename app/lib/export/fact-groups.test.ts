import { describe, expect, it } from "vitest";
import { pdfPages } from "../../../tests/support/pdf-text";
import { groupClaimsByFact } from "./fact-groups";
import { renderReport } from "./render";
import type { ReportClaim, ReportFactVersion, ReportHeader } from "./report";

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

const header: ReportHeader = {
  version: 2,
  project: { slug: "canal", name: "Canal desk", publisherName: null, publisherUrl: null, timeZone: "UTC" },
  generatedAt: "2026-11-23T10:00:00.000Z",
  generatedBy: "Ada Okafor",
  filters: {},
  summary: { total: 4, unverified: 2, confirmed: 1, disputed: 1 },
  period: { from: null, to: null },
  reviewers: [],
  people: [],
  integrity: { chain: "project:1", events: 9, headHash: "c".repeat(64), verify: "claimdesk report verify REPORT.json --project canal" },
};

async function render(format: "html" | "pdf" | "csv", claims: ReportClaim[], groupByFact: boolean) {
  async function* pages() {
    for (let i = 0; i < claims.length; i += 2) yield claims.slice(i, i + 2);
  }
  const parts: Uint8Array[] = [];
  const includes = { comments: false, ...(groupByFact ? { groupByFact: true } : {}) };
  for await (const chunk of renderReport(format, { ...header, includes }, pages()))
    parts.push(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
  return Buffer.concat(parts);
}

function reportClaims() {
  const { north, river, vale } = deadlineFact();
  // In the report's order: disputed first.
  return [vale, north, claim(40, NORTH, { text: "Repairs will take three weeks." }), river];
}

describe("the report grouped by fact", () => {
  it("HTML gives the fact one section listing each outlet's version, and marks the differing one in words", async () => {
    const html = (await render("html", reportClaims(), true)).toString("utf8");
    expect(html.match(/<article class="fact-group"/g)).toHaveLength(2);
    expect(html).toContain('<a href="#facts">Claims by fact</a> <span class="meta">(2 facts)</span>');
    expect(html).toContain("<dt>Includes</dt><dd>Claims grouped by fact, each outlet's version side by side</dd>");
    const fact = html.slice(
      html.indexOf('<article class="fact-group" id="fact-7"'),
      html.indexOf("</article>", html.indexOf('id="fact-7"')),
    );
    expect(fact).toContain("The canal lock closes on Monday afternoon</h3>");
    expect(fact).toContain("Stated by 3 outlets · 1 disputed, 1 confirmed, 1 unverified");
    expect(fact).toContain("<li>the time: 4:30 p.m. (North Ledger, River Gazette); 4 p.m. (Boaters warned)</li>");
    // Each outlet's version once, article by article, with its verdict and rationale.
    const order = ["North Ledger</span>".replace("</span>", ""), "River Gazette", "Boaters warned"].map((who) =>
      fact.indexOf(`<p class="who">${who}`),
    );
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(fact).toContain('<span class="verdict disputed">Disputed</span>');
    expect(fact).toContain("<strong>Rationale:</strong> Notice says 4:30");
    expect(fact.match(/class="differing"/g)).toHaveLength(1);
    expect(fact).toContain('<li id="claim-30" class="differing">');
    expect(fact).toContain("“The lock closes at <mark>4 p.m.</mark> Monday.”");
    expect(fact).toContain('<span class="flag">Differs</span>on the time: 4 p.m. here, 4:30 p.m. in other versions');
    // The claims are not listed by verdict as well.
    expect(html).not.toContain('id="verdict-disputed"');
  });

  it("HTML without the option is the report by verdict, unchanged", async () => {
    const html = (await render("html", reportClaims(), false)).toString("utf8");
    expect(html).not.toContain('<article class="fact-group"');
    expect(html).not.toContain(".fact-versions");
    expect(html).not.toContain("Claims by fact");
    expect(html).toContain('id="verdict-disputed"');
    expect(html.match(/<article class="claim"/g)).toHaveLength(4);
  });

  it("PDF gives the fact its section, each outlet's version and the difference in words", async () => {
    const text = (await pdfPages(await render("pdf", reportClaims(), true))).join(" ");
    for (const line of [
      "Claims by fact (2 facts)",
      "FACT #7",
      "The canal lock closes on Monday afternoon",
      "Stated by 3 outlets · 1 disputed, 1 confirmed, 1 unverified",
      "VERSIONS DIFFER ON",
      "the time: 4:30 p.m. (North Ledger, River Gazette); 4 p.m. (Boaters warned)",
      "North Ledger — Canal lock to close",
      "DIFFERS on the time: 4 p.m. here, 4:30 p.m. in other versions",
      "Rationale: Notice says 4:30",
      "Includes Claims grouped by fact",
    ])
      expect(text).toContain(line);
    expect(text).not.toContain("Disputed claims (1)");
    const plain = (await pdfPages(await render("pdf", reportClaims(), false))).join(" ");
    expect(plain).toContain("Disputed claims (1)");
    expect(plain).not.toContain("VERSIONS DIFFER ON");
  }, 30_000);

  it("CSV keeps one row per claim and gives each its fact_id", async () => {
    const rows = (await render("csv", reportClaims(), true)).toString("utf8").trim().split("\r\n");
    expect(rows[0]!.endsWith(",approved_by,approved_at,fact_id")).toBe(true);
    expect(rows.slice(1).map((row) => [row.split(",")[0], row.split(",").at(-1)])).toEqual([
      ["30", "7"],
      ["10", "7"],
      ["40", ""],
      ["20", "7"],
    ]);
  });
});
