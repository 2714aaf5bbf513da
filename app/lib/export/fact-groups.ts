import type { DetailKind } from "../matching/details";
import type { ReportClaim } from "./report";

// The report's claims grouped by fact, for the grouped layout of the HTML and PDF reports:
// one entry per fact, with each outlet's version and the details on which they differ. What
// differs is read from each claim's `fact` (its other versions and their differences), so the
// grouping needs nothing but the report's own claims.

export interface FactGroupDetail {
  kind: DetailKind;
  /** The value as this version states it. */
  value: string;
  /** The values the group's other versions state instead, as written, each once. */
  others: string[];
}

export interface FactGroupMember {
  claim: ReportClaim;
  claimId: number;
  documentId: number;
  /** The article's title. */
  article: string;
  outlet: string | null;
  status: ReportClaim["status"];
  rationale: string | null;
  /**
   * The details on which this version is the odd one out: its value is not the one most of
   * the group's versions state (when no value is, every version stating the detail).
   */
  differing: FactGroupDetail[];
}

export interface FactGroup {
  /** "fact-12", or "claim-34" for a claim in no fact: unique in a report, usable as an anchor. */
  key: string;
  factId: number | null;
  /** The fact's label (an editor's wording or its clearest claim), or the claim's text when it has no fact. */
  label: string;
  /** Outlets among the listed versions (an article without an outlet counts as one). */
  outlets: number;
  /** Article by article (by article id, then claim id). */
  members: FactGroupMember[];
  /** For each detail the listed versions disagree on, every version's value, in the members' order. */
  differences: Array<{ kind: DetailKind; values: Array<{ claimId: number; value: string }> }>;
  /** Claims of the fact that the report does not list (its filters left them out, or the per-claim limit). */
  notInReport: number;
}

/** "5:01 p.m." and "5:01 pm" are one value. */
const valueKey = (value: string) => value.toLowerCase().replace(/[\s.,]/g, "");

const groupKey = (claim: Pick<ReportClaim, "id" | "factId">) => (claim.factId === null ? `claim-${claim.id}` : `fact-${claim.factId}`);

/**
 * Groups a report's claims by fact. Groups come in the order of their first claim in
 * `claims` (the report's reading order: disputed first), so the same claims in the same order
 * always give the same groups; a claim in no fact is a group of its own.
 */
export function groupClaimsByFact(claims: readonly ReportClaim[]): FactGroup[] {
  const byKey = new Map<string, ReportClaim[]>();
  for (const claim of claims) {
    const key = groupKey(claim);
    const list = byKey.get(key);
    if (list) list.push(claim);
    else byKey.set(key, [claim]);
  }
  return [...byKey].map(([key, list]) => groupOf(key, list));
}

function groupOf(key: string, claims: ReportClaim[]): FactGroup {
  const members = [...claims].sort((a, b) => a.document.id - b.document.id || a.id - b.id);
  const listed = new Set(members.map((c) => c.id));
  // Every value each listed version states of a detail on which two listed versions differ.
  const values = new Map<DetailKind, Map<number, string>>();
  // Each claim's fact counts every claim of the fact: itself, the others listed and those left out.
  let inFact = members.length;
  for (const claim of members) {
    if (!claim.fact) continue;
    inFact = Math.max(inFact, 1 + claim.fact.others.length + claim.fact.othersLeftOut);
    for (const other of claim.fact.others) {
      if (!listed.has(other.claimId)) continue;
      for (const difference of other.differences) {
        const ofKind = values.get(difference.kind) ?? new Map<number, string>();
        if (!ofKind.has(claim.id)) ofKind.set(claim.id, difference.here);
        if (!ofKind.has(other.claimId)) ofKind.set(other.claimId, difference.there);
        values.set(difference.kind, ofKind);
      }
    }
  }
  const differingOf = new Map<number, FactGroupDetail[]>();
  const differences: FactGroup["differences"] = [];
  for (const [kind, ofKind] of values) {
    const ordered = members.filter((c) => ofKind.has(c.id)).map((c) => ({ claimId: c.id, value: ofKind.get(c.id)! }));
    differences.push({ kind, values: ordered });
    const counts = new Map<string, number>();
    for (const v of ordered) counts.set(valueKey(v.value), (counts.get(valueKey(v.value)) ?? 0) + 1);
    const sorted = [...counts.values()].sort((a, b) => b - a);
    const majority = sorted.length > 1 && sorted[0]! > sorted[1]! ? [...counts].find(([, n]) => n === sorted[0])![0] : null;
    for (const v of ordered) {
      const own = valueKey(v.value);
      if (own === majority) continue;
      const others: string[] = [];
      const seen = new Set([own]);
      for (const o of ordered) {
        if (seen.has(valueKey(o.value))) continue;
        seen.add(valueKey(o.value));
        others.push(o.value);
      }
      const list = differingOf.get(v.claimId) ?? [];
      list.push({ kind, value: v.value, others });
      differingOf.set(v.claimId, list);
    }
  }
  const withFact = members.find((c) => c.fact);
  return {
    key,
    factId: members[0]!.factId,
    label: withFact?.fact?.label || members[0]!.text,
    outlets: new Set(members.map((c) => c.document.outlet ?? `document ${c.document.id}`)).size,
    members: members.map((claim) => ({
      claim,
      claimId: claim.id,
      documentId: claim.document.id,
      article: claim.document.title,
      outlet: claim.document.outlet,
      status: claim.status,
      rationale: claim.rationale,
      differing: differingOf.get(claim.id) ?? [],
    })),
    differences,
    notInReport: inFact - members.length,
  };
}
