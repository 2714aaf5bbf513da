import { createHash } from "node:crypto";
import { Prisma, getDb } from "../db.server";
import { APPROVAL_ACTION } from "../lib/review/audit-actions";
import { appendAuditEvents } from "./audit.server";
import type { Actor } from "./user.server";

const PLACES = ["Port Alder", "Westbury", "Lakeshore", "Fernvale", "Carran Hills", "Dunmore", "Eastgate", "Gull Island"];
const PEOPLE = [
  "Mayor Ines Varga",
  "Councillor Tomas Reyes",
  "Director Amara Osei",
  "Chair Daniel Kowalski",
  "Minister Kofi Mensah",
  "Chief Omar Haddad",
];
const TEMPLATES = [
  (n: number, p: string, s: string) => `${s} said ${p} spent $${n}.${n % 10} million on roads last year.`,
  (n: number, p: string, s: string) => `${p} recorded ${n * 13} new cases in March, according to ${s}.`,
  (n: number, p: string) => `Turnout in ${p} rose by ${n % 40} percent compared with the previous election.`,
  (n: number, p: string, s: string) => `${s} told reporters that ${n} families in ${p} had been moved to temporary housing.`,
  (n: number, p: string) => `The ${p} bridge carries ${n * 100} vehicles a day, the most in the region.`,
];
const STATUSES = ["unverified", "unverified", "unverified", "confirmed", "disputed"];

/**
 * Synthetic documents and claims for benchmarks (`claimdesk demo seed-large`):
 * invented sentences, 100 claims per document, written in large batches. With `history`, each
 * claim with a verdict also has its decision in the trail, a review round, and one in four of
 * them an approval, so the progress dashboard reads a project that has been worked on.
 */
export async function seedLargeDemo(options: { projectId: number; count: number; actor: Actor; history?: boolean }) {
  const { projectId, count, actor } = options;
  const db = getDb();
  const perDocument = 100;
  let created = 0;
  for (let docIndex = 0; created < count; docIndex += 1) {
    const n = Math.min(perDocument, count - created);
    const sentences = Array.from({ length: n }, (_, i) => {
      const k = created + i;
      return TEMPLATES[k % TEMPLATES.length]!(7 + (k % 997), PLACES[k % PLACES.length]!, PEOPLE[k % PEOPLE.length]!);
    });
    const text = sentences.join(" ");
    const document = await db.document.create({
      data: {
        projectId,
        title: `Synthetic article ${docIndex + 1}`,
        format: "text",
        text,
        textHash: createHash("sha256").update(`${projectId}:${docIndex}:${created}:${text}`).digest("hex"),
        importedById: actor.id,
        outlet: "Synthetic Wire",
      },
    });
    let offset = 0;
    const rows = sentences.map((sentence, i) => {
      const start = offset;
      offset += sentence.length + 1;
      const k = created + i;
      return {
        projectId,
        documentId: document.id,
        text: sentence,
        start,
        end: start + sentence.length,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(start + sentence.length, start + sentence.length + 32),
        checkworthiness: 0.4 + ((k * 7919) % 600) / 1000,
        reasons: JSON.stringify([{ kind: "number", evidence: String(7 + (k % 997)) }]),
        speaker: PEOPLE[k % PEOPLE.length]!,
        status: STATUSES[k % STATUSES.length]!,
        rationale: STATUSES[k % STATUSES.length] === "unverified" ? null : "Synthetic verdict for benchmarking.",
      };
    });
    if (options.history) await seedWithHistory({ projectId, actor, rows });
    else await db.claim.createMany({ data: rows });
    created += n;
  }
  await db.$transaction((tx) =>
    appendAuditEvents(tx, projectId, [
      {
        actorId: actor.id,
        actorName: actor.name,
        action: "demo.seeded_large",
        targetType: "project",
        targetId: projectId,
        details: { claims: count },
      },
    ]),
  );
  return { claims: created, documents: Math.ceil(count / perDocument) };
}

type SeededClaim = Prisma.ClaimCreateManyInput & { status: string; rationale: string | null };

/** One document's claims with their decisions: the claims, the trail's events and the review rounds, in one transaction. */
async function seedWithHistory(options: { projectId: number; actor: Actor; rows: SeededClaim[] }) {
  const { projectId, actor, rows } = options;
  await getDb().$transaction(async (tx) => {
    const claims = await tx.claim.createManyAndReturn({ data: rows, select: { id: true, status: true, rationale: true } });
    const decided = claims.filter((claim) => claim.status !== "unverified");
    if (decided.length === 0) return;
    const approved = decided.filter((_, i) => i % 4 === 0);
    const events = await appendAuditEvents(tx, projectId, [
      ...decided.map((claim) => ({
        actorId: actor.id,
        actorName: actor.name,
        action: "claim.status_changed",
        targetType: "claim",
        targetId: claim.id,
        details: { from: "unverified", to: claim.status, rationale: claim.rationale },
      })),
      ...approved.map((claim) => ({
        actorId: actor.id,
        actorName: actor.name,
        action: APPROVAL_ACTION,
        targetType: "claim",
        targetId: claim.id,
        details: { status: claim.status },
      })),
    ]);
    const now = new Date();
    await tx.claimReviewRound.createMany({
      data: decided.map((claim) => ({
        projectId,
        claimId: claim.id,
        round: 1,
        firstReviewerId: actor.id,
        firstStatus: claim.status,
        firstRationale: claim.rationale,
        firstAt: now,
        closedAt: now,
      })),
    });
    const decisionSeq = Prisma.join(
      decided.map((claim, i) => Prisma.sql`WHEN ${claim.id} THEN CAST(${events[i]!.seq} AS INTEGER)`),
      " ",
    );
    await tx.$executeRaw`UPDATE "Claim" SET "decisionSeq" = CASE "id" ${decisionSeq} END WHERE "id" IN (${Prisma.join(decided.map((c) => c.id))})`;
    await tx.$executeRaw`UPDATE "Claim" SET "reviewState" = 'approved' WHERE "id" IN (${Prisma.join(approved.map((c) => c.id))})`;
  });
}
