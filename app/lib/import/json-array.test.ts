import { describe, expect, it } from "vitest";
import { growthRatio, linearBound } from "../../../tests/support/growth";
import { splitJsonArray } from "./json-array";

const pieces = (text: string) => splitJsonArray(text)?.map(([start, end]) => text.slice(start, end)) ?? null;

describe("splitting a JSON array into its elements", () => {
  it("finds each top-level element, nested brackets and brackets inside strings included", () => {
    const elements = [{ a: [1, { b: "]}," }] }, 'x\\"]', 3, null, [[], {}]];
    const text = ` [\n ${elements.map((e) => JSON.stringify(e)).join(" ,\n")} ]\n`;
    expect(pieces(text)?.map((p) => JSON.parse(p) as unknown)).toEqual(elements);
    expect(pieces("[]")).toEqual([]);
  });

  it("refuses what is not one array", () => {
    for (const text of ['{"a":1}', "[1,", '["open]', "[1] 2", "[1,,2]", "[{]", ""]) expect(pieces(text)).toBeNull();
  });

  it("takes time linear in the number of posts", () => {
    const post = JSON.stringify({ title: { rendered: "T" }, content: { rendered: '<p>Body, with [brackets] and "quotes".</p>' } });
    const arrays = new Map([2_000, 8_000].map((n) => [n, `[${Array.from({ length: n }, () => post).join(",")}]`]));
    expect(growthRatio((n) => splitJsonArray(arrays.get(n)!), 2_000, 8_000)).toBeLessThan(linearBound(2_000, 8_000));
    expect(splitJsonArray(arrays.get(8_000)!)).toHaveLength(8_000);
  });
});
