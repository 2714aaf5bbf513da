import { AppError } from "../app-error";

// Refusals of the editorial review (docs/decisions/010-editorial-review.md) are AppErrors:
// a locked verdict has its own code (HTTP 409, CLI exit 5); a step the claim's state does
// not allow is a conflict; someone else named for the step, forbidden.

export function lockedError(claimId: number): AppError {
  return new AppError(
    "locked",
    `Claim ${claimId} is approved and locked: an editor must reopen it, with a reason, before its verdict can change.`,
  );
}
