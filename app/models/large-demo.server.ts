import { createHash } from "node:crypto";
import { getDb } from "../db.server";
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
 * invented sentences, 100 claims per document, written in large batches.
 */
export async function seedLargeDemo(projectId: number, count: number, actor: Actor) {
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
    await db.claim.createMany({ data: rows });
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
