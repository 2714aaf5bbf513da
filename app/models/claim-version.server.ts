import type { Tx } from "../db.server";
import { type AppError, staleVersionError } from "../lib/app-error";

/**
 * The refusal of a write based on an old version, with the claim as it is now (who
 * changed it, when, to what), read in the writer's transaction.
 */
export async function staleClaimError(tx: Tx, claimId: number): Promise<AppError> {
  const current = await tx.claim.findUnique({ where: { id: claimId }, include: { lastChangedBy: { select: { displayName: true } } } });
  return staleVersionError({
    version: current?.version ?? 0,
    status: current?.status,
    rationale: current?.rationale ?? null,
    changedBy: current?.lastChangedBy?.displayName ?? null,
    changedAt: current?.lastChangedAt ?? null,
  });
}
