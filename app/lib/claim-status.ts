export const CLAIM_STATUSES = ["unverified", "confirmed", "disputed"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const isClaimStatus = (value: unknown): value is ClaimStatus => (CLAIM_STATUSES as readonly unknown[]).includes(value);
