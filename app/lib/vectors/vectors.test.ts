import { describe, expect, it } from "vitest";
import { VectorFormatError, decodeVectors, encodeVectors, quantize } from "./format";
import { wordVectors } from "./load";
import { WordVectors, cosine } from "./word-vectors";

const tiny = () =>
  quantize(
    ["cat", "kitten", "tax"],
    [
      [1, 0.5, 0],
      [0.9, 0.6, 0.1],
      [-0.2, 0, 2],
    ],
    3,
  );

describe("compact word-vector file", () => {
  it("round-trips words and quantized components", () => {
    const decoded = decodeVectors(encodeVectors(tiny()));
    expect(decoded.words).toEqual(["cat", "kitten", "tax"]);
    expect(decoded.dimensions).toBe(3);
    const vectors = new WordVectors(decoded);
    const cat = vectors.wordVector("Cat")!;
    expect(cat[0]).toBeCloseTo(1, 2);
    expect(cat[1]).toBeCloseTo(0.5, 2);
    expect(vectors.wordVector("dog")).toBeNull();
  });

  it("rejects a file that is not one, or is cut short", () => {
    expect(() => decodeVectors(Buffer.from("not vectors at all"))).toThrow(VectorFormatError);
    const file = encodeVectors(tiny());
    expect(() => decodeVectors(file.subarray(0, file.length - 1))).toThrow(/truncated/);
  });
});

describe("word and sentence vectors", () => {
  it("averages the unit vectors of known words and skips unknown ones", () => {
    const vectors = new WordVectors(tiny());
    const both = vectors.sentenceVector(["cat", "unknownword", "kitten"])!;
    expect(both.known).toBe(2);
    expect(vectors.sentenceVector(["nothing", "known"])).toBeNull();
    expect(cosine(both.vector, vectors.wordVector("cat")!)).toBeGreaterThan(0.95);
    expect(cosine(both.vector, vectors.wordVector("tax")!)).toBeLessThan(0.2);
  });

  it("cosine is 1 for the same direction, 0 for a zero vector, and refuses different lengths", () => {
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1, 10);
    expect(cosine([0, 0], [1, 1])).toBe(0);
    expect(() => cosine([1], [1, 2])).toThrow(RangeError);
  });

  it("the shipped vectors keep related words closer than unrelated ones", () => {
    const vectors = wordVectors();
    expect(vectors.size).toBe(50_000);
    expect(vectors.dimensions).toBe(100);
    expect(vectors.similarity("threatened", "warned")!).toBeGreaterThan(vectors.similarity("threatened", "banana")! + 0.3);
    const deal = vectors.sentenceVector(["ministry", "threatened", "cancel", "contract"])!.vector;
    const warning = vectors.sentenceVector(["officials", "warned", "terminate", "deal"])!.vector;
    const park = vectors.sentenceVector(["sunny", "afternoon", "park"])!.vector;
    expect(cosine(deal, warning)).toBeGreaterThan(cosine(deal, park));
  });
});
