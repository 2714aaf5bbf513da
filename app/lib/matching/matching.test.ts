import { describe, expect, it } from "vitest";
import { classifyRelation, compareDetails, extractDetails } from "./details";
import { buildSentenceIndex, terms } from "./sentence-index";

const compare = (a: string, b: string, score = 1) => {
  const comparison = compareDetails(extractDetails(a), extractDetails(b));
  return { ...comparison, relation: classifyRelation(comparison, score) };
};

describe("details", () => {
  it("normalizes amounts, percentages and clock times", () => {
    const values = (text: string) => extractDetails(text).map((d) => `${d.kind}:${d.value}`);
    expect(values("It cost $4.2 million.")).toContain("money:4200000");
    expect(values("Prices rose 12 percent.")).toContain("percentage:12");
    expect(values("The deadline is 5 p.m.")).toContain("time:1020");
    expect(values("The deadline is 5:01 p.m.")).toContain("time:1021");
  });

  it.each([
    ["The deadline is Friday at 5 p.m., officials said.", "Officials set a deadline of 5:01 p.m. on Friday.", "time", "5 p.m.", "5:01 p.m."],
    ["The council approved a $48 million contract on Tuesday.", "Councillors approved a contract worth up to $50 million on Tuesday.", "money", "$48 million", "$50 million"],
    ["Turnout rose 12 percent in Westbury, the council said.", "In Westbury turnout rose 15 percent, according to the council.", "percentage", "12 percent", "15 percent"],
  ])("flags the differing detail: %s", (a, b, kind, here, there) => {
    const result = compare(a, b);
    expect(result.relation).toBe("contradicts");
    expect(result.differences).toContainEqual({ kind, here, there });
  });

  it("sees the same fact in other words as corroboration", () => {
    expect(compare("The company was awarded a $200 million contract.", "It got contracts worth up to $200 million.").relation).toBe("corroborates");
    expect(compare("The council voted 7 to 2.", "The decision passed by seven votes to two.").relation).toBe("corroborates");
  });

  it("does not call different granularity or unrelated sentences contradictions", () => {
    expect(compare("Work starts on May 4.", "Work starts on Tuesday.").relation).not.toBe("contradicts");
    expect(compare("The bridge carries 31,000 vehicles a day.", "About 60 patients a day will go elsewhere.", 0.2).relation).toBe("related");
    expect(compare("The council approved $48 million on Tuesday.", "Councillors backed $50 million on Tuesday.", 0.05).relation).toBe("related");
  });
});

describe("sentence index", () => {
  const documents = [
    { id: 1, title: "A", text: "Castell Engineering was awarded a $200 million contract by the city. The mayor welcomed it." },
    { id: 2, title: "B", text: "Critics say the firm got contracts worth up to $200 million without a fair tender.\\n\\nThe weather was fine." },
    { id: 3, title: "C", text: "The clinic saw 14,500 patients last year." },
  ];

  it("normalizes numbers and stems words into search terms", () => {
    expect(terms("Contracts worth $200,000 were awarded")).toEqual(["contract", "worth", "200000", "award"]);
  });

  it("finds a paraphrase in another article and can exclude the claim's own", () => {
    const index = buildSentenceIndex(documents);
    const results = index.search("was awarded a $200 million contract", (p) => p.documentId === 1, 3);
    expect(results[0]).toMatchObject({ documentId: 2, text: "Critics say the firm got contracts worth up to $200 million without a fair tender." });
    expect(results.every((r) => r.documentId !== 1)).toBe(true);
    expect(documents[1]!.text.slice(results[0]!.start, results[0]!.end)).toBe(results[0]!.text);
  });
});
