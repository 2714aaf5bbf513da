import type { Tx } from "../../db.server";
import { AppError } from "../../lib/app-error";
import type { ClaimStatus } from "../../lib/claim-status";
import { lockedError } from "../../lib/review/errors";

// Shared steps of the review writes: read the claim with its project's rules, check the
// version the user saw, and the rules every verdict obeys.

export async function readClaimForReview(tx: Tx, projectId: number, claimId: number) {
  return tx.claim.findFirst({
    where: { id: claimId, projectId },
    include: { project: { select: { secondReview: true, requireSourceForVerdict: true } } },
  });
}

export type ClaimForReview = NonNullable<Awaited<ReturnType<typeof readClaimForReview>>>;

export function assertNotLocked(claim: { id: number; reviewState: string }) {
  if (claim.reviewState === "approved") throw lockedError(claim.id);
}

/** A verdict other than unverified needs a rationale and, where the project says so, a source. */
export function assertVerdictAllowed(
  claim: ClaimForReview,
  verdict: { status: ClaimStatus; rationale: string | null },
  options: { rationaleAlways?: boolean } = {},
) {
  if (!verdict.rationale && (options.rationaleAlways || verdict.status !== "unverified"))
    throw new AppError("invalid_input", `Give a rationale for marking the claim ${verdict.status}.`, { field: "rationale" });
  if (verdict.status !== "unverified" && claim.project.requireSourceForVerdict && claim.sourceCount === 0)
    throw new AppError("invalid_input", `Link at least one source before marking the claim ${verdict.status} (a project setting).`);
}

/**
 * Moves the claim to its next version with `data`, only from the version read: concurrent
 * writers race on the row and exactly one wins. False when someone else won.
 */
export async function advanceClaim(tx: Tx, claim: { id: number; version: number }, data: Record<string, unknown>, actorId: number | null) {
  const updated = await tx.claim.updateMany({
    where: { id: claim.id, version: claim.version },
    data: { ...data, version: { increment: 1 }, lastChangedAt: new Date(), lastChangedById: actorId },
  });
  return updated.count === 1;
}

/** The version check every review write makes before anything else. */
export function checkVersion(claim: { version: number }, expectedVersion: number | null): boolean {
  return expectedVersion === null || expectedVersion === claim.version;
}

export function requireUserActor(actor: { id: number | null }): number {
  if (actor.id === null) throw new AppError("invalid_input", "A review step must be done as a user (--as USERNAME).");
  return actor.id;
}
