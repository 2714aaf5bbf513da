import { AppError } from "../lib/app-error";
import type { ClaimStatus } from "../lib/claim-status";
import { lockedError } from "../lib/review/errors";
import { recordDecisions } from "./claim-decision.server";
import { staleClaimError } from "./claim-version.server";
import { writeProject } from "./unit-of-work.server";
import type { Actor } from "./user.server";

export interface TagClaimOptions {
  projectId: number;
  claimId: number;
  status: ClaimStatus;
  rationale: string | null;
  /** The version the reviewer saw; null takes whatever is current (the CLI without --expect-version). */
  expectedVersion: number | null;
  actor: Actor;
  /** Set when the verdict was given to a whole fact (fact-verdict.server.ts): the event names it. */
  factId?: number;
}

/**
 * Sets a claim's status. Moving away from unverified needs a rationale. The update
 * only applies to the version the reviewer saw (`expectedVersion`): a stale write
 * is refused with the other person's change, never overwrites it. The audit event
 * is written in the same transaction.
 */
export async function tagClaim(options: TagClaimOptions) {
  const { projectId, claimId, status, actor } = options;
  const rationale = options.rationale?.trim() || null;
  if (status !== "unverified" && !rationale) throw new AppError("invalid_input", `Give a rationale for marking the claim ${status}.`);
  return writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }) => {
    const claim = await tx.claim.findFirst({
      where: { id: claimId, projectId },
      include: { project: { select: { requireSourceForVerdict: true } } },
    });
    if (!claim) return null;
    const expected = options.expectedVersion ?? claim.version;
    if (claim.version !== expected) throw await staleClaimError(tx, claimId);
    if (claim.reviewState === "approved") throw lockedError(claimId);
    if (claim.status === status && (claim.rationale ?? null) === rationale) return claim;
    if (status !== "unverified" && claim.project.requireSourceForVerdict && claim.sourceCount === 0) {
      throw new AppError("invalid_input", `Link at least one source before marking the claim ${status} (a project setting).`);
    }
    // The version condition makes concurrent writers race on the row: exactly one wins.
    const updated = await tx.claim.updateMany({
      where: { id: claimId, version: expected },
      data: { status, rationale, version: { increment: 1 }, lastChangedAt: new Date(), lastChangedById: actor.id },
    });
    if (updated.count === 0) throw await staleClaimError(tx, claimId);
    const [decision] = await audit({
      action: "claim.status_changed",
      targetType: "claim",
      targetId: claimId,
      details: { from: claim.status, to: status, rationale, version: expected + 1, ...(options.factId ? { factId: options.factId } : {}) },
    });
    await recordDecisions(tx, projectId, [{ claimId, seq: decision!.seq }]);
    claimsChanged([claimId], `${actor.name} marked claim ${claimId} ${status}`);
    return tx.claim.findUniqueOrThrow({ where: { id: claimId } });
  });
}
