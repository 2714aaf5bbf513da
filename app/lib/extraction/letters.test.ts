import { describe, expect, it } from "vitest";
import { startsUppercase } from "./letters";

describe("startsUppercase", () => {
  it("answers as /^\\p{Lu}/u does for every code point of the Basic Multilingual Plane, alone and opening a word", () => {
    const disagreements: string[] = [];
    for (let code = 0; code <= 0xffff; code += 1) {
      const char = String.fromCharCode(code);
      for (const text of [char, `${char}ab`]) if (startsUppercase(text) !== /^\p{Lu}/u.test(text)) disagreements.push(code.toString(16));
    }
    expect(disagreements).toEqual([]);
  });

  it("reads a letter beyond it from its surrogate pair, and nothing from an empty string", () => {
    expect(startsUppercase("𝐀lpha")).toBe(true); // U+1D400 MATHEMATICAL BOLD CAPITAL A
    expect(startsUppercase("𝐚lpha")).toBe(false);
    expect(startsUppercase("")).toBe(false);
    expect(startsUppercase("Émile")).toBe(true);
    expect(startsUppercase("émile")).toBe(false);
  });
});
