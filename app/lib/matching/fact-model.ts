// The weights of the same-fact model (fact-grouping.ts): a logistic regression over the
// features named in FACT_FEATURES, fitted on the studied fact sets by
// `npx tsx tests/bench/fit-fact-model.ts --write` (which rewrites this file), never on a blind set.
export const FACT_MODEL = {
  intercept: -4.002,
  weights: {
    wording: 8.72,
    sharedWords: 3.343,
    strongAgreements: 0.414,
    agreements: 2.306,
    names: 0.007,
    differences: 1.15,
    topicalDifferences: 0.389,
    alignedAgreements: 1.274,
    alignedDifferences: 1.886,
    articleSimilarity: -0.298,
    positionApart: -2.683,
    bothFigures: -0.246,
  },
} as const;
