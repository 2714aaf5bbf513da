import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contrastRatio, relativeLuminance } from "./color-contrast";

const css = fs.readFileSync(path.resolve(import.meta.dirname, "..", "app.css"), "utf8");
const variables = new Map([...css.matchAll(/--([\w-]+):\s*(#[0-9a-f]{3,6})\b/gi)].map((m) => [m[1]!, m[2]!]));
const colour = (value: string) => (value.startsWith("var(") ? variables.get(value.slice(6, -1))! : value);
// Every solid background the stylesheet paints, named or by value.
const backgrounds = [...new Set([...css.matchAll(/background:\s*(#[0-9a-f]{3,6}|var\(--[\w-]+\))\s*;/gi)].map((m) => colour(m[1]!)))];

describe("colour contrast", () => {
  it("matches WCAG's worked values", () => {
    expect(contrastRatio("#000", "#fff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#ffbf47", "#ffffff")).toBeLessThan(1.7);
    expect(() => relativeLuminance("orange")).toThrow();
  });

  it("gives every focus ring at least 3:1 against each background it can sit on", () => {
    const light = backgrounds.filter((b) => relativeLuminance(b) > 0.4);
    const dark = backgrounds.filter((b) => relativeLuminance(b) <= 0.4);
    expect(light.length).toBeGreaterThan(5);
    expect(dark).toContain(variables.get("ink"));
    for (const background of light) expect(contrastRatio(variables.get("focus")!, background), background).toBeGreaterThanOrEqual(3);
    // The only dark surface rings sit on is the header; buttons keep the ring outside them (outline-offset).
    expect(contrastRatio(variables.get("focus-on-dark")!, variables.get("ink")!)).toBeGreaterThanOrEqual(3);
    expect(css).toMatch(/\.site-header :focus-visible\s*\{\s*outline-color: var\(--focus-on-dark\);/);
  });
});
