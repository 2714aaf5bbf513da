import type { Reason, ReasonKind } from "./reasons";
import type { Sentence, Token } from "./sentences";

export type { Reason, ReasonKind };
import { isAttributionVerb } from "./speaker";

// Each feature's weight is the chance, on its own, that a sentence carrying it is
// worth checking; they combine as independent evidence (noisy-or). Tuned on the
// labelled set in tests/fixtures/extraction (npm run bench:extract).
const WEIGHTS: Record<ReasonKind, number> = {
  money: 0.6,
  percentage: 0.6,
  number: 0.45,
  date_time: 0.2,
  named_entity: 0.15,
  attribution: 0.25,
  comparison: 0.35,
  causal: 0.35,
  change: 0.3,
};


const COMPARISON_WORDS = new Set(["than", "more", "less", "fewer", "most", "least", "record", "compared", "twice", "double", "doubled", "tripled", "halved", "half", "biggest", "largest", "smallest", "highest", "lowest", "first", "only", "worst", "best"]);
const CAUSAL_WORDS = new Set(["because", "caused", "causes", "cause", "due", "therefore", "consequently", "resulted", "blamed", "thanks"]);
const CHANGE_WORDS = new Set(["rose", "rise", "rises", "risen", "fell", "fall", "falls", "fallen", "increased", "decreased", "grew", "grown", "dropped", "declined", "cut", "raised", "lowered", "doubled", "reduced", "soared", "plunged", "awarded", "approved", "voted", "signed", "passed", "rejected", "closed", "opened", "won", "lost", "killed", "injured", "arrested", "charged", "fined", "banned"]);
const NUMBER_WORDS = new Set(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions"]);
const CURRENCY_SYMBOLS = new Set(["$", "€", "£", "¥"]);

function spanText(tokens: Token[]): string {
  return tokens.map((t) => t.value).join(" ").replace(/ ([,.%])/g, "$1").replace(/([$€£]) /g, "$1");
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

export function scoreSentence(sentence: Sentence): Score {
  const tokens = sentence.tokens;
  const reasons: Reason[] = [];
  const add = (kind: ReasonKind, evidence: string[]) => {
    const unique = [...new Set(evidence)].filter((e) => e.trim() !== "");
    if (unique.length > 0) reasons.push({ kind, evidence: unique.slice(0, 3).join(", ") });
  };

  add("money", runs(tokens, (t, i) => t.entity === "MONEY" || CURRENCY_SYMBOLS.has(t.value) || (i > 0 && CURRENCY_SYMBOLS.has(tokens[i - 1]!.value) && t.pos === "NUM")));
  add("percentage", runs(tokens, (t) => t.entity === "PERCENT"));
  const temporal = new Set(["DATE", "TIME"]);
  add("date_time", runs(tokens, (t) => temporal.has(t.entity)));
  // A number inside a date or an amount is already counted there; "18 months" counts as a number.
  const counted = new Set(["MONEY", "PERCENT", "DATE", "TIME"]);
  add("number", runs(tokens, (t) => !counted.has(t.entity) && (t.pos === "NUM" || t.entity === "CARDINAL" || NUMBER_WORDS.has(t.lower)) && /[0-9a-z]/i.test(t.value)));
  // A capitalized first word is not a name by itself; a run of proper nouns is.
  add("named_entity", runs(tokens, (t, i) => t.pos === "PROPN" && !temporal.has(t.entity) && (i > 0 || tokens[1]?.pos === "PROPN")));
  const attribution = tokens.filter((t, i) => isAttributionVerb(t) || (t.lower === "according" && tokens[i + 1]?.lower === "to"));
  add("attribution", attribution.map((t) => (t.lower === "according" ? "according to" : t.value)));
  add("comparison", tokens.filter((t) => COMPARISON_WORDS.has(t.lower) || (t.pos === "ADJ" && /[a-z]{3,}est$/.test(t.lower) && t.lower !== "interest")).map((t) => t.value));
  add("causal", tokens.filter((t, i) => CAUSAL_WORDS.has(t.lower) || (t.lower === "led" && tokens[i + 1]?.lower === "to") || (t.lower === "as" && tokens[i + 1]?.lower === "a" && tokens[i + 2]?.lower === "result")).map((t) => t.value));
  add("change", tokens.filter((t) => CHANGE_WORDS.has(t.lower)).map((t) => t.value));

  let keep = 1;
  for (const reason of reasons) keep *= 1 - WEIGHTS[reason.kind];
  let score = 1 - keep;
  const words = tokens.filter((t) => t.pos !== "PUNCT" && t.pos !== "SYM").length;
  // Questions, fragments and sentences without a verb assert little that can be checked.
  if (sentence.text.trimEnd().replace(/["”’)]+$/, "").endsWith("?")) score *= 0.35;
  if (words < 5) score *= 0.5;
  if (!tokens.some((t) => t.pos === "VERB" || t.pos === "AUX")) score *= 0.6;
  return { score: Math.round(score * 1000) / 1000, reasons };
}
