import { describe, expect, it } from "vitest";
import { CONTEXT_LIMIT, articleContext } from "./claim-context";

const TEXT = ["First paragraph here.", "Lead in. The claim itself. Tail out.", "Third paragraph.", "Fourth."].join("\n\n");
const at = (claim: string) => ({ start: TEXT.indexOf(claim), end: TEXT.indexOf(claim) + claim.length, expected: claim });

describe("articleContext", () => {
  it("gives the paragraph before and after and cuts the claim's own paragraph around it", () => {
    expect(articleContext(TEXT, at("The claim itself."))).toEqual({
      before: "First paragraph here.",
      paragraph: { lead: "Lead in. ", claim: "The claim itself.", tail: " Tail out." },
      after: "Third paragraph.",
    });
  });

  it("has no paragraph before the first or after the last", () => {
    expect(articleContext(TEXT, at("First paragraph here."))).toMatchObject({
      before: null,
      after: "Lead in. The claim itself. Tail out.",
    });
    expect(articleContext(TEXT, at("Fourth."))).toMatchObject({ before: "Third paragraph.", after: null });
  });

  it("is null when the claim is no longer where its offsets say", () => {
    expect(articleContext(TEXT, { ...at("The claim itself."), expected: "Another claim." })).toBeNull();
    expect(articleContext(TEXT, { start: 5, end: TEXT.length + 3, expected: "x" })).toBeNull();
  });

  it("cuts long neighbours on the side away from the claim", () => {
    const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(" ");
    const text = `${long}\n\nThe claim.\n\n${long}`;
    const context = articleContext(text, { start: long.length + 2, end: long.length + 12, expected: "The claim." })!;
    expect(context.before!.startsWith("…")).toBe(true);
    expect(context.before!.endsWith("word199")).toBe(true);
    expect(context.after!.startsWith("word0 ")).toBe(true);
    expect(context.after!.endsWith("…")).toBe(true);
    expect(context.before!.length).toBeLessThanOrEqual(CONTEXT_LIMIT + 1);
    expect(context.after!.length).toBeLessThanOrEqual(CONTEXT_LIMIT + 1);
  });
});
