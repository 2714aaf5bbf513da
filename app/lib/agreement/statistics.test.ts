import { describe, expect, it } from "vitest";
import { cohensKappa, confusionMatrix, describeKappa, fleissKappa, krippendorffAlphaNominal, percentAgreement } from "./statistics";

describe("confusion matrix and percent agreement", () => {
  it("counts each pair in its cell, first rater by row", () => {
    const counts = confusionMatrix(
      [
        { first: "confirmed", second: "confirmed" },
        { first: "confirmed", second: "disputed" },
        { first: "disputed", second: "disputed" },
        { first: "unverified", second: "disputed" },
      ],
      ["confirmed", "disputed", "unverified"],
    );
    expect(counts).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [0, 1, 0],
    ]);
    expect(percentAgreement(counts)).toBe(0.5);
  });

  it("refuses a label outside the categories and has no agreement without items", () => {
    expect(() => confusionMatrix([{ first: "a", second: "x" }], ["a", "b"])).toThrow(RangeError);
    expect(
      percentAgreement([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull();
  });
});

describe("Cohen's kappa", () => {
  // Wikipedia, "Cohen's kappa", worked example: 50 grant proposals read by two readers,
  // yes/yes 20, yes/no 5, no/yes 10, no/no 15: p_o = 0.7, p_e = 0.5, kappa = 0.4.
  it("matches the grant-proposal example", () => {
    const result = cohensKappa([
      [20, 5],
      [10, 15],
    ]);
    expect(result.n).toBe(50);
    expect(result.observed).toBeCloseTo(0.7, 10);
    expect(result.expected).toBeCloseTo(0.5, 10);
    expect(result.kappa).toBeCloseTo(0.4, 10);
  });

  // Wikipedia, "Cohen's kappa", "same percentages but different numbers": both tables have
  // 60% agreement, but the marginals give kappa 0.1304 and 0.2593.
  it("differs for the same observed agreement with other marginals", () => {
    expect(
      cohensKappa([
        [45, 15],
        [25, 15],
      ]).kappa,
    ).toBeCloseTo(0.1304, 4);
    expect(
      cohensKappa([
        [25, 35],
        [5, 35],
      ]).kappa,
    ).toBeCloseTo(0.2593, 4);
  });

  // By hand, three categories: rows (first rater) 80/10/10, columns 80/5/15 of 100;
  // p_o = (75 + 4 + 10) / 100 = 0.89; p_e = 0.8*0.8 + 0.1*0.05 + 0.1*0.15 = 0.66;
  // kappa = (0.89 - 0.66) / (1 - 0.66) = 0.23 / 0.34 = 0.67647...
  it("matches a hand-computed three-category table", () => {
    const result = cohensKappa([
      [75, 1, 4],
      [5, 4, 1],
      [0, 0, 10],
    ]);
    expect(result.observed).toBeCloseTo(0.89, 10);
    expect(result.expected).toBeCloseTo(0.66, 10);
    expect(result.kappa).toBeCloseTo(0.23 / 0.34, 10);
  });

  it("is 1 for perfect agreement, negative below chance, undefined when both raters use one category", () => {
    expect(
      cohensKappa([
        [3, 0],
        [0, 7],
      ]).kappa,
    ).toBeCloseTo(1, 10);
    // Complete disagreement with even marginals: p_o = 0, p_e = 0.5, kappa = -1.
    expect(
      cohensKappa([
        [0, 5],
        [5, 0],
      ]).kappa,
    ).toBeCloseTo(-1, 10);
    expect(
      cohensKappa([
        [9, 0],
        [0, 0],
      ]),
    ).toMatchObject({ kappa: null, observed: 1, expected: 1 });
    expect(
      cohensKappa([
        [0, 0],
        [0, 0],
      ]),
    ).toEqual({ kappa: null, observed: null, expected: null, n: 0 });
  });
});

describe("Fleiss' kappa", () => {
  // Wikipedia, "Fleiss' kappa", worked example: 14 raters put 10 subjects in 5 categories;
  // P-bar = 0.378, P-bar_e = 0.213, kappa = 0.210.
  const ratings = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
  ];

  it("matches the 14-rater worked example", () => {
    const result = fleissKappa(ratings);
    expect(result.raters).toBe(14);
    expect(result.n).toBe(10);
    expect(result.observed).toBeCloseTo(0.378, 3);
    expect(result.expected).toBeCloseTo(0.213, 3);
    expect(result.kappa).toBeCloseTo(0.21, 3);
  });

  it("with two raters per subject equals Scott's pi, computed by hand", () => {
    // 4 subjects: agree on A, agree on A, agree on B, A against B.
    // P-bar = (1 + 1 + 1 + 0) / 4 = 0.75; shares A = 5/8, B = 3/8; P_e = 25/64 + 9/64 = 34/64.
    // kappa = (0.75 - 34/64) / (1 - 34/64) = (14/64) / (30/64) = 7/15.
    const result = fleissKappa([
      [2, 0],
      [2, 0],
      [0, 2],
      [1, 1],
    ]);
    expect(result.kappa).toBeCloseTo(7 / 15, 10);
  });

  it("refuses subjects with different numbers of ratings", () => {
    expect(() =>
      fleissKappa([
        [2, 0],
        [1, 2],
      ]),
    ).toThrow(RangeError);
    expect(fleissKappa([]).kappa).toBeNull();
  });
});

