import { Prisma, getDb } from "../db.server";
import type { ClaimStatus } from "../lib/claim-status";
import type { DetailKind } from "../lib/matching/details";
import { parseDifferences } from "./fact-list.server";

export interface FactDiscrepancy {
  factId: number;
  label: string;
  /** Per kind of detail, every claim's value with its article and verdict. */
  differences: Array<{
    kind: DetailKind;
    values: Array<{
      claimId: number;
      value: string;
      /** Equal for values that are one quantity stated in different wordings ("5:01 p.m.", "5:01pm"). */
      key: string;
      documentId: number;
      documentTitle: string;
      outlet: string | null;
      status: ClaimStatus;
    }>;
  }>;
  /** The claims disagree inside one article (a figure and its counter-figure). */
  withinOneArticle: boolean;
}

/**
 * The Discrepancies view: one entry per fact whose claims differ on a detail, most
 * differences first, each listing every outlet's value and its claim's verdict.
 */
export async function listFactDiscrepancies(projectId: number, options: { limit?: number } = {}): Promise<FactDiscrepancy[]> {
  const db = getDb();
  const facts = await db.$queryRaw<Array<{ id: number; label: string | null; labelText: string | null; differences: string }>>`
    SELECT f."id", f."label", f."differences", (SELECT lc."text" FROM "Claim" lc WHERE lc."id" = f."labelClaimId") AS "labelText"
    FROM "Fact" f WHERE f."projectId" = ${projectId} AND f."differenceCount" > 0
    ORDER BY f."differenceCount" DESC, f."id" ASC
    LIMIT ${options.limit ?? 100}`;
  if (facts.length === 0) return [];
  const members = await db.$queryRaw<
    Array<{ factId: number; claimId: number; status: string; documentId: number; title: string; outlet: string | null }>
  >`
    SELECT m."factId", c."id" AS "claimId", c."status", d."id" AS "documentId", d."title", d."outlet"
    FROM "FactMember" m JOIN "Claim" c ON c."id" = m."claimId" AND c."dismissed" = false JOIN "Document" d ON d."id" = c."documentId"
    WHERE m."projectId" = ${projectId} AND m."factId" IN (${Prisma.join(facts.map((f) => Number(f.id)))})`;
  const claimOf = new Map(members.map((m) => [Number(m.claimId), m]));
  return facts.flatMap((fact) => {
    const ids = new Set(members.filter((m) => Number(m.factId) === Number(fact.id)).map((m) => Number(m.claimId)));
    const differences = parseDifferences(fact.differences, ids).map((difference) => ({
      kind: difference.kind,
      values: difference.values.map(({ claimId, value, key }) => {
        const claim = claimOf.get(claimId)!;
        return {
          claimId,
          value,
          key,
          documentId: Number(claim.documentId),
          documentTitle: claim.title,
          outlet: claim.outlet,
          status: claim.status as ClaimStatus,
        };
      }),
    }));
    if (differences.length === 0) return [];
    const withinOneArticle = differences.some((d) => {
      const documents = d.values.map((v) => v.documentId);
      return new Set(documents).size < documents.length;
    });
    return [{ factId: Number(fact.id), label: fact.label ?? fact.labelText ?? "", differences, withinOneArticle }];
  });
}
