import { type Token, insideQuotes } from "./sentences";

const ATTRIBUTION_VERBS = new Set([
  "said",
  "says",
  "say",
  "told",
  "tells",
  "tell",
  "stated",
  "states",
  "announced",
  "announces",
  "claimed",
  "claims",
  "argued",
  "argues",
  "added",
  "adds",
  "warned",
  "warns",
  "insisted",
  "insists",
  "acknowledged",
  "acknowledges",
  "wrote",
  "writes",
  "noted",
  "notes",
  "explained",
  "explains",
  "confirmed",
  "confirms",
  "denied",
  "denies",
  "estimated",
  "estimates",
  "alleged",
  "alleges",
  "testified",
  "reported",
  "reports",
  "declared",
  "declares",
  "asserted",
  "asserts",
  "maintained",
  "maintains",
  "predicted",
  "predicts",
  "disclosed",
  "revealed",
  "admitted",
]);
const PERSONAL_PRONOUNS = new Set(["he", "she", "they", "i", "we"]);
const PHRASE_POS = new Set(["PROPN", "NOUN", "ADJ", "DET", "NUM", "PART"]);
const PHRASE_LINKS = new Set(["of", "for", "at", "with", "from", "familiar", "close", "to", "in", "on"]);
const STOP_VALUES = new Set([",", ".", ";", ":", '"', "“", "”", "'", "(", ")", "—", "–", "-"]);
const MAX_PHRASE_TOKENS = 10;

export function isAttributionVerb(token: Token): boolean {
  return ATTRIBUTION_VERBS.has(token.lower);
}

export interface SpeakerMatch {
  /** The speaker as written in the text, or null when only a pronoun names them. */
  speaker: string | null;
  pronoun: string | null;
  cue: string;
}

function collapse(tokens: Token[]): string {
  let out = "";
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const previous = tokens[i - 1];
    const glued = previous && (token.value === "'s" || token.value === "’s" || previous.start + previous.value.length === token.start);
    out += (i === 0 || glued ? "" : " ") + token.value;
  }
  return out;
}

/** Noun phrase that ends at `end` (inclusive), read leftwards: "Councillor Tomas Reyes", "a spokesperson for the company". */
function phraseEndingAt(tokens: Token[], end: number): Token[] {
  const phrase: Token[] = [];
  for (let i = end; i >= 0 && phrase.length < MAX_PHRASE_TOKENS; i -= 1) {
    const token = tokens[i]!;
    if (STOP_VALUES.has(token.value)) break;
    if (PHRASE_POS.has(token.pos) || (PHRASE_LINKS.has(token.lower) && phrase.length > 0)) phrase.unshift(token);
    else break;
  }
  while (phrase.length > 0 && (PHRASE_LINKS.has(phrase[0]!.lower) || phrase[0]!.pos === "PART")) phrase.shift();
  return phrase.some((t) => t.pos === "PROPN" || t.pos === "NOUN") ? phrase : [];
}

/** Noun phrase that starts at `start`, read rightwards: "said a person familiar with the matter". */
function phraseStartingAt(tokens: Token[], start: number): Token[] {
  const phrase: Token[] = [];
  for (let i = start; i < tokens.length && phrase.length < MAX_PHRASE_TOKENS; i += 1) {
    const token = tokens[i]!;
    if (STOP_VALUES.has(token.value)) break;
    if (PHRASE_POS.has(token.pos) || PHRASE_LINKS.has(token.lower)) phrase.push(token);
    else break;
  }
  while (phrase.length > 0 && PHRASE_LINKS.has(phrase[phrase.length - 1]!.lower)) phrase.pop();
  return phrase.some((t) => t.pos === "PROPN" || t.pos === "NOUN") ? phrase : [];
}

/** The first attribution verb that is not inside a quotation ("were told" within a quote is not the attribution). */
function attributionVerbOutsideQuotes(tokens: Token[]): number {
  const quoted = insideQuotes(tokens);
  const verbs = tokens.map((token, i) => (isAttributionVerb(token) ? i : -1)).filter((i) => i !== -1);
  return verbs.find((i) => !quoted[i]) ?? verbs[0] ?? -1;
}

/**
 * Finds who a sentence attributes its content to, from the patterns newsrooms use:
 * "X said", "said X", "X, who ..., said", "according to X", "X told Y".
 */
export function findSpeaker(tokens: Token[]): SpeakerMatch | null {
  for (let i = 0; i < tokens.length - 2; i += 1) {
    if (tokens[i]!.lower === "according" && tokens[i + 1]!.lower === "to") {
      const phrase = phraseStartingAt(tokens, i + 2);
      if (phrase.length > 0) return { speaker: collapse(phrase), pronoun: null, cue: "according to" };
    }
  }
  const verbIndex = attributionVerbOutsideQuotes(tokens);
  if (verbIndex === -1) return null;
  const verb = tokens[verbIndex]!;
  let left = verbIndex - 1;
  // "He also said", "she later told": the adverb sits between speaker and verb.
  while (left > 0 && tokens[left]!.pos === "ADV") left -= 1;
  // "Reyes, who voted against the award, said": skip the clause between the commas.
  if (left >= 0 && tokens[left]!.value === ",") {
    for (let k = left - 1; k >= Math.max(0, left - 25); k -= 1) {
      if (tokens[k]!.value === ",") {
        const clauseWord = tokens[k + 1]?.lower;
        if (
          clauseWord === "who" ||
          clauseWord === "which" ||
          tokens[k + 1]?.pos === "DET" ||
          tokens[k + 1]?.pos === "ADJ" ||
          tokens[k + 1]?.pos === "NUM"
        )
          left = k - 1;
        break;
      }
    }
  }
  // "Mayor Varga rejected the criticism and said ...": the subject opens the sentence.
  if (left >= 0 && tokens[left]!.pos === "CCONJ") {
    const subject = phraseStartingAt(tokens, 0);
    if (subject.length > 0 && subject.some((t) => t.pos === "PROPN")) return { speaker: collapse(subject), pronoun: null, cue: verb.lower };
  }
  if (left >= 0) {
    const before = tokens[left]!;
    if (PERSONAL_PRONOUNS.has(before.lower)) {
      // "Michael did not confirm it, but he said ...": the pronoun is the sentence's own named subject.
      const subject = phraseStartingAt(tokens, 0);
      if (left > 0 && subject.length > 0 && subject.some((t) => t.pos === "PROPN") && before.lower !== "i" && before.lower !== "we") {
        return { speaker: collapse(subject), pronoun: null, cue: verb.lower };
      }
      return { speaker: null, pronoun: before.lower, cue: verb.lower };
    }
    const phrase = phraseEndingAt(tokens, left);
    if (phrase.length > 0) return { speaker: collapse(phrase), pronoun: null, cue: verb.lower };
  }
  // Inverted order after a quotation or a comma: '"...," said Councillor Reyes.'
  const previous = tokens[verbIndex - 1];
  if (!previous || STOP_VALUES.has(previous.value)) {
    const next = tokens[verbIndex + 1];
    if (next && PERSONAL_PRONOUNS.has(next.lower)) return { speaker: null, pronoun: next.lower, cue: verb.lower };
    const phrase = phraseStartingAt(tokens, verbIndex + 1);
    if (phrase.length > 0) return { speaker: collapse(phrase), pronoun: null, cue: verb.lower };
  }
  return null;
}
