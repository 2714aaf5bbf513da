import { getDb } from "../db.server";
import { CLAIM_STATUSES, type ClaimStatus } from "../lib/claim-status";
import { type FactDifference, type FactStatus, type FactVersionView, factStatus } from "../lib/facts";
import type { DetailKind } from "../lib/matching/details";
import { agreesWith } from "../lib/matching/fact-differences";
import { parseDifferences } from "./fact-list.server";

export interface FactView {
  id: number;
  label: string;
  /** An editor wrote the label (else it is the label claim's text). */
  labelWritten: boolean;
  labelClaimId: number | null;
  versions: FactVersionView[];
  differences: FactDifference[];
  counts: Record<ClaimStatus, number>;
  status: FactStatus;
  outlets: number;
}

const isStatus = (value: string): value is ClaimStatus => (CLAIM_STATUSES as readonly string[]).includes(value);

/** One fact of the project with every outlet's version side by side, or null. */
export async function getFact(projectId: number, factId: number): Promise<FactView | null> {
  const fact = await getDb().fact.findFirst({
    where: { id: factId, projectId },
    include: {
      members: {
        where: { claim: { dismissed: false } },
        include: {
          claim: {
            select: {
              id: true,
              text: true,
              status: true,
              rationale: true,
              version: true,
              sourceCount: true,
              start: true,
              document: { select: { id: true, title: true, outlet: true } },
            },
          },
        },
      },
    },
  });
  if (!fact) return null;
  const members = [...fact.members].sort((a, b) => a.claim.document.id - b.claim.document.id || a.claim.start - b.claim.start);
  const memberIds = new Set(members.map((m) => m.claimId));
  const differences = parseDifferences(fact.differences, memberIds);
  const labelClaim = members.find((m) => m.claimId === fact.labelClaimId) ?? members[0];
  const versions: FactVersionView[] = members.map(({ claim, pinned }) => {
    const values: Partial<Record<DetailKind, string>> = {};
    for (const difference of differences) {
      const value = difference.values.find((v) => v.claimId === claim.id);
      if (value) values[difference.kind] = value.value;
    }
    return {
      claimId: claim.id,
      text: claim.text,
      documentId: claim.document.id,
      documentTitle: claim.document.title,
      outlet: claim.document.outlet,
      status: isStatus(claim.status) ? claim.status : "unverified",
      rationale: claim.rationale,
      version: claim.version,
      pinned,
      sourceCount: claim.sourceCount,
      values,
      sameAsLabel: labelClaim ? agreesWith(differences, claim.id, labelClaim.claimId) : true,
    };
  });
  const counts = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, versions.filter((v) => v.status === s).length])) as Record<
    ClaimStatus,
    number
  >;
  return {
    id: fact.id,
    label: fact.label ?? labelClaim?.claim.text ?? "",
    labelWritten: fact.label !== null,
    labelClaimId: labelClaim?.claimId ?? null,
    versions,
    differences,
    counts,
    status: factStatus(counts),
    outlets: new Set(versions.map((v) => v.outlet ?? `document ${v.documentId}`)).size,
  };
}
