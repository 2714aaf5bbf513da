import type { Tx } from "../db.server";
import { AppError } from "../lib/app-error";
import { refreshFacts } from "./fact-refresh.server";
import { type AuditEntry, writeProject } from "./unit-of-work.server";
import type { Actor } from "./user.server";

// Grouping by hand: an editor merges facts, splits one, moves a claim to another fact, or
// words a fact's label. Every claim placed by hand is pinned, so grouping again never moves it;
// each change is one unit of work (writeProject) with an audit event for the fact and one for each
// claim moved; the fact's differences and label claim are refreshed inside it, so no reader sees a
// fact whose members and differences disagree.

export const MAX_LABEL_LENGTH = 500;

/** The claim's fact changed: one event on the claim, for its history. */
const claimMoved = (claimId: number, move: { from: number | null; to: number; how: "merge" | "split" | "move" }): AuditEntry => ({
  action: "claim.fact_changed",
  targetType: "claim",
  targetId: claimId,
  details: move,
});

/** The fact being edited (the page's or the command's own): missing is not found. */
async function requireFact(tx: Tx, projectId: number, factId: number) {
  const fact = await tx.fact.findFirst({ where: { id: factId, projectId }, select: { id: true, label: true } });
  if (!fact) throw new AppError("not_found", `No fact ${factId} in this project.`);
  return fact;
}

/** Facts the editor named (to merge from, to move to): a wrong number is bad input. */
async function namedFacts(tx: Tx, projectId: number, ids: number[], field: string) {
  const found = await tx.fact.findMany({ where: { projectId, id: { in: ids } }, select: { id: true } });
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length > 0) throw new AppError("invalid_input", `No fact ${missing.join(", ")} in this project.`, { field });
}

/** Puts the claims of the other facts into the first one; all of its claims are then pinned together. */
export async function mergeFacts(options: { projectId: number; into: number; from: number[]; actor: Actor }) {
  const { projectId, actor, ...input } = options;
  const from = [...new Set(input.from)].filter((id) => id !== input.into);
  if (from.length === 0) throw new AppError("invalid_input", "Choose at least one other fact to merge into this one.");
  return writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }) => {
    await requireFact(tx, projectId, input.into);
    await namedFacts(tx, projectId, from, "from");
    const members = await tx.factMember.findMany({ where: { projectId, factId: { in: from } }, select: { claimId: true, factId: true } });
    await tx.factMember.updateMany({
      where: { projectId, factId: { in: [input.into, ...from] } },
      data: { factId: input.into, pinned: true },
    });
    await audit(
      {
        action: "fact.merged",
        targetType: "fact",
        targetId: input.into,
        details: { merged: from, claimIds: members.map((m) => m.claimId) },
      },
      ...members.map((m) => claimMoved(m.claimId, { from: m.factId, to: input.into, how: "merge" })),
    );
    await refreshFacts(tx, { projectId, factIds: [input.into, ...from] });
    claimsChanged(
      members.map((m) => m.claimId),
      `${actor.name} merged ${from.length + 1} facts`,
    );
    return { factId: input.into, moved: members.length };
  });
}

/** Takes some of a fact's claims out into a new fact; both keep their claims pinned. */
export async function splitFact(options: { projectId: number; factId: number; claimIds: number[]; actor: Actor }) {
  const { projectId, actor, ...input } = options;
  const claimIds = [...new Set(input.claimIds)];
  if (claimIds.length === 0) throw new AppError("invalid_input", "Choose the claims to take out of this fact.");
  return writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }) => {
    await requireFact(tx, projectId, input.factId);
    const members = await tx.factMember.findMany({ where: { projectId, factId: input.factId }, select: { claimId: true } });
    const outside = claimIds.filter((id) => !members.some((m) => m.claimId === id));
    if (outside.length > 0) throw new AppError("invalid_input", `Claim ${outside.join(", ")} is not in fact ${input.factId}.`);
    if (claimIds.length === members.length)
      throw new AppError("invalid_input", "Leave at least one claim in the fact: a split takes some of them out.");
    const created = await tx.fact.create({ data: { projectId }, select: { id: true } });
    await tx.factMember.updateMany({ where: { projectId, factId: input.factId }, data: { pinned: true } });
    await tx.factMember.updateMany({ where: { projectId, claimId: { in: claimIds } }, data: { factId: created.id, pinned: true } });
    await audit(
      { action: "fact.split", targetType: "fact", targetId: input.factId, details: { into: created.id, claimIds } },
      ...claimIds.map((id) => claimMoved(id, { from: input.factId, to: created.id, how: "split" })),
    );
    await refreshFacts(tx, { projectId, factIds: [input.factId, created.id] });
    claimsChanged(claimIds, `${actor.name} split fact ${input.factId}`);
    return { factId: created.id, moved: claimIds.length };
  });
}

/** Moves one claim to another fact, or to a new fact of its own (`to: null`); the claim is pinned there. */
export async function moveClaimToFact(options: { projectId: number; claimId: number; to: number | null; actor: Actor }) {
  const { projectId, actor, ...input } = options;
  return writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }) => {
    const claim = await tx.claim.findFirst({ where: { id: input.claimId, projectId }, select: { id: true, factMember: true } });
    if (!claim) throw new AppError("invalid_input", `No claim ${input.claimId} in this project.`, { field: "claimId" });
    if (input.to !== null) await namedFacts(tx, projectId, [input.to], "to");
    const from = claim.factMember?.factId ?? null;
    if (from !== null && from === input.to)
      throw new AppError("invalid_input", `Claim ${input.claimId} is already in fact ${input.to}.`, { field: "to" });
    const to = input.to ?? (await tx.fact.create({ data: { projectId }, select: { id: true } })).id;
    await tx.factMember.upsert({
      where: { claimId: input.claimId },
      create: { claimId: input.claimId, factId: to, projectId, pinned: true },
      update: { factId: to, pinned: true },
    });
    await audit(
      { action: "fact.claim_moved", targetType: "fact", targetId: to, details: { claimId: input.claimId, from } },
      claimMoved(input.claimId, { from, to, how: "move" }),
    );
    await refreshFacts(tx, { projectId, factIds: from === null ? [to] : [from, to] });
    claimsChanged([input.claimId], `${actor.name} moved claim ${input.claimId} to fact ${to}`);
    return { factId: to };
  });
}

/** Words the fact's label (null goes back to the text of its clearest claim). */
export async function setFactLabel(options: { projectId: number; factId: number; label: string | null; actor: Actor }) {
  const { projectId, actor, ...input } = options;
  const label = input.label?.replace(/\s+/g, " ").trim() || null;
  if (label && label.length > MAX_LABEL_LENGTH)
    throw new AppError("invalid_input", `A label can be at most ${MAX_LABEL_LENGTH} characters.`, { field: "label" });
  await writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }) => {
    const fact = await requireFact(tx, projectId, input.factId);
    if (fact.label === label) return;
    await tx.fact.update({ where: { id: input.factId }, data: { label } });
    await audit({ action: "fact.label_edited", targetType: "fact", targetId: input.factId, details: { from: fact.label, to: label } });
    // No claim changed, but open Facts pages show the label.
    claimsChanged([], `${actor.name} relabelled fact ${input.factId}`);
  });
}
