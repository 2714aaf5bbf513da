import { describe, expect, it } from "vitest";
import { extractClaims } from "./extract";
import { extractClaimsInParts, partBounds } from "./extract-in-parts";

const paragraph = (i: number) =>
  `The council of Ashby spent ${i + 2} million euros on roads in 2025, its treasurer said. Bus fares rose by ${i + 3} percent.`;
const text = Array.from({ length: 12 }, (_, i) => paragraph(i)).join("\n\n");

describe("extracting claims from a long text in parts", () => {
  it("cuts at paragraph breaks, never inside a paragraph", () => {
    const bounds = partBounds(text, 300);
    expect(bounds.length).toBeGreaterThan(3);
    expect(bounds[0]![0]).toBe(0);
    expect(bounds.at(-1)![1]).toBe(text.length);
    for (const [start, end] of bounds) {
      expect(text.slice(start, end).startsWith("The council")).toBe(true);
      expect(text.slice(start, end).endsWith("percent.")).toBe(true);
    }
    expect(partBounds("one very long paragraph", 5)).toEqual([[0, 23]]);
  });

  it("finds the same sentences at the same places, with quotes read from the whole text", () => {
    const whole = extractClaims(text);
    const parts = extractClaimsInParts(text, undefined, 300);
    const anchors = (list: typeof whole) => list.map(({ start, end, text: t, prefix, suffix }) => ({ start, end, t, prefix, suffix }));
    expect(anchors(parts)).toEqual(anchors(whole));
    for (const claim of parts) expect(text.slice(claim.start, claim.end)).toBe(claim.text);
  });
});
