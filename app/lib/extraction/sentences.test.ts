import { describe, expect, it } from "vitest";
import { growthRatio, linearBound } from "../../../tests/support/growth";
import { extractClaims } from "./extract";
import { NLP_LIMITS, cutOverlongSentence, iterateSentences, piecesForNlp, segmentSentences } from "./sentences";

const limits = { maxRunChars: 10, maxSentenceChars: 60, maxPieceChars: 100 };

describe("what reaches the NLP library", () => {
  it("keeps ordinary paragraphs whole and as written", () => {
    const paragraph = "The ferry carried 31,000 people in May. Fares rose 4%.";
    expect(piecesForNlp(paragraph)).toEqual([{ start: 0, end: paragraph.length, text: paragraph, cutAtEnd: false }]);
  });

  it("breaks runs without spaces, keeping every offset", () => {
    const paragraph = `Code ${"0a".repeat(15)} here.`;
    const [piece] = piecesForNlp(paragraph, limits);
    expect(piece!.text).toHaveLength(paragraph.length);
    expect(piece!.text.split(/\s+/).every((run) => run.length <= limits.maxRunChars)).toBe(true);
    for (let i = 0; i < paragraph.length; i += 1) if (piece!.text[i] !== " ") expect(piece!.text[i]).toBe(paragraph[i]);
  });

  it("reads a long paragraph in pieces, cut after a sentence end where there is one, else marked as cut", () => {
    const sentences = Array.from({ length: 12 }, (_, i) => `Sentence ${i} is here.`).join(" ");
    const pieces = piecesForNlp(sentences, limits);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => p.end - p.start <= limits.maxPieceChars)).toBe(true);
    expect(pieces.slice(0, -1).every((p) => !p.cutAtEnd && /\.$/.test(sentences.slice(p.start, p.end)))).toBe(true);
    expect(pieces.map((p) => sentences.slice(p.start, p.end)).join("")).toBe(sentences);
    const noStops = Array.from({ length: 60 }, (_, i) => `w${i}`).join(" ");
    expect(
      piecesForNlp(noStops, limits)
        .slice(0, -1)
        .every((p) => p.cutAtEnd),
    ).toBe(true);
  });

  it("cuts an over-long sentence into marked pieces at token boundaries, never feeding it whole", () => {
    const text = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    const [whole] = segmentSentences(text);
    expect(whole!.cut).toBeUndefined();
    const parts = cutOverlongSentence(whole!, text, limits);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.cut && p.end - p.start <= limits.maxSentenceChars && p.text === text.slice(p.start, p.end))).toBe(true);
    const read = segmentSentences(text, limits);
    expect(read.length).toBeGreaterThan(1);
    expect(read.every((p) => p.cut && p.end - p.start <= limits.maxSentenceChars)).toBe(true);
    const sentences = [...iterateSentences(`${text}. A short one.`, limits)];
    expect(sentences.at(-1)).toMatchObject({ text: "A short one." });
    expect(sentences.at(-1)!.cut).toBeUndefined();
  });

  it("keeps token offsets exact in broken runs and cut pieces", () => {
    const text = `Paid ${"$7".repeat(40)} and ${"9".repeat(50)} more. Then it ended.`;
    for (const sentence of segmentSentences(text, limits))
      for (const token of sentence.tokens) expect(text.slice(token.start, token.start + token.value.length)).toBe(token.value);
  });

  it("proposes no claim from a passage cut for length, and says why", () => {
    const blob = Array.from({ length: 400 }, (_, i) => `item ${i} costs $${i}`).join(" ");
    const candidates = extractClaims(`${blob}\n\nThe council spent $4 million on the bridge in 2025, the mayor said.`);
    const cut = candidates.filter((c) => c.reasons.some((r) => r.kind === "cut"));
    expect(cut.length).toBeGreaterThan(3);
    expect(cut.every((c) => c.dismissed && c.end - c.start <= NLP_LIMITS.maxSentenceChars)).toBe(true);
    expect(candidates.at(-1)).toMatchObject({ dismissed: false });
  });
});

describe("segmenting grows linearly with the text", () => {
  it.each([
    ["spaces", (n: number) => `The total ${" ".repeat(n)} was 4.`],
    ["digits", (n: number) => `The total was ${"7".repeat(n)}.`],
    ["letters and digits", (n: number) => `Code ${"0a".repeat(n / 2)}.`],
    ["currency signs", (n: number) => `Paid ${"$7".repeat(n / 2)}.`],
    ["words with no full stop", (n: number) => Array.from({ length: n / 6 }, (_, i) => `w${i % 97} 4`).join(" ")],
  ])("on long runs of %s", (_, make) => {
    const small = 4_000;
    const large = 16_000;
    const texts = new Map([small, large].map((n) => [n, make(n)]));
    expect(growthRatio((n) => segmentSentences(texts.get(n)!), small, large)).toBeLessThan(linearBound(small, large));
  });
});
