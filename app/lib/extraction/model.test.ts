import { describe, expect, it } from "vitest";
import weightsFile from "../../../models/checkworthiness.json";
import { scoreSentence } from "./checkworthiness";
import { FEATURES, sentenceFeatures, withWording } from "./features";
import { fitLogistic, sigmoid, solveSymmetric } from "./logistic";
import { checkworthinessModel, parseModel, predict } from "./model";
import { describeReason } from "./reasons";
import { segmentSentences } from "./sentences";
import { DEFAULT_CHECKWORTHINESS_THRESHOLD } from "./threshold";
import { assignFolds, calibration, crossValidate, fitTransform, probability, quality } from "./training";

const sentence = (text: string) => segmentSentences(text)[0]!;

describe("logistic regression", () => {
  it("solves a symmetric positive-definite system", () => {
    const x = solveSymmetric(new Float64Array([4, 2, 2, 3]), new Float64Array([2, 1]), 2);
    expect(x[0]).toBeCloseTo(0.5, 10);
    expect(x[1]).toBeCloseTo(0, 10);
  });

  it("learns the sign of a signal, shrinks with the penalty, and gives the same fit every time", () => {
    const rows = [[1], [1], [1], [0], [0], [0], [1], [0]];
    const labels = [1, 1, 0, 0, 0, 1, 1, 0];
    const weak = fitLogistic(rows, labels, { l2: 10 });
    const strong = fitLogistic(rows, labels, { l2: 0.01 });
    expect(strong.weights[0]).toBeGreaterThan(0);
    expect(Math.abs(weak.weights[0]!)).toBeLessThan(Math.abs(strong.weights[0]!));
    expect(fitLogistic(rows, labels, { l2: 10 })).toEqual(weak);
    // Unpenalized, the fitted probabilities match the observed rates (3/4 and 1/4).
    expect(sigmoid(strong.bias + strong.weights[0]!)).toBeCloseTo(0.75, 1);
    expect(sigmoid(strong.bias)).toBeCloseTo(0.25, 1);
  });
});

describe("cross-validation and its measures", () => {
  it("keeps each article in one fold and deals articles round-robin", () => {
    const folds = assignFolds(["wire/b", "wire/a", "local/c", "wire/a"], 2);
    expect(folds.get("local/c")).toBe(0);
    expect(folds.get("wire/a")).toBe(1);
    expect(folds.get("wire/b")).toBe(0);
  });

  it("scores every example by a model that did not see its article", () => {
    const examples = Array.from({ length: 40 }, (_, i) => {
      const values = new Float64Array(FEATURES.length);
      values[0] = i % 2;
      return { values, label: (i % 2) as 0 | 1, group: `g${i % 8}` };
    });
    const scores = crossValidate(examples, { folds: 4, penalty: { l2: 1, wordingFactor: 1 } });
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
    expect(scores[1]!).toBeGreaterThan(scores[0]!);
  });

  it("counts precision, recall and F1, and measures calibration", () => {
    const q = quality([0.9, 0.8, 0.3, 0.1], [true, false, true, false], 0.5);
    expect(q).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    const perfect = calibration([0.05, 0.05, 0.95, 0.95], [false, false, true, true]);
    expect(perfect.ece).toBeCloseTo(0.05, 10);
    expect(perfect.brier).toBeCloseTo(0.0025, 10);
  });

  it("scales every feature but centres only the continuous ones", () => {
    const rows = [new Float64Array(FEATURES.length), new Float64Array(FEATURES.length)];
    rows[1]![0] = 1;
    const { center, scale } = fitTransform(rows);
    expect(center[0]).toBe(0);
    expect(scale[0]).toBeCloseTo(0.5, 10);
  });
});

describe("the shipped model", () => {
  it("was trained on the features the app computes, and refuses weights for other features", () => {
    expect(checkworthinessModel().features).toEqual(FEATURES.map((f) => f.name));
    expect(() => parseModel({ ...weightsFile, features: ["money"] })).toThrow(/trained on other features/);
  });

  it("scores with per-word pulls exactly as training scores with the averaged vector", () => {
    const model = checkworthinessModel();
    for (const text of [
      "The ministry threatened to cancel the contract on Friday.",
      "It was a lovely evening by the lake.",
      "Zzqx vorp.",
    ]) {
      const features = sentenceFeatures(sentence(text));
      const viaVector = probability(model, withWording(features).values);
      expect(predict(model, features).probability).toBeCloseTo(viaVector, 5);
    }
  });

  it("keeps statements without numbers that the old weights dismissed (threats, legal powers, firsts)", () => {
    for (const text of [
      "The ministry has also threatened to label the company a supply chain risk and to invoke the Emergency Supply Act.",
      "The statute hands the governor sweeping power to take over regional utilities during a declared emergency.",
      "Corvane was the first company authorised to work on the navy's classified networks.",
    ]) {
      expect(scoreSentence(sentence(text)).score).toBeGreaterThanOrEqual(DEFAULT_CHECKWORTHINESS_THRESHOLD);
    }
  });

  it("explains a score in words, for and against", () => {
    const { reasons } = scoreSentence(sentence("Did the council know about the plan?"));
    const against = reasons.map(describeReason).filter((r) => r.direction === "against");
    expect(against.map((r) => r.label)).toContain("a question");
    const claim = scoreSentence(sentence("The authority said the firm had been fined 18 million kroner, according to the decision."));
    expect(claim.reasons.length).toBeGreaterThan(0);
    for (const reason of claim.reasons) {
      expect(describeReason(reason).label).not.toMatch(/_/);
      expect(reason.evidence.length).toBeGreaterThan(0);
    }
  });

  it("records the threshold chosen from cross-validation, which the app uses by default", () => {
    expect(DEFAULT_CHECKWORTHINESS_THRESHOLD).toBe(checkworthinessModel().threshold);
  });
});
