/** How a linked source bears on a claim. */
export const STANCES = ["supports", "refutes", "context"] as const;
export type Stance = (typeof STANCES)[number];

export const STANCE_LABELS: Record<Stance, string> = {
  supports: "Supports the claim",
  refutes: "Refutes the claim",
  context: "Context",
};
