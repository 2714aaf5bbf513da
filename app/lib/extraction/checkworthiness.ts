import type { Reason, ReasonKind } from "./reasons";
import { type Sentence, type Token, insideQuotes } from "./sentences";

export type { Reason, ReasonKind };
import { isAttributionVerb } from "./speaker";
import { isCalendarWord } from "./calendar";
import { nlp } from "./nlp";

// Each feature's weight is the chance, on its own, that a sentence carrying it is
// worth checking; they combine as independent evidence (noisy-or). Set on the first
// labelled set in tests/fixtures/extraction and checked on the second (npm run bench:extract).
const WEIGHTS: Record<ReasonKind, number> = {
  money: 0.6,
  percentage: 0.6,
  number: 0.45,
  date_time: 0.2,
  named_entity: 0.15,
  attribution: 0.4,
  comparison: 0.35,
  causal: 0.35,
  change: 0.3,
  cut: 0,
};
/** A clock time ("until Friday at 5:01 p.m.") is more specific than a weekday. */
const CLOCK_TIME_WEIGHT = 0.35;
/** A day and a time together ("until Friday at 5:01 p.m.") name a moment someone can check. */
const MOMENT_WEIGHT = 0.45;
/**
 * Attribution to someone who is quoted word for word is weaker evidence than reported
 * speech: '"We have been patient," she said' asserts little that can be checked, while
 * 'she said the ministry had offered to share the cost' reports a checkable fact.
 */
const QUOTED_ATTRIBUTION_WEIGHT = 0.15;
/** Opinion inside a direct quotation (first person, obligation, strong sentiment) keeps a quote from counting as a claim. */
const QUOTED_OPINION_FACTOR = 0.55;
const FIRST_AND_SECOND_PERSON = new Set(["i", "we", "you", "me", "us", "my", "our", "your", "i'm", "we're", "you're", "we've", "i've"]);
const OBLIGATION = new Set(["must", "should", "need", "needs", "cannot", "can't", "ought"]);
const EVIDENCE_NOUNS = new Set([
  "data",
  "figures",
  "records",
  "documents",
  "statistics",
  "study",
  "report",
  "survey",
  "analysis",
  "filings",
]);

const COMPARISON_WORDS = new Set([
  "than",
  "more",
  "less",
  "fewer",
  "most",
  "least",
  "record",
  "compared",
  "twice",
  "double",
  "doubled",
  "tripled",
  "halved",
  "half",
  "biggest",
  "largest",
  "smallest",
  "highest",
  "lowest",
  "first",
  "only",
  "worst",
  "best",
]);
const CAUSAL_WORDS = new Set(["because", "caused", "causes", "cause", "due", "therefore", "consequently", "resulted", "blamed", "thanks"]);
const CHANGE_WORDS = new Set([
  "rose",
  "rise",
  "rises",
  "risen",
  "fell",
  "fall",
  "falls",
  "fallen",
  "increased",
  "decreased",
  "grew",
  "grown",
  "dropped",
  "declined",
  "cut",
  "raised",
  "lowered",
  "doubled",
  "reduced",
  "soared",
  "plunged",
  "awarded",
  "approved",
  "voted",
  "signed",
  "passed",
  "rejected",
  "closed",
  "opened",
  "won",
  "lost",
  "killed",
  "injured",
  "arrested",
  "charged",
  "fined",
  "banned",
]);
const NUMBER_WORDS = new Set([
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "dozen",
  "dozens",
  "hundred",
  "hundreds",
  "thousand",
  "thousands",
  "million",
  "millions",
  "billion",
  "billions",
]);
const CURRENCY_SYMBOLS = new Set(["$", "€", "£", "¥"]);

function spanText(tokens: Token[]): string {
  return tokens
    .map((t) => t.value)
    .join(" ")
    .replace(/ ([,.%])/g, "$1")
    .replace(/([$€£]) /g, "$1");
}

/** Groups consecutive tokens with the same entity type (or the same test) into evidence strings. */
function runs(tokens: Token[], test: (token: Token, index: number) => boolean): string[] {
  const found: string[] = [];
  let current: Token[] = [];
  tokens.forEach((token, index) => {
    if (test(token, index)) current.push(token);
    else if (current.length > 0) {
      found.push(spanText(current));
      current = [];
    }
  });
  if (current.length > 0) found.push(spanText(current));
  return found;
}

export interface Score {
  score: number;
  reasons: Reason[];
}

