import { describe, expect, it } from "vitest";
import { extractDetails } from "./details";
import { agreesWith, clearestClaim, factDifferences } from "./fact-differences";
import { type ClaimUnit, type GroupedClaim, type Placement, groupClaims, isCounterClaim } from "./fact-grouping";
import { buildSentenceIndex } from "./sentence-index";

// Three invented reports of one event, in the words of three outlets.
const ARTICLES: Record<number, string[]> = {
  1: [
    "BRENNMOOR, March 3 (Northgate Wire) - The city of Brennmoor has ordered the closure of the Alder Street bridge after inspectors found cracks in two of its steel girders.",
    "The bridge carries about 18,000 vehicles a day, according to the city's transport office.",
    "Repairs are expected to cost €4.2 million, city engineer Mara Quist said.",
    "The union of local hauliers said its members would lose 300 hours of driving time a week.",
    "The city put the figure at 120 hours.",
    "A ferry service will run from Monday.",
  ],
  2: [
    "Inspectors have shut the Alder Street bridge in Brennmoor after finding cracked steel girders, the city said on Tuesday.",
    "City engineer Mara Quist put the cost of repairs at €4.5 million.",
    "Around 18,000 cars and lorries cross the bridge every day.",
    "Residents on the east bank said the closure would cut them off from the hospital.",
  ],
  3: [
    "Brennmoor's Alder Street bridge is closed until further notice, after cracks were found in its steel girders.",
    "Fixing the bridge will cost €4.2 million, says city engineer Mara Quist.",
    "A temporary ferry service starts on Monday, the city said.",
    "The bridge normally takes roughly 18,000 vehicles every day.",
  ],
};

const documents = Object.entries(ARTICLES).map(([id, sentences]) => ({
  id: Number(id),
  title: `article ${id}`,
  text: sentences.join(" "),
}));
const unitsOf = (documentId: number): ClaimUnit[] => {
  let start = 0;
  return ARTICLES[documentId]!.map((text, i) => {
    const unit = { claimId: documentId * 100 + i, documentId, start, text };
    start += text.length + 1;
    return unit;
  });
};

/** Imports the articles one by one and groups each as it arrives, as the app does. */
function groupInOrder(order: number[]) {
  const index = buildSentenceIndex([]);
  const grouped: GroupedClaim[] = [];
  let nextFact = 1;
  for (const documentId of order) {
    index.add(documents.filter((d) => d.id === documentId));
    const claims = unitsOf(documentId);
    const placements: Placement[] = groupClaims({
      corpus: index.corpus,
      claims,
      groupedIn: (ids) => grouped.filter((c) => ids.includes(c.documentId)),
    });
    const fresh = new Map<number, number>();
    for (const placement of placements) {
      const factId =
        "factId" in placement
          ? placement.factId
          : (fresh.get(placement.newFact) ?? fresh.set(placement.newFact, nextFact++).get(placement.newFact)!);
      grouped.push({ ...claims.find((c) => c.claimId === placement.claimId)!, factId, pinned: false });
    }
  }
  const factOf = (claimId: number) => grouped.find((c) => c.claimId === claimId)!.factId;
  return { grouped, factOf };
}

describe("fact grouping", () => {
  it("puts one fact told by three outlets in one fact, and keeps other facts apart", () => {
    const { factOf } = groupInOrder([1, 2, 3]);
    // The repair cost, in three articles.
    expect(factOf(201)).toBe(factOf(102));
    expect(factOf(301)).toBe(factOf(102));
    // The traffic on the bridge.
    expect(factOf(202)).toBe(factOf(101));
    expect(factOf(303)).toBe(factOf(101));
    // The cost is not the traffic, and the ferry is neither.
    expect(factOf(102)).not.toBe(factOf(101));
    expect(factOf(302)).not.toBe(factOf(102));
    expect(factOf(302)).not.toBe(factOf(101));
  });

  it("gives every claim a fact, one claim of an article per fact, and does not depend on who came first for that", () => {
    for (const order of [
      [1, 2, 3],
      [3, 2, 1],
    ]) {
      const { grouped } = groupInOrder(order);
      expect(grouped).toHaveLength(14);
      const perFactAndArticle = new Map<string, number>();
      for (const c of grouped)
        perFactAndArticle.set(`${c.factId}:${c.documentId}`, (perFactAndArticle.get(`${c.factId}:${c.documentId}`) ?? 0) + 1);
      // Only the hauliers' figure and the city's reply (article 1) share a fact inside one article.
      expect([...perFactAndArticle.values()].filter((n) => n > 1)).toEqual([2]);
    }
  });

  it("puts a counter-claim in the fact of the figure it disputes", () => {
    const { factOf } = groupInOrder([1, 2, 3]);
    expect(factOf(104)).toBe(factOf(103));
  });

  it("tells a counter-claim from two facts set side by side", () => {
    const read = (text: string, sentence: number) => ({ details: extractDetails(text), sentence, unit: { text } });
    const union = read("The union said 4,000 workers walked out.", 0);
    expect(isCounterClaim(union, read("Management put the number at 2,600.", 1))).toBe(true);
    expect(isCounterClaim(union, read("That compares with 2,600 a year earlier.", 1))).toBe(false);
    expect(isCounterClaim(union, read("Management put the number at 2,600.", 5))).toBe(false);
    expect(isCounterClaim(union, read("Talks resume on Monday.", 1))).toBe(false);
  });
});

