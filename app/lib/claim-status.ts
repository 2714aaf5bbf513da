export const CLAIM_STATUSES = ["unverified", "confirmed", "disputed"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
