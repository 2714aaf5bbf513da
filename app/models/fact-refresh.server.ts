import { Prisma, type Tx } from "../db.server";
import { extractDetails } from "../lib/matching/details";
import { IDS_PER_QUERY, chunks } from "../lib/chunks";
import { clearestClaim, factDifferences } from "../lib/matching/fact-differences";

type MemberRow = { factId: number; claimId: number; text: string; checkworthiness: number; dismissed: boolean | number };

/**
 * Brings facts in line with their members after any change of membership: the details on
 * which the claims differ, the label claim (the clearest, unless an editor's choice is still
 * a member), and no fact left without a claim. Runs in the caller's transaction.
 */
export async function refreshFacts(tx: Tx, projectId: number, factIds: number[]): Promise<void> {
  const ids = [...new Set(factIds)];
  if (ids.length === 0) return;
  // In runs of ids: a big article starts thousands of facts, and Prisma refuses more than 999 parameters on SQLite.
  const members: MemberRow[] = [];
  const facts: Array<{ id: number; labelClaimId: number | null }> = [];
  for (const run of chunks(ids, IDS_PER_QUERY)) {
    members.push(
      ...(await tx.$queryRaw<MemberRow[]>`
        SELECT m."factId", c."id" AS "claimId", c."text", c."checkworthiness", c."dismissed"
        FROM "FactMember" m JOIN "Claim" c ON c."id" = m."claimId"
        WHERE m."projectId" = ${projectId} AND m."factId" IN (${Prisma.join(run)})
        ORDER BY c."documentId", c."start"`),
    );
    facts.push(...(await tx.fact.findMany({ where: { projectId, id: { in: run } }, select: { id: true, labelClaimId: true } })));
  }
  const byFact = new Map<number, typeof members>();
  for (const member of members) {
    const list = byFact.get(Number(member.factId)) ?? [];
    list.push(member);
    byFact.set(Number(member.factId), list);
  }
  const empty: number[] = [];
  for (const fact of facts) {
    const all = byFact.get(fact.id) ?? [];
    if (all.length === 0) {
      empty.push(fact.id);
      continue;
    }
    // Dismissed claims stay in their fact (restoring one brings it back) but have no say in it.
    const shown = all.filter((m) => !m.dismissed).map((m) => ({ ...m, claimId: Number(m.claimId) }));
    const differences = factDifferences(shown.map((m) => ({ claimId: m.claimId, details: extractDetails(m.text) })));
    const labelClaimId = shown.some((m) => m.claimId === fact.labelClaimId)
      ? fact.labelClaimId
      : (clearestClaim(shown)?.claimId ?? Number(all[0]!.claimId));
    await tx.fact.update({
      where: { id: fact.id },
      data: { differences: JSON.stringify(differences), differenceCount: differences.length, labelClaimId },
    });
  }
  for (const run of chunks(empty, IDS_PER_QUERY)) await tx.fact.deleteMany({ where: { projectId, id: { in: run } } });
}
