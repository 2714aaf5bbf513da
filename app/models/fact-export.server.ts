import { Prisma, getDb } from "../db.server";
import { isClaimStatus } from "../lib/claim-status";
import type { FactForReport, FactMemberRow } from "../lib/export/fact-versions";
import { extractDetails } from "../lib/matching/details";
import { parseDifferences } from "./fact-list.server";

export interface FactForExport {
  id: number;
  label: string;
  claims: Array<{ id: number; documentId: number; text: string; status: string; details: Array<{ kind: string; value: string }> }>;
  differences: Array<{ kind: string; values: Array<{ claimId: number; value: string }> }>;
}

/**
 * Every fact of the project stated by at least `minOutlets` outlets, with its claims (and the
 * details read in each) and the details they differ on, most outlets first: what
 * `claimdesk facts --json` prints and the JSON report carries.
 */
export async function listFactsForExport(projectId: number, options: { minOutlets?: number } = {}): Promise<FactForExport[]> {
  const minOutlets = options.minOutlets ?? 1;
  const rows = await getDb().$queryRaw<
    Array<{
      factId: number;
      label: string | null;
      labelClaimId: number | null;
      differences: string;
      claimId: number;
      documentId: number;
      text: string;
      status: string;
      outlet: string;
    }>
  >`
    SELECT f."id" AS "factId", f."label", f."labelClaimId", f."differences", c."id" AS "claimId", c."documentId", c."text", c."status",
           COALESCE(d."outlet", 'document ' || CAST(d."id" AS TEXT)) AS "outlet"
    FROM "Fact" f JOIN "FactMember" m ON m."factId" = f."id"
    JOIN "Claim" c ON c."id" = m."claimId" AND c."dismissed" = false
    JOIN "Document" d ON d."id" = c."documentId"
    WHERE f."projectId" = ${projectId}
    ORDER BY f."id", c."documentId", c."start"`;
  const facts = new Map<number, { rows: typeof rows }>();
  for (const row of rows) {
    const id = Number(row.factId);
    const fact = facts.get(id) ?? { rows: [] };
    fact.rows.push(row);
    facts.set(id, fact);
  }
  const found: Array<FactForExport & { outlets: number }> = [];
  for (const [id, { rows: members }] of facts) {
    const outlets = new Set(members.map((m) => m.outlet)).size;
    if (outlets < minOutlets) continue;
    const first = members[0]!;
    const memberIds = new Set(members.map((m) => Number(m.claimId)));
    const labelClaim = members.find((m) => Number(m.claimId) === Number(first.labelClaimId)) ?? first;
    found.push({
      id,
      label: first.label ?? labelClaim.text,
      outlets,
      claims: members.map((m) => ({
        id: Number(m.claimId),
        documentId: Number(m.documentId),
        text: m.text,
        status: m.status,
        details: extractDetails(m.text).map((d) => ({ kind: d.kind, value: d.raw })),
      })),
      differences: parseDifferences(first.differences, memberIds).map((d) => ({
        kind: d.kind,
        values: d.values.map((v) => ({ claimId: v.claimId, value: v.value })),
      })),
    });
  }
  return found.sort((a, b) => b.outlets - a.outlets || a.id - b.id).map(({ outlets: _outlets, ...fact }) => fact);
}

/** Each claim's fact, for exports that carry `factId`. */
export async function factIdsOfClaims(projectId: number, claimIds: number[]): Promise<Map<number, number>> {
  if (claimIds.length === 0) return new Map();
  const rows = await getDb().$queryRaw<Array<{ claimId: number; factId: number }>>`
    SELECT "claimId", "factId" FROM "FactMember" WHERE "projectId" = ${projectId} AND "claimId" IN (${Prisma.join(claimIds)})`;
  return new Map(rows.map((r) => [Number(r.claimId), Number(r.factId)]));
}

/**
 * The facts of a page of the report with all their claims (dismissed candidates left out),
 * article by article, for each claim's "also stated by".
 */
export async function factsForReport(projectId: number, factIds: number[]): Promise<Map<number, FactForReport>> {
  if (factIds.length === 0) return new Map();
  const rows = await getDb().$queryRaw<
    Array<FactMemberRow & { factId: number; label: string | null; labelClaimId: number | null; differences: string }>
  >`
    SELECT m."factId", f."label", f."labelClaimId", f."differences", c."id" AS "claimId", c."documentId", c."text", c."status",
           d."title" AS "documentTitle", d."outlet"
    FROM "FactMember" m JOIN "Fact" f ON f."id" = m."factId"
    JOIN "Claim" c ON c."id" = m."claimId" AND c."dismissed" = false
    JOIN "Document" d ON d."id" = c."documentId"
    WHERE m."projectId" = ${projectId} AND m."factId" IN (${Prisma.join(factIds)})
    ORDER BY m."factId", c."documentId", c."start", c."id"`;
  const facts = new Map<number, FactForReport & { differencesJson: string }>();
  for (const row of rows) {
    const id = Number(row.factId);
    let fact = facts.get(id);
    if (!fact) {
      fact = { id, label: row.label, labelClaimId: row.labelClaimId, differences: [], differencesJson: row.differences, members: [] };
      facts.set(id, fact);
    }
    fact.members.push({
      claimId: Number(row.claimId),
      documentId: Number(row.documentId),
      documentTitle: row.documentTitle,
      outlet: row.outlet,
      text: row.text,
      status: isClaimStatus(row.status) ? row.status : "unverified",
    });
  }
  const result = new Map<number, FactForReport>();
  for (const [id, { differencesJson, ...fact }] of facts)
    result.set(id, { ...fact, differences: parseDifferences(differencesJson, new Set(fact.members.map((m) => m.claimId))) });
  return result;
}
