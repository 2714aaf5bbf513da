import { Prisma, type Tx } from "../db.server";
import { type Detail, extractDetails } from "../lib/matching/details";
import { IDS_PER_QUERY, chunks } from "../lib/chunks";
import { clearestClaim, factDifferences } from "../lib/matching/fact-differences";
import type { TimeBudget } from "../lib/matching/time-budget";

type MemberRow = { factId: number; claimId: number; text: string; checkworthiness: number; dismissed: boolean | number };

/** Claims' details by text, kept between refreshes: a fact that grows by a claim per article read its members again each time. */
const knownDetails = new Map<string, Detail[]>();
const KNOWN_DETAILS = 20_000;

/** A claim's details, read once per text: members that state the same words share them, which factDifferences compares once. */
function detailsOf(text: string): Detail[] {
  let details = knownDetails.get(text);
  if (details) return details;
  details = extractDetails(text);
  // The oldest read goes first when the cache is full (a Map keeps insertion order).
  if (knownDetails.size >= KNOWN_DETAILS) knownDetails.delete(knownDetails.keys().next().value!);
  knownDetails.set(text, details);
  return details;
}

/**
 * Brings facts in line with their members after any change of membership: the details on
 * which the claims differ, the label claim (the clearest, unless an editor's choice is still
 * a member), and no fact left without a claim. Runs in the caller's transaction.
 */
export async function refreshFacts(tx: Tx, options: { projectId: number; factIds: number[]; pace?: TimeBudget }): Promise<void> {
  const { projectId, pace } = options;
  const ids = [...new Set(options.factIds)];
  if (ids.length === 0) return;
  // In runs of ids: a big article starts thousands of facts, and Prisma refuses more than 999 parameters on SQLite.
  const members: MemberRow[] = [];
  const facts: Array<{ id: number; labelClaimId: number | null; differences: string }> = [];
  for (const run of chunks(ids, IDS_PER_QUERY)) {
    members.push(
      ...(await tx.$queryRaw<MemberRow[]>`
        SELECT m."factId", c."id" AS "claimId", c."text", c."checkworthiness", c."dismissed"
        FROM "FactMember" m JOIN "Claim" c ON c."id" = m."claimId"
        WHERE m."projectId" = ${projectId} AND m."factId" IN (${Prisma.join(run)})
        ORDER BY c."documentId", c."start"`),
    );
    facts.push(
      ...(await tx.fact.findMany({ where: { projectId, id: { in: run } }, select: { id: true, labelClaimId: true, differences: true } })),
    );
  }
  const byFact = new Map<number, typeof members>();
  for (const member of members) {
    const list = byFact.get(Number(member.factId)) ?? [];
    list.push(member);
    byFact.set(Number(member.factId), list);
  }
  const empty: number[] = [];
  const changed: FactState[] = [];
  for (const fact of facts) {
    await pace?.breathe();
    const all = byFact.get(fact.id) ?? [];
    if (all.length === 0) {
      empty.push(fact.id);
      continue;
    }
    // Dismissed claims stay in their fact (restoring one brings it back) but have no say in it.
    const shown = all.filter((m) => !m.dismissed).map((m) => ({ ...m, claimId: Number(m.claimId) }));
    // One claim differs from none: a big article starts thousands of facts of one claim each.
    const differences = shown.length < 2 ? [] : factDifferences(shown.map((m) => ({ claimId: m.claimId, details: detailsOf(m.text) })));
    const labelClaimId = shown.some((m) => m.claimId === fact.labelClaimId)
      ? fact.labelClaimId
      : (clearestClaim(shown)?.claimId ?? Number(all[0]!.claimId));
    const state = { id: fact.id, differences: JSON.stringify(differences), differenceCount: differences.length, labelClaimId };
    if (state.differences !== fact.differences || state.labelClaimId !== fact.labelClaimId) changed.push(state);
  }
  await storeFactStates(tx, { projectId, states: changed, pace });
  for (const run of chunks(empty, IDS_PER_QUERY)) await tx.fact.deleteMany({ where: { projectId, id: { in: run } } });
}

interface FactState {
  id: number;
  differences: string;
  differenceCount: number;
  labelClaimId: number | null;
}

/** Facts per UPDATE: seven parameters a fact keeps a statement below SQLite's 999. */
const FACT_UPDATE_BATCH = 100;

/**
 * Writes facts' differences and labels, a hundred facts a statement: one update per fact made
 * the refresh of a big article's slice (200 new facts) hold the event loop 150 ms on SQLite.
 */
async function storeFactStates(tx: Tx, options: { projectId: number; states: FactState[]; pace?: TimeBudget }): Promise<void> {
  const now = new Date();
  for (const run of chunks(options.states, FACT_UPDATE_BATCH)) {
    await options.pace?.breathe();
    // Numbers are cast: PostgreSQL types the adapter's parameters as text.
    const cases = (column: (state: FactState) => string | number | null, cast: boolean) =>
      Prisma.join(
        run.map((state) =>
          cast ? Prisma.sql`WHEN ${state.id} THEN CAST(${column(state)} AS INTEGER)` : Prisma.sql`WHEN ${state.id} THEN ${column(state)}`,
        ),
        " ",
      );
    await tx.$executeRaw`
      UPDATE "Fact" SET
        "differences" = CASE "id" ${cases((s) => s.differences, false)} END,
        "differenceCount" = CASE "id" ${cases((s) => s.differenceCount, true)} END,
        "labelClaimId" = CASE "id" ${cases((s) => s.labelClaimId, true)} END,
        "updatedAt" = ${now}
      WHERE "projectId" = ${options.projectId} AND "id" IN (${Prisma.join(run.map((s) => s.id))})`;
  }
}
