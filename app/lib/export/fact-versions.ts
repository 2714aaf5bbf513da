import type { DetailKind } from "../matching/details";
import type { FactDifference } from "../matching/fact-differences";
import type { ReportFact, ReportFactVersion } from "./report";

// What the report says about a claim's fact: the other claims stating it, article by article,
// each with the details it states differently from this claim.

/** A claim of a fact as the export reads it. */
export interface FactMemberRow {
  claimId: number;
  documentId: number;
  documentTitle: string;
  outlet: string | null;
  text: string;
  status: ReportFactVersion["status"];
}

export interface FactForReport {
  id: number;
  label: string | null;
  labelClaimId: number | null;
  /** Only the members' values (parseDifferences with the member ids). */
  differences: FactDifference[];
  /** In reading order: article by article, in the article's order. */
  members: FactMemberRow[];
}

/**
 * A fact of a hundred outlets would make each of its claims a page long: past this many, the
 * report says how many more there are (the Facts view lists them all).
 */
export const OTHER_VERSIONS_LIMIT = 12;

const outletOf = (member: Pick<FactMemberRow, "outlet" | "documentId">) => member.outlet ?? `document ${member.documentId}`;

/** The details on which `other` states a value different from `claimId`'s, in the fact's order of kinds. */
export function differingDetails(differences: FactDifference[], claimId: number, otherId: number): ReportFactVersion["differences"] {
  const found: ReportFactVersion["differences"] = [];
  for (const difference of differences) {
    const here = difference.values.find((v) => v.claimId === claimId);
    const there = difference.values.find((v) => v.claimId === otherId);
    if (here && there && here.key !== there.key) found.push({ kind: difference.kind as DetailKind, here: here.value, there: there.value });
  }
  return found;
}

/** The claim's fact as its entry in the report shows it; null when the fact has no other claim. */
export function reportFactOf(fact: FactForReport, claim: { id: number; documentId: number }): ReportFact | null {
  const others = fact.members.filter((m) => m.claimId !== claim.id);
  if (others.length === 0) return null;
  const labelClaim = fact.members.find((m) => m.claimId === fact.labelClaimId) ?? fact.members[0];
  const listed = others.slice(0, OTHER_VERSIONS_LIMIT);
  return {
    id: fact.id,
    label: fact.label ?? labelClaim?.text ?? "",
    outlets: new Set(fact.members.map(outletOf)).size,
    others: listed.map((m) => ({
      claimId: m.claimId,
      documentId: m.documentId,
      documentTitle: m.documentTitle,
      outlet: m.outlet,
      sameArticle: m.documentId === claim.documentId,
      text: m.text,
      status: m.status,
      differences: differingDetails(fact.differences, claim.id, m.claimId),
    })),
    othersLeftOut: others.length - listed.length,
  };
}
