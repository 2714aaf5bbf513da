import { describe, expect, it } from "vitest";
import { parseSearchQuery, toFts5 } from "./search-query";

describe("search queries", () => {
  it("reads words, phrases, prefixes, OR and exclusions", () => {
    expect(parseSearchQuery('contract "temporary housing" hous* -bridge')).toEqual({
      all: [
        [{ kind: "words", words: ["contract"] }],
        [{ kind: "words", words: ["temporary", "housing"] }],
        [{ kind: "prefix", word: "hous" }],
      ],
      none: [{ kind: "words", words: ["bridge"] }],
    });
    expect(parseSearchQuery("bridge OR ferry roads")).toEqual({
      all: [
        [
          { kind: "words", words: ["bridge"] },
          { kind: "words", words: ["ferry"] },
        ],
        [{ kind: "words", words: ["roads"] }],
      ],
      none: [],
    });
  });

  it("reads punctuation and the engines' own syntax as plain words", () => {
    expect(parseSearchQuery("covid-19")).toEqual({ all: [[{ kind: "words", words: ["covid", "19"] }]], none: [] });
    expect(parseSearchQuery('NEAR(a b) text: ^x "unclosed')!.all.map((g) => g[0])).toEqual([
      { kind: "words", words: ["near", "a"] },
      { kind: "words", words: ["b"] },
      { kind: "words", words: ["text"] },
      { kind: "words", words: ["x"] },
      { kind: "words", words: ["unclosed"] },
    ]);
    expect(parseSearchQuery("Ünïcode ÉCOLE")!.all).toEqual([
      [{ kind: "words", words: ["ünïcode"] }],
      [{ kind: "words", words: ["école"] }],
    ]);
  });

  it("has nothing to search for in punctuation, a lone OR or empty quotes", () => {
    for (const input of ["", "   ", "!!", "OR", '""', "-", "* *"]) expect(parseSearchQuery(input), input).toBeNull();
    // OR with nothing before it is a word: nothing to join.
    expect(parseSearchQuery("OR ferry")).toEqual({ all: [[{ kind: "words", words: ["ferry"] }]], none: [] });
  });

  it("writes FTS5 expressions that quote every term", () => {
    expect(toFts5(parseSearchQuery('contract "temporary housing" hous* bridge OR ferry -toll')!)).toEqual({
      include: '"contract" AND "temporary housing" AND "hous"* AND ("bridge" OR "ferry")',
      exclude: '"toll"',
    });
    expect(toFts5(parseSearchQuery("-toll -fare")!)).toEqual({ include: null, exclude: '"toll" OR "fare"' });
  });
});
