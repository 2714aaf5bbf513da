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
  | "first_or_record"
  | "action"
  | "threat_or_demand"
  | "legal_power"
  | "ban_or_restriction"
  | "plan"
  | "offer_or_agreement"
  | "denial"
  | "capability"
  | "reported_speech"
  | "anonymous_source"
  | "document_cited"
  | "negation"
  | "speculation"
  | "opinion"
  | "quoted_opinion"
  | "question"
  | "no_comment"
  | "credit_or_contact"
  | "call_to_action"
  | "boilerplate"
  | "timestamp"
  | "transcript_turn"
  | "correction"
  | "schedule"
  | "fragment"
  | "direct_quote"
  | "shape"
  | "wording"
  // A mark, not a feature: the text was cut for length (NLP_LIMITS in sentences.ts) and is not proposed.
  | "cut";

export interface Reason {
  kind: ReasonKind;
  /** The words in the sentence that triggered it. */
  evidence: string;
  /**
   * How much it moved the score, in log-odds: positive for, negative against.
   * Absent on claims scored before the learned model (those reasons all counted for).
   */
  weight?: number;
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
  first_or_record: "a first, an only or a record",
  action: "an action someone took",
  threat_or_demand: "a threat, deadline or demand",
  legal_power: "a legal power, rule or contract",
  ban_or_restriction: "a ban or restriction",
  plan: "a plan or intention",
  offer_or_agreement: "an offer, deal or agreement",
  denial: "a denial or refusal",
  capability: "a capability",
  reported_speech: "reported speech",
  anonymous_source: "an anonymous source",
  document_cited: "a document or statement cited",
  negation: "a negation",
  speculation: "speculation or a modal verb",
  opinion: "opinion or feeling",
  quoted_opinion: "opinion or feeling in a quotation",
  question: "a question",
  no_comment: "a request for comment or its absence",
  credit_or_contact: "a byline, credit or contact line",
  call_to_action: "a call to action",
  boilerplate: "boilerplate or a link",
  timestamp: "a timestamp",
  transcript_turn: "a transcript turn label",
  correction: "a correction of an earlier post",
  schedule: "a schedule of what is due to happen",
  fragment: "a fragment without a full clause",
  direct_quote: "a word-for-word quotation",
  shape: "the sentence's length and parts of speech",
  wording: "wording like that of check-worthy statements",
  cut: "a passage cut for length (no sentence ended within 1,000 characters)",
};

/** The reason as a reviewer reads it: "For: a threat, deadline or demand (“threatened”)". */
export function describeReason(reason: Reason): { direction: "for" | "against"; label: string; evidence: string } {
  const against = (reason.weight ?? 1) < 0;
  const label =
    reason.kind === "wording" && against ? "wording unlike that of check-worthy statements" : (REASON_LABELS[reason.kind] ?? reason.kind);
  return { direction: against ? "against" : "for", label, evidence: reason.evidence };
}
