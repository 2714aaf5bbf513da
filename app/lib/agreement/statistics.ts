// Inter-rater agreement on nominal categories: percent agreement, Cohen's kappa for a pair
// of raters, Fleiss' kappa for many raters and Krippendorff's alpha (nominal, any number
// of raters per unit, missing values allowed). Pure functions; tested against worked
// examples from the literature in statistics.test.ts.

/** counts[i][j]: items the first rater put in category i and the second in category j. */
export type ConfusionCounts = number[][];

/** The k x k table of two raters' labels over `categories` (labels outside them are an error). */
export function confusionMatrix<C extends string>(
  pairs: ReadonlyArray<{ first: C; second: C }>,
  categories: readonly C[],
): ConfusionCounts {
  const index = new Map(categories.map((category, i) => [category, i]));
  const counts = categories.map(() => categories.map(() => 0));
  for (const { first, second } of pairs) {
    const i = index.get(first);
    const j = index.get(second);
    if (i === undefined || j === undefined) throw new RangeError(`unknown category in pair (${first}, ${second})`);
    counts[i]![j]! += 1;
  }
  return counts;
}

function total(counts: ConfusionCounts): number {
  return counts.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
}

function assertSquare(counts: ConfusionCounts) {
  if (counts.some((row) => row.length !== counts.length)) throw new RangeError("a confusion matrix must be square");
}

/** Share of items on which both raters agree; null when there are none. */
export function percentAgreement(counts: ConfusionCounts): number | null {
  assertSquare(counts);
  const n = total(counts);
  if (n === 0) return null;
  return counts.reduce((sum, row, i) => sum + row[i]!, 0) / n;
}

export interface KappaResult {
  /** null when undefined: no items, or chance agreement is already 1 (both raters used one category only). */
  kappa: number | null;
  /** Observed agreement p_o. */
  observed: number | null;
  /** Agreement expected by chance p_e. */
  expected: number | null;
  n: number;
}

/**
 * Cohen's kappa (Cohen 1960): (p_o - p_e) / (1 - p_e), where p_e comes from each rater's
 * own marginal distribution.
 */
export function cohensKappa(counts: ConfusionCounts): KappaResult {
  assertSquare(counts);
  const n = total(counts);
  if (n === 0) return { kappa: null, observed: null, expected: null, n };
  const observed = counts.reduce((sum, row, i) => sum + row[i]!, 0) / n;
  let expected = 0;
  for (let i = 0; i < counts.length; i += 1) {
    const rowShare = counts[i]!.reduce((a, b) => a + b, 0) / n;
    const columnShare = counts.reduce((sum, row) => sum + row[i]!, 0) / n;
    expected += rowShare * columnShare;
  }
  return { kappa: chanceCorrected(observed, expected), observed, expected, n };
}

function chanceCorrected(observed: number, expected: number): number | null {
  // Floating point: a p_e of 0.9999999999 from rounding is still "all in one category".
  if (Math.abs(1 - expected) < 1e-12) return null;
  return (observed - expected) / (1 - expected);
}

export interface FleissResult extends KappaResult {
  /** Ratings per subject (the same for every subject). */
  raters: number;
}

/**
 * Fleiss' kappa (Fleiss 1971) for `ratings[subject][category]` = how many raters put the
 * subject in the category. Every subject must have the same number of ratings (at least
 * two); the raters themselves may differ from subject to subject.
 */
export function fleissKappa(ratings: number[][]): FleissResult {
  const subjects = ratings.length;
  if (subjects === 0) return { kappa: null, observed: null, expected: null, n: 0, raters: 0 };
  const raters = ratings[0]!.reduce((a, b) => a + b, 0);
  if (raters < 2) throw new RangeError("Fleiss' kappa needs at least two ratings per subject");
  if (ratings.some((row) => row.reduce((a, b) => a + b, 0) !== raters || row.length !== ratings[0]!.length))
    throw new RangeError("every subject needs the same number of ratings over the same categories");
  const categories = ratings[0]!.length;
  let observedSum = 0;
  for (const row of ratings) observedSum += (row.reduce((sum, count) => sum + count * count, 0) - raters) / (raters * (raters - 1));
  const observed = observedSum / subjects;
  let expected = 0;
  for (let j = 0; j < categories; j += 1) {
    const share = ratings.reduce((sum, row) => sum + row[j]!, 0) / (subjects * raters);
    expected += share * share;
  }
  return { kappa: chanceCorrected(observed, expected), observed, expected, n: subjects, raters };
}

export interface AlphaResult {
  /** null when undefined: fewer than two pairable values, or every value the same. */
  alpha: number | null;
  /** Values in units with at least two values (the n of Krippendorff's coincidence matrix). */
  pairable: number;
  /** Observed and expected disagreement. */
  observedDisagreement: number | null;
  expectedDisagreement: number | null;
}

/**
 * Krippendorff's alpha for nominal data (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"): `units[u]` holds the values the raters gave unit u, null for a
 * rater who gave none. Units with fewer than two values are not pairable and ignored.
 */
export function krippendorffAlphaNominal(units: ReadonlyArray<ReadonlyArray<string | number | null>>): AlphaResult {
  // The coincidence matrix o[c][k], built from every ordered pair of values within a unit.
  const coincidences = new Map<string, Map<string, number>>();
  const add = (c: string, k: string, weight: number) => {
    let row = coincidences.get(c);
    if (!row) coincidences.set(c, (row = new Map()));
    row.set(k, (row.get(k) ?? 0) + weight);
  };
  for (const unit of units) {
    const values = unit.filter((value): value is string | number => value !== null).map(String);
    const m = values.length;
    if (m < 2) continue;
    for (let a = 0; a < m; a += 1) for (let b = 0; b < m; b += 1) if (a !== b) add(values[a]!, values[b]!, 1 / (m - 1));
  }
  const marginals = new Map<string, number>();
  let n = 0;
  for (const [value, row] of coincidences) {
    const sum = [...row.values()].reduce((a, b) => a + b, 0);
    marginals.set(value, sum);
    n += sum;
  }
  const pairable = Math.round(n);
  if (n < 2) return { alpha: null, pairable, observedDisagreement: null, expectedDisagreement: null };
  let disagreeing = 0;
  for (const [c, row] of coincidences) for (const [k, weight] of row) if (c !== k) disagreeing += weight;
  let expectedPairs = 0;
  for (const [c, nc] of marginals) for (const [k, nk] of marginals) if (c !== k) expectedPairs += nc * nk;
  const observedDisagreement = disagreeing / n;
  const expectedDisagreement = expectedPairs / (n * (n - 1));
  if (expectedDisagreement === 0) return { alpha: null, pairable, observedDisagreement, expectedDisagreement };
  return { alpha: 1 - observedDisagreement / expectedDisagreement, pairable, observedDisagreement, expectedDisagreement };
}

/** Landis and Koch's (1977) words for a kappa, as desks usually quote them. */
export function describeKappa(kappa: number | null): string {
  if (kappa === null) return "not defined";
  if (kappa < 0) return "poor (less than chance)";
  if (kappa <= 0.2) return "slight";
  if (kappa <= 0.4) return "fair";
  if (kappa <= 0.6) return "moderate";
  if (kappa <= 0.8) return "substantial";
  return "almost perfect";
}
