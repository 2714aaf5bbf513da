// Refusals of the editorial review, each with what the HTTP response and the CLI's exit
// code make of it (docs/decisions/010-editorial-review.md).

export type ReviewErrorCode =
  /** The claim's verdict is approved: nothing changes it until an editor reopens it. */
  | "locked"
  /** The claim is not in a state that allows this (waits for adjudication, not approved...). */
  | "state"
  /** Someone else is named for this step. */
  | "forbidden"
  /** The input itself is wrong (a missing reason or rationale). */
  | "invalid";

export class ReviewError extends Error {
  constructor(
    readonly code: ReviewErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const REVIEW_ERROR_HTTP_STATUS: Record<ReviewErrorCode, number> = { locked: 409, state: 409, forbidden: 403, invalid: 400 };
export const REVIEW_ERROR_EXIT_CODE: Record<ReviewErrorCode, number> = { locked: 5, state: 1, forbidden: 4, invalid: 2 };

export function lockedError(claimId: number): ReviewError {
  return new ReviewError(
    "locked",
    `Claim ${claimId} is approved and locked: an editor must reopen it, with a reason, before its verdict can change.`,
  );
}