describe("differences inside a fact", () => {
  it("lists every version's value of the kind they disagree on", () => {
    const versions = [
      { claimId: 1, details: extractDetails("The deadline is 5:01 p.m. on Friday.") },
      { claimId: 2, details: extractDetails("They have until 5:01pm Friday.") },
      { claimId: 3, details: extractDetails("The deadline was set for 5 p.m. Friday.") },
    ];
    expect(factDifferences(versions)).toEqual([
      {
        kind: "time",
        values: [
          { claimId: 1, value: "5:01 p.m.", key: "0" },
          { claimId: 2, value: "5:01pm", key: "0" },
          { claimId: 3, value: "5 p.m.", key: "1" },
        ],
      },
    ]);
  });

  it("finds the same differences when copies of one text share their details as when each has its own", () => {
    const texts = [
      "Officials put the bill at €2.50 on Monday and €5.00 by May.",
      "The bill is €2.50, officials said.",
      "The bill is €3, the union said on Tuesday.",
      "Officials put the bill at €2.50 on Monday and €5.00 by May.",
      "The bill is €3, the union said on Tuesday.",
      "Mayor Ines Varga said the bill is €4.",
      "The bill is €2.50, officials said.",
    ];
    const shared = new Map(texts.map((text) => [text, extractDetails(text)]));
    const own = texts.map((text, i) => ({ claimId: i + 1, details: extractDetails(text) }));
    const sharing = texts.map((text, i) => ({ claimId: i + 1, details: shared.get(text)! }));
    expect(factDifferences(own).length).toBeGreaterThan(0);
    expect(factDifferences(sharing)).toEqual(factDifferences(own));
  });

  it("shows every version's value in a fact of hundreds of versions, the differing ones past the first fifty too", () => {
    const agreeing = extractDetails("The deadline is 5:01 p.m. on Friday.");
    const differing = extractDetails("The deadline was set for 5 p.m. Friday.");
    const versions = Array.from({ length: 300 }, (_, i) => ({ claimId: i + 1, details: i < 200 || i % 2 === 0 ? agreeing : differing }));
    const [time] = factDifferences(versions);
    expect(time?.values).toHaveLength(300);
    expect(time?.values.filter((v) => v.value === "5 p.m.").map((v) => v.claimId)).toEqual(
      versions.filter((v) => v.details === differing).map((v) => v.claimId),
    );
  });

  it("says which versions agree with a reference version", () => {
    const differences = factDifferences([
      { claimId: 1, details: extractDetails("The deadline is 5:01 p.m. on Friday.") },
      { claimId: 2, details: extractDetails("They have until 5:01pm Friday.") },
      { claimId: 3, details: extractDetails("The deadline was set for 5 p.m. Friday.") },
      { claimId: 4, details: extractDetails("The company has until Friday.") },
    ]);
    expect([1, 2, 3, 4].map((id) => agreesWith(differences, id, 1))).toEqual([true, true, false, true]);
    expect(agreesWith(differences, 1, 3)).toBe(false);
  });

  it("labels a fact with its most check-worthy claim, the shorter of two alike", () => {
    expect(
      clearestClaim([
        { claimId: 1, checkworthiness: 0.6, text: "A long lead sentence with a dateline." },
        { claimId: 2, checkworthiness: 0.8, text: "The deadline is 5 p.m." },
        { claimId: 3, checkworthiness: 0.8, text: "The deadline is 5 p.m. Friday." },
      ])?.claimId,
    ).toBe(2);
  });

  it("lists nothing when the versions agree", () => {
    expect(
      factDifferences([
        { claimId: 1, details: extractDetails("Repairs will cost €4.2 million.") },
        { claimId: 2, details: extractDetails("Fixing it costs 4.2 million euros.") },
      ]),
    ).toEqual([]);
  });
});
