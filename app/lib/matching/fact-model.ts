// The weights of the same-fact model (fact-grouping.ts): a logistic regression over the
// features named in FACT_FEATURES, fitted on the studied fact sets by
// `npx tsx tests/bench/fit-fact-model.ts --write` (which rewrites this file), never on a blind set.
export const FACT_MODEL = {
  intercept: -4.039,
  weights: {
    wording: 8.8,
    sharedWords: 3.305,
    strongAgreements: 0.418,
    agreements: 2.287,
    names: 0.015,
    differences: 1.126,
    topicalDifferences: 0.427,
    alignedAgreements: 1.278,
    alignedDifferences: 1.884,
    articleSimilarity: -0.179,
    positionApart: -2.681,
    bothFigures: -0.247,
  },
} as const;
