import { describe, expect, it } from "vitest";
import { embeddableJson } from "./embeddable-json";

describe("embeddableJson", () => {
  const hostile = { claim: "</script><script>alert(1)</script>", name: "A & B <!-- x -->", lines: "one\u2028two\u2029three" };

  it("escapes <, >, &, U+2028 and U+2029 and still means the same", () => {
    const json = embeddableJson(hostile, 2);
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain("\\u003c/script\\u003e");
    expect(json).toContain("\\u2028");
    expect(JSON.parse(json)).toEqual(hostile);
  });

  it("cannot end a script element it is embedded in", () => {
    const page = `<script type="application/ld+json">${embeddableJson(hostile)}</script>`;
    expect(page.match(/<\/script/gi)).toHaveLength(1);
  });

  it("leaves other text as JSON.stringify writes it", () => {
    expect(embeddableJson({ a: "Lucía — 5 > 4" })).toBe('{"a":"Lucía — 5 \\u003e 4"}');
    expect(embeddableJson([1, "x"])).toBe(JSON.stringify([1, "x"]));
  });
});
