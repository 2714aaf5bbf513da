// The details on which the versions of one fact differ: for each kind (a time, an amount,
// a count, a name or title...), every member's value, so a reviewer sees "5:01 p.m. in two
// outlets, 5 p.m. in a third" at once.
import { type Detail, type DetailKind, compareDetails, sameValue } from "./details";

export interface FactDifference {
  kind: DetailKind;
  /** Each member's value of this kind, as written, for the members that state one; `key` compares across wordings. */
  values: Array<{ claimId: number; value: string; key: string }>;
}

export interface FactVersion {
  claimId: number;
  details: Detail[];
}

/** Members of one fact are about one subject: their details are compared as in sentences at least this alike. */
const SAME_SUBJECT_WORDING = 0.3;

/**
 * A fact's versions are compared in pairs up to this many; beyond it each further version is
 * compared with these only. Two further versions that differ from each other almost always differ
 * from one of these as well, and comparing every pair made a fact of 400 versions (a story run by
 * hundreds of posts) cost 80,000 comparisons each time a claim joined it.
 */
const REFERENCE_VERSIONS = 50;

type Differing = ReturnType<typeof compareDetails>["differences"];
const NONE: Differing = [];
/**
 * What two lists of details differ on, remembered for as long as both lists live: claims' details
 * are read once per text and kept (fact-refresh), so a fact that grows by a claim per article
 * compares only its new claim on each refresh, and copies of one text are compared once.
 */
const compared = new WeakMap<Detail[], WeakMap<Detail[], Differing>>();
function differencesBetween(a: Detail[], b: Detail[]): Differing {
  let withA = compared.get(a);
  if (!withA) compared.set(a, (withA = new WeakMap()));
  let found = withA.get(b);
  if (!found) {
    const comparison = compareDetails(a, b, { wording: SAME_SUBJECT_WORDING });
    const all = [...comparison.differences, ...comparison.nameDifferences];
    withA.set(b, (found = all.length === 0 ? NONE : all));
  }
  return found;
}

/** The kinds on which a fact's versions disagree, with each version's value, in the order kinds are first found. */
export function factDifferences(versions: FactVersion[]): FactDifference[] {
  const valueOf = new Map<DetailKind, Map<number, Detail>>();
  const record = (kind: DetailKind, version: FactVersion, raw: string) => {
    const detail = version.details.find((d) => d.raw === raw);
    if (!detail) return;
    const values = valueOf.get(kind) ?? new Map<number, Detail>();
    if (!values.has(version.claimId)) values.set(version.claimId, detail);
    valueOf.set(kind, values);
  };
  for (let i = 0; i < Math.min(versions.length, REFERENCE_VERSIONS); i += 1) {
    for (let j = i + 1; j < versions.length; j += 1) {
      const a = versions[i]!;
      const b = versions[j]!;
      for (const difference of differencesBetween(a.details, b.details)) {
        record(difference.kind, a, difference.here);
        record(difference.kind, b, difference.there);
      }
    }
  }
  const found: FactDifference[] = [];
  for (const [kind, values] of valueOf) {
    // Versions that state the kind without a difference of their own agree with one that differs: show their value too.
    for (const version of versions) {
      if (values.has(version.claimId)) continue;
      const ofKind = version.details.filter((d) => d.kind === kind);
      const stated = [...values.values()];
      const agreeing =
        ofKind.find((d) => stated.some((s) => sameValue(d, s))) ?? (ofKind.length === 1 && kind !== "name" ? ofKind[0] : undefined);
      if (agreeing) values.set(version.claimId, agreeing);
    }
    // One key per value as the versions agree on it: "5:01 p.m." and "5:01pm" get the same.
    const keys: Detail[] = [];
    const keyOf = (detail: Detail) => {
      const same = keys.findIndex((k) => (kind === "name" ? k.raw.toLowerCase() === detail.raw.toLowerCase() : sameValue(k, detail)));
      if (same !== -1) return String(same);
      keys.push(detail);
      return String(keys.length - 1);
    };
    found.push({
      kind,
      values: versions
        .filter((v) => values.has(v.claimId))
        .map((v) => {
          const detail = values.get(v.claimId)!;
          return { claimId: v.claimId, value: detail.raw, key: keyOf(detail) };
        }),
    });
  }
  return found;
}

/**
 * Whether a version states the same details as the reference version: on every kind the
 * fact's versions differ on, it gives the reference's value or none of its own.
 */
export function agreesWith(differences: FactDifference[], claimId: number, referenceId: number): boolean {
  return differences.every((difference) => {
    const mine = difference.values.find((v) => v.claimId === claimId);
    const reference = difference.values.find((v) => v.claimId === referenceId);
    return !mine || !reference || mine.key === reference.key;
  });
}

/**
 * The clearest claim of a fact, to label it: the one the extractor found most worth
 * checking, then the shortest (a lead sentence with a dateline reads worse than its paraphrase).
 */
export function clearestClaim<C extends { claimId: number; checkworthiness: number; text: string }>(members: C[]): C | undefined {
  return [...members].sort((a, b) => b.checkworthiness - a.checkworthiness || a.text.length - b.text.length || a.claimId - b.claimId)[0];
}
