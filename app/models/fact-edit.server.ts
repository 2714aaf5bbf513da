import { type Tx, getDb } from "../db.server";
import { appendAuditEvents } from "./audit.server";
import { AppError } from "../lib/app-error";
import { publishProjectEvent } from "./events.server";
import { refreshFacts } from "./fact-refresh.server";
import type { Actor } from "./user.server";

// Grouping by hand: an editor merges facts, splits one, moves a claim to another fact, or
// words a fact's label. Every claim placed by hand is pinned, so grouping again never moves it;
// each change is one transaction with an audit event for the fact and one for each claim moved.

export const MAX_LABEL_LENGTH = 500;

type AuditInput = Parameters<typeof appendAuditEvents>[2][number];

const event = (actor: Actor, input: Omit<AuditInput, "actorId" | "actorName" | "ip">): AuditInput => ({
  actorId: actor.id,
  actorName: actor.name,
  ip: actor.ip,
  ...input,
});

/** The claim's fact changed: one event on the claim, for its history. */
const claimMoved = (actor: Actor, claimId: number, from: number | null, to: number, how: "merge" | "split" | "move") =>
  event(actor, { action: "claim.fact_changed", targetType: "claim", targetId: claimId, details: { from, to, how } });

async function factsOfProject(tx: Tx, projectId: number, ids: number[]) {
  const found = await tx.fact.findMany({ where: { projectId, id: { in: ids } }, select: { id: true } });
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) throw new AppError("invalid_input", `No fact ${missing.join(", ")} in this project.`);
}

async function announce(projectId: number, claimIds: number[], actor: Actor, summary: string) {
  await publishProjectEvent({ type: "claims-changed", projectId, claimIds, actorId: actor.id, summary });
}

/** Puts the claims of the other facts into the first one; all of its claims are then pinned together. */
export async function mergeFacts(options: { projectId: number; into: number; from: number[]; actor: Actor }) {
  const { projectId, actor, ...input } = options;
  const from = [...new Set(input.from)].filter((id) => id !== input.into);
  if (from.length === 0) throw new AppError("invalid_input", "Choose at least one other fact to merge into this one.");
  const moved = await getDb().$transaction(async (tx) => {
    await factsOfProject(tx, projectId, [input.into, ...from]);
    const members = await tx.factMember.findMany({ where: { projectId, factId: { in: from } }, select: { claimId: true, factId: true } });
    await tx.factMember.updateMany({
      where: { projectId, factId: { in: [input.into, ...from] } },
      data: { factId: input.into, pinned: true },
    });
    await appendAuditEvents(tx, projectId, [
      event(actor, {
        action: "fact.merged",
        targetType: "fact",
        targetId: input.into,
        details: { merged: from, claimIds: members.map((m) => m.claimId) },
      }),
      ...members.map((m) => claimMoved(actor, m.claimId, m.factId, input.into, "merge")),
    ]);
    await refreshFacts(tx, projectId, [input.into, ...from]);
    return members.map((m) => m.claimId);
  });
  await announce(projectId, moved, actor, `${actor.name} merged ${from.length + 1} facts`);
  return { factId: input.into, moved: moved.length };
}

/** Takes some of a fact's claims out into a new fact; both keep their claims pinned. */
export async function splitFact(options: { projectId: number; factId: number; claimIds: number[]; actor: Actor }) {
  const { projectId, actor, ...input } = options;
  const claimIds = [...new Set(input.claimIds)];
  if (claimIds.length === 0) throw new AppError("invalid_input", "Choose the claims to take out of this fact.");
  const result = await getDb().$transaction(async (tx) => {
    await factsOfProject(tx, projectId, [input.factId]);
    const members = await tx.factMember.findMany({ where: { projectId, factId: input.factId }, select: { claimId: true } });
    const outside = claimIds.filter((id) => !members.some((m) => m.claimId === id));
    if (outside.length > 0) throw new AppError("invalid_input", `Claim ${outside.join(", ")} is not in fact ${input.factId}.`);
    if (claimIds.length === members.length)
      throw new AppError("invalid_input", "Leave at least one claim in the fact: a split takes some of them out.");
    const created = await tx.fact.create({ data: { projectId }, select: { id: true } });
    await tx.factMember.updateMany({ where: { projectId, factId: input.factId }, data: { pinned: true } });
    await tx.factMember.updateMany({ where: { projectId, claimId: { in: claimIds } }, data: { factId: created.id, pinned: true } });
    await appendAuditEvents(tx, projectId, [
      event(actor, { action: "fact.split", targetType: "fact", targetId: input.factId, details: { into: created.id, claimIds } }),
      ...claimIds.map((id) => claimMoved(actor, id, input.factId, created.id, "split")),
    ]);
    await refreshFacts(tx, projectId, [input.factId, created.id]);
    return { factId: created.id };
  });
  await announce(projectId, claimIds, actor, `${actor.name} split fact ${input.factId}`);
  return { factId: result.factId, moved: claimIds.length };
}

/** Moves one claim to another fact, or to a new fact of its own (`to: null`); the claim is pinned there. */
export async function moveClaimToFact(options: { projectId: number; claimId: number; to: number | null; actor: Actor }) {
  const { projectId, actor, ...input } = options;
  const factId = await getDb().$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({ where: { id: input.claimId, projectId }, select: { id: true, factMember: true } });
    if (!claim) throw new AppError("invalid_input", `No claim ${input.claimId} in this project.`);
    if (input.to !== null) await factsOfProject(tx, projectId, [input.to]);
    const from = claim.factMember?.factId ?? null;
    if (from !== null && from === input.to) throw new AppError("invalid_input", `Claim ${input.claimId} is already in fact ${input.to}.`);
    const to = input.to ?? (await tx.fact.create({ data: { projectId }, select: { id: true } })).id;
    await tx.factMember.upsert({
      where: { claimId: input.claimId },
      create: { claimId: input.claimId, factId: to, projectId, pinned: true },
      update: { factId: to, pinned: true },
    });
    await appendAuditEvents(tx, projectId, [
      event(actor, { action: "fact.claim_moved", targetType: "fact", targetId: to, details: { claimId: input.claimId, from } }),
      claimMoved(actor, input.claimId, from, to, "move"),
    ]);
    await refreshFacts(tx, projectId, from === null ? [to] : [from, to]);
    return to;
  });
  await announce(projectId, [input.claimId], actor, `${actor.name} moved claim ${input.claimId} to fact ${factId}`);
  return { factId };
}

/** Words the fact's label (null goes back to the text of its clearest claim). */
export async function setFactLabel(options: { projectId: number; factId: number; label: string | null; actor: Actor }) {
  const { projectId, actor, ...input } = options;
  const label = input.label?.replace(/\s+/g, " ").trim() || null;
  if (label && label.length > MAX_LABEL_LENGTH)
    throw new AppError("invalid_input", `A label can be at most ${MAX_LABEL_LENGTH} characters.`);
  await getDb().$transaction(async (tx) => {
    const fact = await tx.fact.findFirst({ where: { id: input.factId, projectId }, select: { label: true } });
    if (!fact) throw new AppError("invalid_input", `No fact ${input.factId} in this project.`);
    if (fact.label === label) return;
    await tx.fact.update({ where: { id: input.factId }, data: { label } });
    await appendAuditEvents(tx, projectId, [
      event(actor, { action: "fact.label_edited", targetType: "fact", targetId: input.factId, details: { from: fact.label, to: label } }),
    ]);
  });
  await announce(projectId, [], actor, `${actor.name} relabelled fact ${input.factId}`);
}
