// The details on which the versions of one fact differ: for each kind (a time, an amount,
// a count, a name or title...), every member's value, so a reviewer sees "5:01 p.m. in two
// outlets, 5 p.m. in a third" at once.
import { type Detail, type DetailKind, compareDetails, sameValue } from "./details";

export interface FactDifference {
  kind: DetailKind;
  /** Each member's value of this kind, as written, for the members that state one. */
  values: Array<{ claimId: number; value: string }>;
}

export interface FactVersion {
  claimId: number;
  details: Detail[];
}

/** Members of one fact are about one subject: their details are compared as in sentences at least this alike. */
const SAME_SUBJECT_WORDING = 0.3;

/** The kinds on which a fact's versions disagree, with each version's value, in the order kinds are first found. */
export function factDifferences(versions: FactVersion[]): FactDifference[] {
  const valueOf = new Map<DetailKind, Map<number, string>>();
  const record = (kind: DetailKind, claimId: number, value: string) => {
    const values = valueOf.get(kind) ?? new Map<number, string>();
    if (!values.has(claimId)) values.set(claimId, value);
    valueOf.set(kind, values);
  };
  for (let i = 0; i < versions.length; i += 1) {
    for (let j = i + 1; j < versions.length; j += 1) {
      const a = versions[i]!;
      const b = versions[j]!;
      const comparison = compareDetails(a.details, b.details, { wording: SAME_SUBJECT_WORDING });
      for (const difference of [...comparison.differences, ...comparison.nameDifferences]) {
        record(difference.kind, a.claimId, difference.here);
        record(difference.kind, b.claimId, difference.there);
      }
    }
  }
  const found: FactDifference[] = [];
  for (const [kind, values] of valueOf) {
    // Versions that state the kind without a difference of their own agree with one that differs: show their value too.
    for (const version of versions) {
      if (values.has(version.claimId)) continue;
      const ofKind = version.details.filter((d) => d.kind === kind);
      const stated = versions.flatMap((other) =>
        values.has(other.claimId) ? other.details.filter((d) => d.kind === kind && d.raw === values.get(other.claimId)) : [],
      );
      const agreeing =
        ofKind.find((d) => stated.some((s) => sameValue(d, s))) ?? (ofKind.length === 1 && kind !== "name" ? ofKind[0] : undefined);
      if (agreeing) values.set(version.claimId, agreeing.raw);
    }
    found.push({
      kind,
      values: versions.filter((v) => values.has(v.claimId)).map((v) => ({ claimId: v.claimId, value: values.get(v.claimId)! })),
    });
  }
  return found;
}