/** The share of the sentence's words inside quotation marks, and the quoted text. */
function quotation(sentence: Sentence): { share: number; text: string } {
  const quoted = insideQuotes(sentence.tokens);
  const words = sentence.tokens
    .map((token, i) => ({ token, quoted: quoted[i]! }))
    .filter(({ token }) => !["PUNCT", "SPACE"].includes(token.pos) && !/^["“”]$/.test(token.value));
  const inside = words.filter((w) => w.quoted).map((w) => w.token.value);
  return { share: words.length === 0 ? 0 : inside.length / words.length, text: inside.join(" ") };
}

function isOpinion(quoted: string): boolean {
  const lower = quoted.toLowerCase().split(/\s+/);
  if (lower.some((w) => FIRST_AND_SECOND_PERSON.has(w) || OBLIGATION.has(w))) return true;
  if (/\bhave to\b|\bhas to\b/.test(quoted.toLowerCase())) return true;
  const engine = nlp();
  return Math.abs(engine.readDoc(quoted).out(engine.its.sentiment) as unknown as number) >= 0.4;
}

export function scoreSentence(sentence: Sentence): Score {
  const tokens = sentence.tokens;
  const reasons: Reason[] = [];
  const add = (kind: ReasonKind, evidence: string[]) => {
    const unique = [...new Set(evidence)].filter((e) => e.trim() !== "");
    if (unique.length > 0) reasons.push({ kind, evidence: unique.slice(0, 3).join(", ") });
  };

  add(
    "money",
    runs(
      tokens,
      (t, i) =>
        t.entity === "MONEY" || CURRENCY_SYMBOLS.has(t.value) || (i > 0 && CURRENCY_SYMBOLS.has(tokens[i - 1]!.value) && t.pos === "NUM"),
    ),
  );
  add(
    "percentage",
    runs(tokens, (t) => t.entity === "PERCENT"),
  );
  const temporal = new Set(["DATE", "TIME"]);
  add(
    "date_time",
    runs(tokens, (t) => temporal.has(t.entity)),
  );
  // A number inside a date or an amount is already counted there; "18 months" counts as a number.
  const counted = new Set(["MONEY", "PERCENT", "DATE", "TIME"]);
  add(
    "number",
    runs(
      tokens,
      (t) =>
        !counted.has(t.entity) && (t.pos === "NUM" || t.entity === "CARDINAL" || NUMBER_WORDS.has(t.lower)) && /[0-9a-z]/i.test(t.value),
    ),
  );
  // A capitalized first word is not a name by itself; a run of proper nouns is.
  // Weekdays and months are dates, even where the recognizer calls "until Friday" a duration.
  add(
    "named_entity",
    runs(
      tokens,
      (t, i) => t.pos === "PROPN" && !temporal.has(t.entity) && !isCalendarWord(t.lower) && (i > 0 || tokens[1]?.pos === "PROPN"),
    ),
  );
  // "X said", "according to X", and evidence cited as such ("the data show").
  const attribution = tokens.map((t, i) => {
    if (isAttributionVerb(t)) return t.value;
    if (t.lower === "according" && tokens[i + 1]?.lower === "to") return "according to";
    if (/^shows?$/.test(t.lower) && EVIDENCE_NOUNS.has(tokens[i - 1]?.lower ?? "")) return `${tokens[i - 1]!.value} ${t.value}`;
    return "";
  });
  add("attribution", attribution);
  add(
    "comparison",
    tokens
      .filter(
        (t) =>
          COMPARISON_WORDS.has(t.lower) ||
          ((t.pos === "ADJ" || t.pos === "ADV") && /[a-z]{3,}est$/.test(t.lower) && t.lower !== "interest"),
      )
      .map((t) => t.value),
  );
  add(
    "causal",
    tokens
      .filter(
        (t, i) =>
          CAUSAL_WORDS.has(t.lower) ||
          (t.lower === "led" && tokens[i + 1]?.lower === "to") ||
          (t.lower === "as" && tokens[i + 1]?.lower === "a" && tokens[i + 2]?.lower === "result"),
      )
      .map((t) => t.value),
  );
  add(
    "change",
    tokens.filter((t) => CHANGE_WORDS.has(t.lower)).map((t) => t.value),
  );

  const quote = quotation(sentence);
  const quoteDominant = quote.share >= 0.5;
  let keep = 1;
  for (const reason of reasons) {
    let weight = WEIGHTS[reason.kind];
    if (
      reason.kind === "date_time" &&
      tokens.some((t) => t.entity === "TIME" && (/\d/.test(t.value) || t.lower === "noon" || t.lower === "midnight"))
    ) {
      weight = tokens.some((t) => isCalendarWord(t.lower)) ? MOMENT_WEIGHT : CLOCK_TIME_WEIGHT;
    }
    if (reason.kind === "attribution" && quoteDominant) weight = QUOTED_ATTRIBUTION_WEIGHT;
    keep *= 1 - weight;
  }
  let score = 1 - keep;
  const words = tokens.filter((t) => t.pos !== "PUNCT" && t.pos !== "SYM").length;
  // Questions, fragments and sentences without a verb assert little that can be checked.
  if (
    sentence.text
      .trimEnd()
      .replace(/["”’)]+$/, "")
      .endsWith("?")
  )
    score *= 0.35;
  if (words < 5) score *= 0.5;
  if (!tokens.some((t) => t.pos === "VERB" || t.pos === "AUX")) score *= 0.6;
  if (quoteDominant && isOpinion(quote.text)) score *= QUOTED_OPINION_FACTOR;
  return { score: Math.round(score * 1000) / 1000, reasons };
}
