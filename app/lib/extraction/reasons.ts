// Shared with the browser: no NLP model here.
export type ReasonKind =
  | "money"
  | "percentage"
  | "number"
  | "date_time"
  | "named_entity"
  | "attribution"
  | "comparison"
  | "causal"
  | "change"
  // Not a reason to check: a mark that the text was cut for length (NLP_LIMITS in sentences.ts).
  | "cut";

export interface Reason {
  kind: ReasonKind;
  /** The words in the sentence that triggered it. */
  evidence: string;
}

export const REASON_LABELS: Record<ReasonKind, string> = {
  money: "an amount of money",
  percentage: "a percentage",
  number: "a number",
  date_time: "a date or time",
  named_entity: "a named person or organisation",
  attribution: "an attribution",
  comparison: "a comparison or superlative",
  causal: "a causal statement",
  change: "a measurable change",
  cut: "a passage cut for length (no sentence ended within 1,000 characters)",
};
