export const CLAIM_STATUSES = ["unverified", "confirmed", "disputed"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const isClaimStatus = (value: unknown): value is ClaimStatus => (CLAIM_STATUSES as readonly unknown[]).includes(value);

/** The keys that give a claim a status, in the table and in its status list alike. */
export const STATUS_KEYS: Readonly<Record<string, ClaimStatus>> = {
  c: "confirmed",
  d: "disputed",
  u: "unverified",
  "1": "confirmed",
  "2": "disputed",
  "3": "unverified",
};