describe("Krippendorff's alpha (nominal)", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", example A: two
  // observers, ten units, binary data, no missing values: alpha = 0.095.
  it("matches the binary two-observer example", () => {
    const a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0];
    const b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0];
    const result = krippendorffAlphaNominal(a.map((value, i) => [value, b[i]!]));
    expect(result.pairable).toBe(20);
    // 1 - (n - 1) * o_01 / (n_0 * n_1) = 1 - 19 * 4 / (14 * 6) = 0.0952...
    expect(result.alpha).toBeCloseTo(1 - 76 / 84, 10);
    expect(result.alpha).toBeCloseTo(0.095, 3);
  });

  // Krippendorff (2011), example C: four observers, twelve units, nominal values with
  // missing data (unit 12 has one value and is not pairable): alpha = 0.743.
  it("matches the four-observer example with missing values", () => {
    const _ = null;
    const observers = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ];
    const units = observers[0]!.map((_value, unit) => observers.map((row) => row[unit]!));
    const result = krippendorffAlphaNominal(units);
    expect(result.pairable).toBe(40);
    expect(result.alpha).toBeCloseTo(0.743, 3);
  });

  it("with two raters and no missing values is close to Cohen's kappa on the same data", () => {
    const pairs = [
      ["c", "c"],
      ["c", "d"],
      ["d", "d"],
      ["u", "u"],
      ["c", "c"],
      ["d", "u"],
    ] as const;
    const alpha = krippendorffAlphaNominal(pairs.map((pair) => [...pair])).alpha!;
    const kappa = cohensKappa(
      confusionMatrix(
        pairs.map(([first, second]) => ({ first, second })),
        ["c", "d", "u"],
      ),
    ).kappa!;
    // Alpha corrects for sample size: alpha = 1 - (1 - pi) * (n - 1) / n relative to Scott's pi; both near kappa here.
    expect(Math.abs(alpha - kappa)).toBeLessThan(0.1);
  });

  it("is undefined with no pairable values or one value throughout", () => {
    expect(krippendorffAlphaNominal([[1], [2, null]]).alpha).toBeNull();
    expect(
      krippendorffAlphaNominal([
        ["a", "a"],
        ["a", "a"],
      ]).alpha,
    ).toBeNull();
  });
});

describe("describeKappa", () => {
  it("uses Landis and Koch's bands", () => {
    expect([null, -0.1, 0.1, 0.3, 0.5, 0.7, 0.9].map(describeKappa)).toEqual([
      "not defined",
      "poor (less than chance)",
      "slight",
      "fair",
      "moderate",
      "substantial",
      "almost perfect",
    ]);
  });
});
