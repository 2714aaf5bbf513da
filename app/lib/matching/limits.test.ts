import { describe, expect, it } from "vitest";
import { growthRatio, linearBound } from "../../../tests/support/growth";
import { segmentSentences } from "../extraction/sentences";
import { MATCH_LIMITS, extractDetails } from "./details";
import { PassageReader } from "./passage-reader";
import { buildSentenceIndex } from "./sentence-index";
import { TimeBudget } from "./time-budget";

/** A budget that runs out after `steps` checks, so tests do not depend on the clock. */
function stepBudget(steps: number): TimeBudget {
  let left = steps;
  const budget = new TimeBudget(1_000_000);
  Object.defineProperty(budget, "exhausted", { get: () => left-- <= 0 });
  return budget;
}

const numberDense = (n: number) =>
  Array.from({ length: n / 24 }, (_, i) => `${i} flights cost $${i}m, ${i % 90}% up`)
    .join(" ")
    .slice(0, n);

describe("details of a long text", () => {
  it("are found in time linear in the text (tokens indexed by position, no scan per detail)", () => {
    const unbounded = { ...MATCH_LIMITS, maxTextChars: Infinity };
    const texts = new Map([2_000, 16_000].map((n) => [n, numberDense(n)]));
    expect(growthRatio((n) => extractDetails(texts.get(n)!, unbounded), 2_000, 16_000)).toBeLessThan(linearBound(2_000, 16_000));
  });

  it("are read from a bounded start of the text only", () => {
    const long = numberDense(400_000);
    const details = extractDetails(long);
    expect(details.length).toBeGreaterThan(10);
    expect(details.every((d) => d.end <= MATCH_LIMITS.maxTextChars)).toBe(true);
    expect(details).toEqual(extractDetails(long.slice(0, MATCH_LIMITS.maxTextChars)));
  });

  it("keep their context words and kinds", () => {
    const [count, share] = extractDetails("The airline cancelled 420 flights, demanding 9 percent while offering 6 on Friday.").filter(
      (d) => d.kind === "number" || d.kind === "percentage",
    );
    expect(count).toMatchObject({ kind: "number", value: "420", unit: "flight" });
    expect(count!.context).toContain("cancel");
    expect(share).toMatchObject({ kind: "percentage", value: "9" });
  });
});

describe("a matching request's budget", () => {
  it("runs out by the clock and lets the event loop run in between", async () => {
    let now = 0;
    const budget = new TimeBudget(100, () => now, 10);
    expect(budget.exhausted).toBe(false);
    let turns = 0;
    const ticker = setImmediate(() => (turns += 1));
    now = 5;
    await budget.breathe();
    expect(turns).toBe(0);
    now = 15;
    await budget.breathe();
    expect(turns).toBe(1);
    clearImmediate(ticker);
    now = 100;
    expect(budget.exhausted).toBe(true);
  });

  it("gives a step of a request part of what is left, on the same clock", () => {
    let now = 0;
    const budget = new TimeBudget(100, () => now);
    now = 60;
    const reading = budget.part(50);
    expect(reading.ms).toBe(40);
    expect(budget.part(10).ms).toBe(10);
    now = 100;
    expect(reading.exhausted).toBe(true);
    expect(budget.part(50).ms).toBe(0);
  });

  it("reads the details of every passage ahead of a search, over several slices", () => {
    const index = buildSentenceIndex(
      [1, 2].map((id) => ({ id, title: `Article ${id}`, text: `The ferry left at ${id} p.m. on Friday. It carried ${id * 40} cars.` })),
    );
    expect(index.readDetails(stepBudget(0))).toBe(false);
    expect(index.readDetails(stepBudget(2))).toBe(false);
    expect(index.readDetails(stepBudget(2))).toBe(true);
    expect(index.readDetails(stepBudget(0))).toBe(true);
  });

  it("reads long articles over several requests, resuming where the last stopped", async () => {
    const documents = [1, 2, 3].map((id) => ({
      id,
      title: `Article ${id}`,
      text: Array.from({ length: 30 }, (_, i) => `Article ${id} says ${i} boats sailed.`).join("\n\n"),
    }));
    const reader = new PassageReader();
    const first = await reader.read(documents, stepBudget(40));
    expect(first.unread).toBeGreaterThan(0);
    expect(first.ready.length).toBeLessThan(3);
    let last = first;
    for (let round = 0; round < 10 && last.unread > 0; round += 1) last = await reader.read(documents, stepBudget(40));
    expect(last.unread).toBe(0);
    for (const document of last.ready)
      expect(document.sentenceSpans).toEqual(segmentSentences(document.text).map(({ start, end }) => ({ start, end })));
  });

  it("answers a search with what it has found when the budget runs out", async () => {
    const documents = [1, 2, 3].map((id) => ({
      id,
      title: `Article ${id}`,
      text: `The ferry company cancelled ${400 + id} sailings on Friday. Fares rose ${id} percent, the operator said.`,
    }));
    const index = buildSentenceIndex(documents);
    const claim = "The ferry company cancelled 401 sailings on Friday.";
    const exclude = (p: { documentId: number }) => p.documentId === 1;
    const whole = await index.searchWithin(claim, exclude, { limit: 5, fromDocumentId: 1, budget: new TimeBudget(60_000) });
    expect(whole.complete).toBe(true);
    expect(whole.passages.map((p) => p.text)).toEqual(index.search(claim, exclude, 5, 1).map((p) => p.text));
    const cut = await index.searchWithin(claim, exclude, { limit: 5, fromDocumentId: 1, budget: stepBudget(0) });
    expect(cut.complete).toBe(false);
    expect(cut.passages.length).toBeLessThan(whole.passages.length);
  });
});
