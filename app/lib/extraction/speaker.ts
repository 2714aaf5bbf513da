import { type Token, insideQuotes } from "./sentences";
import { interviewSpeakers, pressReleaseIssuer } from "./document-voice";
import {
  MentionRegistry,
  isDescriptorNoun,
  isDocumentNoun,
  isOrganisationName,
  isOrganisationWord,
  isPlaceName,
  isTitleWord,
  nameInPhrase,
} from "./names";

/** Verbs of saying: the check-worthiness features count these (features.ts). */
const ATTRIBUTION_VERBS = new Set(
  (
    "said says say told tells tell stated states announced announces claimed claims argued argues added adds warned warns insisted insists " +
    "acknowledged acknowledges wrote writes noted notes explained explains confirmed confirms denied denies estimated estimates alleged alleges " +
    "testified reported reports declared declares asserted asserts maintained maintains predicted predicts disclosed revealed admitted"
  ).split(" "),
);
/**
 * Verbs that attribute a statement or a finding to their subject, for the speaker:
 * "the inquiry found", "the emails show", "the party wants", "scientists caution".
 */
const REPORTING_VERBS = new Set([
  ...ATTRIBUTION_VERBS,
  ...(
    "found finds show shows showed promised promises want wants caution cautions cautioned dispute disputes disputed reject rejects rejected " +
    "concluded concludes described describes questioned pointed points recommends recommended cited cites projected projects welcomed welcomes " +
    "point accused accuses asked asks offered argue insist believe believes estimate acknowledge deny denied confirm announce " +
    "pledged pledges vowed vows responded replied contends contended countered conceded concedes complained complains advise advises advised recommend"
  ).split(" "),
]);
const PERSONAL_PRONOUNS = new Set(["he", "she", "they", "i", "we", "it"]);
const PHRASE_POS = new Set(["PROPN", "NOUN", "ADJ", "DET", "NUM", "PART"]);
const PHRASE_LINKS = new Set(["of", "for", "at", "with", "from", "familiar", "close", "to", "in", "on", "into", "about", "by", "&", "and"]);
/** Participles inside a description of a source: "an official briefed on the talks", "people involved in the deal". */
const SOURCE_PARTICIPLES = new Set([
  "briefed",
  "familiar",
  "involved",
  "close",
  "knowledgeable",
  "speaking",
  "granted",
  "informed",
  "prepared",
  "published",
]);
const STOP_VALUES = new Set([",", ".", ";", ":", '"', "“", "”", "'", "(", ")", "—", "–", "-", "‘", "’"]);
const CLAUSE_OPENERS = new Set(["who", "whose", "which", "where", "when", "whom", "that", "of", "in", "at", "from", "speaking", "citing"]);
const SKIPPED_BEFORE_VERB = new Set([
  "also",
  "later",
  "previously",
  "repeatedly",
  "publicly",
  "privately",
  "separately",
  "earlier",
  "again",
  "has",
  "have",
  "had",
  "did",
  "not",
  "n't",
  "would",
  "will",
  "could",
  "may",
  "might",
  "then",
  "now",
  "still",
  "already",
  "recently",
  "today",
  "yesterday",
  "once",
  "first",
  "initially",
]);
const MAX_PHRASE_TOKENS = 12;

export function isAttributionVerb(token: Token): boolean {
  return ATTRIBUTION_VERBS.has(token.lower);
}

export interface SpeakerMatch {
  /** The speaker phrase as written in the text, or null when only a pronoun names them. */
  speaker: string | null;
  pronoun: string | null;
  cue: string;
}

function collapse(tokens: Array<{ value: string; start: number }>): string {
  let out = "";
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const previous = tokens[i - 1];
    const glued = previous && (token.value === "'s" || token.value === "’s" || previous.start + previous.value.length === token.start);
    out += (i === 0 || glued ? "" : " ") + token.value;
  }
  return out;
}

const capitalized = (token: Token) => /^\p{Lu}/u.test(token.value);

const POSSESSIVES = new Set(["its", "their", "his", "her", "our"]);
const NOT_NAMES = new Set(["PRON", "SCONJ", "ADP", "CCONJ", "AUX"]);

function inPhrase(token: Token, index: number, phraseLength: number): boolean {
  if (STOP_VALUES.has(token.value)) return false;
  if (POSSESSIVES.has(token.lower)) return true;
  if (PHRASE_POS.has(token.pos) || (capitalized(token) && index > 0 && !NOT_NAMES.has(token.pos))) return true;
  if (SOURCE_PARTICIPLES.has(token.lower)) return true;
  return PHRASE_LINKS.has(token.lower) && phraseLength > 0;
}

/** The apostrophe of a plural possessive ("Landlords’ groups", "the Isles' parliament") joins the words around it. */
function pluralPossessive(tokens: Token[], i: number): boolean {
  const token = tokens[i]!;
  return /^['’]$/.test(token.value) && /s$/i.test(tokens[i - 1]?.value ?? "") && /^\p{L}/u.test(tokens[i + 1]?.value ?? "");
}

/** Noun phrase that ends at `end` (inclusive), read leftwards: "Councillor Tomas Reyes", "an official briefed on the talks". */
function phraseEndingAt(tokens: Token[], end: number): Token[] {
  const phrase: Token[] = [];
  for (let i = end; i >= 0 && phrase.length < MAX_PHRASE_TOKENS; i -= 1) {
    const token = tokens[i]!;
    if (!pluralPossessive(tokens, i) && !inPhrase(token, i === 0 && capitalized(token) ? 1 : i, phrase.length)) break;
    phrase.unshift(token);
  }
  while (phrase.length > 0 && (PHRASE_LINKS.has(phrase[0]!.lower) || phrase[0]!.pos === "PART")) phrase.shift();
  return phrase.some((t) => t.pos === "PROPN" || t.pos === "NOUN" || capitalized(t)) ? phrase : [];
}

/** Noun phrase that starts at `start`, read rightwards: "said a person familiar with the matter". */
function phraseStartingAt(tokens: Token[], start: number): Token[] {
  const phrase: Token[] = [];
  for (let i = start; i < tokens.length && phrase.length < MAX_PHRASE_TOKENS; i += 1) {
    const token = tokens[i]!;
    // "according to land registry figures": the tagger can read "land" or "market" as a verb.
    // "according to sources familiar with…": a noun at the start of the phrase, whatever the tagger says.
    const compound =
      token.pos === "VERB" && /^[a-z]/.test(token.value) && (i === start || ["NOUN", "PROPN"].includes(tokens[i + 1]?.pos ?? ""));
    if (!compound && !pluralPossessive(tokens, i) && !inPhrase(token, i === 0 ? 1 : i, phrase.length) && !PHRASE_LINKS.has(token.lower))
      break;
    phrase.push(token);
  }
  while (
    phrase.length > 0 &&
    (PHRASE_LINKS.has(phrase[phrase.length - 1]!.lower) ||
      (SOURCE_PARTICIPLES.has(phrase[phrase.length - 1]!.lower) && phrase.length === 1))
  )
    phrase.pop();
  return phrase.some((t) => t.pos === "PROPN" || t.pos === "NOUN" || capitalized(t)) ? phrase : [];
}

const BOUNDARY = new Set([",", ";", ":", '"', "“", "”", "—", "–", "(", "‘", "’"]);

/**
 * Whether a subject phrase starting at `start` opens a main clause: at the start of the
 * sentence (after an opening adverb), or after punctuation or "and"/"but". "than surveys
 * had predicted" and "after an auditor found" are not attributions.
 */
function opensClause(tokens: Token[], start: number): boolean {
  if (start === 0) return true;
  const before = tokens[start - 1]!;
  if (BOUNDARY.has(before.value) || before.pos === "CCONJ") return true;
  return start === 1 && (before.pos === "ADV" || before.pos === "INTJ");
}

function isClauseSegment(segment: Token[]): boolean {
  const opener = segment[0]!;
  return (
    CLAUSE_OPENERS.has(opener.lower) ||
    opener.pos === "NUM" ||
    opener.pos === "VERB" ||
    opener.pos === "ADP" ||
    opener.pos === "ADV" ||
    opener.pos === "SCONJ"
  );
}

const hasName = (segment: Token[], offset: number) => segment.some((t, i) => capitalized(t) && (offset + i > 0 || t.pos === "PROPN"));

/**
 * The subject before a reporting verb, past adverbs and auxiliaries ("has also said")
 * and past clauses between commas ("Reyes, who voted against the award, said"; "Colin
 * Haddow, 66, said"). Of the comma-separated phrases before the verb, one with a name
 * wins over a description: "The current transport minister, Petra Vallance, said" and
 * "Cllr Ian Foulds, cabinet member for highways, said" both give the person.
 */
function subjectBefore(tokens: Token[], verbIndex: number): { phrase: Token[]; pronoun: string | null } | null {
  let left = verbIndex - 1;
  while (left > 0 && (tokens[left]!.pos === "ADV" || SKIPPED_BEFORE_VERB.has(tokens[left]!.lower))) left -= 1;
  if (left < 0) return null;
  const before = tokens[left]!;
  if (PERSONAL_PRONOUNS.has(before.lower)) {
    if (!opensClause(tokens, left)) return null;
    // "Michael did not confirm it, but he said ...": the pronoun is the sentence's own named subject.
    const subject = phraseStartingAt(tokens, 0);
    if (left > 0 && subject.length > 0 && subject.some((t) => t.pos === "PROPN") && !["i", "we", "it", "they"].includes(before.lower)) {
      return { phrase: subject, pronoun: null };
    }
    return { phrase: [], pronoun: before.lower };
  }
  // "Mayor Varga rejected the criticism and said ...": the subject opens the sentence.
  if (before.pos === "CCONJ") {
    const subject = phraseStartingAt(tokens, 0);
    return subject.some((t) => t.pos === "PROPN" || capitalized(t)) ? { phrase: subject, pronoun: null } : null;
  }
  if (before.value !== ",") {
    const phrase = phraseEndingAt(tokens, left);
    if (phrase.length === 0) return null;
    const from = tokens.indexOf(phrase[0]!);
    // "Sean Parnell, chief Pentagon spokesperson wrote": a title after a name, the closing comma left out.
    if (
      tokens[from - 1]?.value === "," &&
      phrase.every((t) => !/^\p{Lu}/u.test(t.value) || t.pos === "PROPN") &&
      /^[a-z]/.test(phrase[0]!.value)
    ) {
      let k = from - 2;
      while (k >= 0 && !BOUNDARY.has(tokens[k]!.value)) k -= 1;
      const name = tokens.slice(k + 1, from - 1);
      if (name.length > 0 && name.every((t) => capitalized(t) || t.value === ".") && hasName(name, k + 1))
        return { phrase: name, pronoun: null };
    }
    return opensClause(tokens, from) ? { phrase, pronoun: null } : null;
  }
  // Comma-separated phrases before the verb, nearest first.
  const segments: Array<{ from: number; to: number }> = [];
  let comma = left;
  while (segments.length < 5 && tokens[comma]?.value === ",") {
    let k = comma - 1;
    while (k >= 0 && !BOUNDARY.has(tokens[k]!.value)) k -= 1;
    if (comma - 1 > k) segments.push({ from: k + 1, to: comma - 1 });
    comma = k;
  }
  const candidates = segments.filter((s) => !isClauseSegment(tokens.slice(s.from, s.to + 1)));
  // A name wins over a description ("Dr Anjali Rowe, a partner at Riverside, said"): descriptions open with an article.
  const description = (s: { from: number }) => tokens[s.from]!.pos === "DET" && !POSSESSIVES.has(tokens[s.from]!.lower);
  const pureName = (s: { from: number; to: number }) =>
    tokens.slice(s.from, s.to + 1).every((t) => capitalized(t) || t.value === "." || ["of", "and", "&"].includes(t.lower)) &&
    hasName(tokens.slice(s.from, s.to + 1), s.from);
  const named =
    candidates.find(pureName) ??
    candidates.find((s) => hasName(tokens.slice(s.from, s.to + 1), s.from) && !description(s)) ??
    candidates.find((s) => hasName(tokens.slice(s.from, s.to + 1), s.from)) ??
    candidates[0];
  if (!named) return null;
  const phrase = phraseEndingAt(tokens, named.to);
  return phrase.length > 0 && opensClause(tokens, tokens.indexOf(phrase[0]!)) ? { phrase, pronoun: null } : null;
}

/** Reporting verbs outside quotations, in order (a verb inside a quote is what the speaker says, not the attribution). */
function reportingVerbs(tokens: Token[], opensInQuotation: boolean): number[] {
  if (!tokens.some((t) => REPORTING_VERBS.has(t.lower))) return [];
  const quoted = insideQuotes(tokens, opensInQuotation);
  return tokens.flatMap((token, i) => {
    if (!REPORTING_VERBS.has(token.lower) || quoted[i]) return [];
    // "Open Door estimates that…", "Official figures show 8,240…": the tagger can read the verb as a noun.
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    const nounBefore = prev && (prev.pos === "NOUN" || prev.pos === "PROPN");
    if (
      token.pos === "NOUN" &&
      !(next && (next.lower === "that" || next.pos === "NUM" || next.pos === "DET")) &&
      !(nounBefore && next?.pos !== "NOUN")
    ) {
      return [];
    }
    // "would not say", "declined to say", "will show": nothing is attributed.
    const before = tokens.slice(Math.max(0, i - 3), i).map((t) => t.lower);
    if (before.some((w) => w === "not" || w === "n't" || w === "never" || w === "declined" || w === "refused")) return [];
    if (!ATTRIBUTION_VERBS.has(token.lower) && before.some((w) => w === "will" || w === "would" || w === "could" || w === "might"))
      return [];
    return [i];
  });
}

/**
 * Finds who a sentence attributes its content to, from the patterns newsrooms use:
 * "X said", "said X", "X, who ..., said", "X, title, said", "according to X", "X told
 * Y", "the inquiry found". `accept` can refuse a phrase (a credited outlet), and the
 * next attribution in the sentence is tried.
 */
export function findSpeaker(
  tokens: Token[],
  options: { accept?: (speaker: string) => boolean; opensInQuotation?: boolean } = {},
): SpeakerMatch | null {
  const accept = options.accept ?? (() => true);
  for (let i = 0; i < tokens.length - 2; i += 1) {
    if (tokens[i]!.lower === "according" && tokens[i + 1]!.lower === "to") {
      const phrase = phraseStartingAt(tokens, i + 2);
      if (phrase.length > 0 && accept(collapse(phrase))) return { speaker: collapse(phrase), pronoun: null, cue: "according to" };
    }
  }
  for (const verbIndex of reportingVerbs(tokens, options.opensInQuotation ?? false)) {
    const verb = tokens[verbIndex]!;
    const previous = tokens[verbIndex - 1];
    const inverted = (): SpeakerMatch | null => {
      const next = tokens[verbIndex + 1];
      if (next && PERSONAL_PRONOUNS.has(next.lower)) return { speaker: null, pronoun: next.lower, cue: verb.lower };
      const phrase = next && next.pos !== "ADP" ? phraseStartingAt(tokens, verbIndex + 1) : [];
      return phrase.length > 0 && accept(collapse(phrase)) ? { speaker: collapse(phrase), pronoun: null, cue: verb.lower } : null;
    };
    // Inverted order after a quotation: '"...," said Councillor Reyes.'
    if (!previous || (STOP_VALUES.has(previous.value) && previous.value !== ",")) {
      const match = inverted();
      if (match) return match;
    }
    const subject = subjectBefore(tokens, verbIndex);
    if (subject?.pronoun) return { speaker: null, pronoun: subject.pronoun, cue: verb.lower };
    if (subject && subject.phrase.length > 0 && accept(collapse(subject.phrase))) {
      return { speaker: collapse(subject.phrase), pronoun: null, cue: verb.lower };
    }
    // "The deadline stands, said Mr Okoro."
    if (previous?.value === "," && ATTRIBUTION_VERBS.has(verb.lower)) {
      const match = inverted();
      if (match) return match;
    }
  }
  return null;
}

/** Words of a phrase, with a possessive glued to its noun ("Tenora's data"). */
function phraseWords(phrase: string): string[] {
  return phrase
    .replace(/\s+(['’]s)\b/g, "$1")
    .split(/\s+/)
    .filter(Boolean);
}

const BUSINESS_NOUNS = new Set([
  "company",
  "firm",
  "group",
  "operator",
  "airline",
  "carrier",
  "business",
  "retailer",
  "chain",
  "maker",
  "producer",
  "bank",
  "insurer",
  "developer",
  "supplier",
  "contractor",
]);
const DEFINITE = /^(?:the|its|their|his|her)\s+(?:[a-z-]+\s+)?([a-z-]+)$/i;

/** Whether most of the sentence's words are inside quotation marks, or it opens with one. */
function isQuotation(tokens: Token[], opensInQuotation: boolean): boolean {
  const quoted = insideQuotes(tokens, opensInQuotation);
  const words = tokens.filter((t) => t.pos !== "PUNCT" && !/^["“”‘’']$/.test(t.value));
  if (words.length === 0) return false;
  const inside = tokens.filter((t, i) => quoted[i] && t.pos !== "PUNCT").length;
  return opensInQuotation || /^["“]/.test(tokens[0]?.value ?? "") || inside / words.length >= 0.5;
}

interface NamedRun {
  name: string;
  descriptors: string[];
  /** Whether the name comes before the sentence's first verb: the subject a later "she" refers to. */
  subject: boolean;
}

const isNameToken = (t: Token, at: number) =>
  /^\p{Lu}/u.test(t.value) && (t.pos === "PROPN" || (at > 0 && !NOT_NAMES.has(t.pos) && t.pos !== "DET" && t.pos !== "ADV"));

/** Names in capitals in the sentence ("Interior Minister Katrin Sollberg", "Halcyne Systems"), with the nouns around them that describe them. */
function namedRuns(tokens: Token[]): NamedRun[] {
  const found: NamedRun[] = [];
  const firstVerb = tokens.findIndex((t) => (t.pos === "VERB" || t.pos === "AUX") && /^[a-z]/.test(t.value));
  let i = 0;
  while (i < tokens.length) {
    // A word right after an opening quotation mark is at the start of a sentence too.
    const at = i > 0 && /^["“‘]$/.test(tokens[i - 1]!.value) ? 0 : i;
    if (!isNameToken(tokens[i]!, at) || /^(?:The|A|An)$/.test(tokens[i]!.value)) {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < tokens.length) {
      const t = tokens[end]!;
      const next = tokens[end + 1];
      if (isNameToken(t, end)) end += 1;
      else if (["of", "for", "&", "and"].includes(t.lower) && next && isNameToken(next, end + 1)) end += 1;
      // A plural possessive inside a name: "Brennmark Dairy Farmers' Union".
      else if (/^['’]$/.test(t.value) && next && isNameToken(next, end + 1) && /s$/.test(tokens[end - 1]!.value)) end += 1;
      else break;
    }
    const run = tokens.slice(i, end);
    const name = nameInPhrase(phraseWords(collapse(run))).join(" ");
    // The nouns before ("grid operator Tarsgrid") and after between commas ("Aerovane, Brennmark's largest airline,").
    const descriptors: string[] = [];
    for (let b = i - 1; b >= 0 && b >= i - 2 && tokens[b]!.pos === "NOUN"; b -= 1) descriptors.push(tokens[b]!.lower);
    if (tokens[end]?.value === ",") {
      let e = end + 1;
      while (e < tokens.length && tokens[e]!.value !== "," && tokens[e]!.value !== "." && e < end + 8) e += 1;
      const head = tokens
        .slice(end + 1, e)
        .filter((t) => t.pos === "NOUN")
        .pop();
      if (head) descriptors.push(head.lower);
    }
    const single = run.length === 1;
    if (name && !isTitleWord(name) && (!single || descriptors.length > 0 || isOrganisationWord(name))) {
      found.push({ name, descriptors, subject: firstVerb === -1 || i < firstVerb });
    }
    i = end;
  }
  return found;
}

/** A person's name: two to four capitalized words, not an organisation ("Katrin Sollberg", "Colin and Wendy Haddow"). */
function looksLikePersonName(name: string, registry: MentionRegistry): boolean {
  const words = name.split(" ");
  if (words.length === 1) return registry.isPerson(name);
  return words.length <= 5 && words.every((w) => /^\p{Lu}/u.test(w) || w === "and") && !isOrganisationName(words) && !isPlaceName(words);
}

/**
 * The speaker of each sentence of a document, in order, as a reviewer wants it named:
 * a person without their title ("Katrin Sollberg"), a surname or a short name expanded
 * to the full name met earlier ("Brede" → "Annika Brede"), "the agency" or "the
 * company" resolved to the organisation meant, a pronoun to the last speaker of that
 * kind, and a quotation that carries on from the sentence before to that sentence's
 * speaker. Outlets credited in a dateline are never speakers.
 */
export function resolveSpeakers(
  sentences: Array<{ tokens: Token[]; paragraph: number; text: string; opensInQuotation?: boolean }>,
  context: { outlets: string[] },
): Array<string | null> {
  const registry = new MentionRegistry();
  // Every name in the document, for a description that comes before its name ("their union said" … "the General Services Union").
  const whole = new MentionRegistry();
  const runsOf = sentences.map((sentence) => namedRuns(sentence.tokens));
  runsOf.forEach((runs, index) => {
    for (const run of runs) whole.add(run.name, index, run.descriptors);
  });
  const resolveDescription = (noun: string) => registry.resolveDescription(noun) ?? whole.resolveDescription(noun);
  const fullName = (name: string) => registry.fullName(name) ?? whole.fullName(name);
  const outlets = new Set(context.outlets.map((o) => o.toLowerCase()));
  const accept = (speaker: string) => !outlets.has(speaker.toLowerCase().replace(/^the\s+/, ""));
  let lastPerson: { speaker: string; paragraph: number; sentence: number } | null = null;
  let lastOrganisation: { speaker: string; paragraph: number } | null = null;
  let previous: { speaker: string | null; paragraph: number } | null = null;
  // Sources described rather than named ("two officials briefed on the talks", "a briefing paper prepared for …"), most recent last.
  const described: string[] = [];
  const backToDescribed = (speaker: string): string | null => {
    // "the official" → "one of the officials briefed on the talks"; "two of the people" → "two of the people familiar with …".
    const partOf = /^(one|two|three|some|several|all|both) of the (\S+)$/i.exec(speaker);
    const definite = /^the (\S+)$/i.exec(speaker);
    const noun = (partOf?.[2] ?? definite?.[1])?.toLowerCase();
    if (!noun) return null;
    const singular = noun.replace(/s$/, "");
    for (let i = described.length - 1; i >= 0; i -= 1) {
      const words = described[i]!.split(" ");
      const at = words.findIndex((w) => w.toLowerCase().replace(/s$/, "") === singular);
      if (at === -1) continue;
      const rest = words.slice(at + 1).join(" ");
      if (partOf) return `${partOf[1]} of the ${words[at]!.replace(/(?<!s)$/, "s")}${rest ? ` ${rest}` : ""}`;
      return /^(?:a|an|the)\s/i.test(described[i]!) || words.length > at + 1 ? described[i]! : null;
    }
    return null;
  };
  const personAt: Array<string | null> = [];
  const attributed: boolean[] = [];
  const speakers = sentences.map((sentence, index) => {
    personAt.push(lastPerson?.speaker ?? null);
    const runs = runsOf[index]!;
    for (const run of runs) registry.add(run.name, index, run.descriptors);
    // The person the sentence is about: the last person's name before its first verb ("Hollin Cross resident Joan Whitlock, 81, …").
    const subject = runs.filter((run) => run.subject && looksLikePersonName(run.name, registry)).pop();
    if (subject) lastPerson = { speaker: fullName(subject.name) ?? subject.name, paragraph: sentence.paragraph, sentence: index };
    // Live blogs: "Reader question: “…”", "Reader question from @kestrel_kat: “…”".
    const reader = /^Reader question(?:s)?(?: from (\S+?))?:/i.exec(sentence.text);
    const match = reader
      ? { speaker: reader[1] ?? "a reader", pronoun: null, cue: "question" }
      : findSpeaker(sentence.tokens, { accept, opensInQuotation: sentence.opensInQuotation ?? false });
    attributed.push(Boolean(match));
    let speaker: string | null = null;
    if (match?.speaker) {
      const words = nameInPhrase(phraseWords(match.speaker));
      speaker = words.join(" ");
      const definite = DEFINITE.exec(speaker);
      const opensSentence = sentence.tokens[0]?.value === words[0];
      const recentOrganisation = lastOrganisation && sentence.paragraph - lastOrganisation.paragraph <= 3 ? lastOrganisation.speaker : null;
      // "X's data", "the Finance Ministry's budget document", "Nimbra's product pages".
      const possessive = /^(.+?)['’]s\s+(?:[a-z-]+\s+)?(\S+)$/.exec(speaker);
      const earlier = backToDescribed(speaker);
      if (earlier) speaker = earlier;
      else if (possessive && !possessive[1]!.includes(" ") && /^\p{Lu}/u.test(possessive[1]!) && !isDocumentNoun(possessive[2]!)) {
        // "Holt’s office" → "Casimir Holt's office".
        const owner = fullName(possessive[1]!);
        if (owner) speaker = `${owner}'s ${possessive[2]}`;
      } else if (possessive && isDocumentNoun(possessive[2]!)) {
        // "The regulator's decision said" → the regulator; "Tenora's data show" → Tenora.
        const owner = possessive[1]!;
        const ownerDefinite = DEFINITE.exec(owner) ?? /^(?:the\s+)?([a-z-]+)$/i.exec(owner);
        speaker = (ownerDefinite && !/\p{Lu}/u.test(owner.slice(1)) ? resolveDescription(ownerDefinite[1]!) : null) ?? owner;
      } else if (definite && isDocumentNoun(definite[1]!) && recentOrganisation && !/\p{Lu}/u.test(speaker.slice(1))) {
        // "the report says", "according to its annual report", "the statement said": the organisation that published it.
        speaker = recentOrganisation;
      } else if (words.length === 1 && !/^\p{Lu}/u.test(speaker) && isDescriptorNoun(speaker)) {
        speaker = resolveDescription(speaker) ?? speaker;
      } else if (words.length === 1 && /^\p{Lu}/u.test(speaker)) {
        // "Brede" → "Annika Brede"; "Inspectors found" → the inspectorate; "Scientists caution" stays.
        speaker = fullName(speaker) ?? (opensSentence ? resolveDescription(speaker.toLowerCase()) : null) ?? speaker;
      } else if (definite && !/\p{Lu}/u.test(speaker.slice(1))) {
        // "Bluewater Ferries will raise fares…, the company said": the business named at the start of the same sentence.
        const opening = runs[0];
        const sameSentence =
          BUSINESS_NOUNS.has(definite[1]!.toLowerCase()) && opening && sentence.tokens[0]?.value === opening.name.split(" ")[0]
            ? opening.name
            : null;
        speaker = sameSentence ?? resolveDescription(definite[1]!) ?? speaker;
      }
    } else if (match?.pronoun) {
      const recent = (memory: { speaker: string; paragraph: number } | null) =>
        memory && sentence.paragraph - memory.paragraph <= 2 ? memory.speaker : null;
      if (match.pronoun === "he" || match.pronoun === "she") speaker = recent(lastPerson);
      else if (match.pronoun === "it") {
        const before = previous && sentence.paragraph - previous.paragraph <= 1 ? previous.speaker : null;
        speaker = before && !looksLikePersonName(before, registry) ? before : recent(lastOrganisation);
      } else if (match.pronoun === "they") speaker = previous && sentence.paragraph - previous.paragraph <= 1 ? previous.speaker : null;
    } else if (
      previous?.speaker &&
      sentence.paragraph - previous.paragraph <= 1 &&
      isQuotation(sentence.tokens, sentence.opensInQuotation ?? false)
    ) {
      speaker = previous.speaker;
    }
    if (speaker && /^(?:a|an|one|two|three|four|several|some)\s/i.test(speaker) && speaker.includes(" ")) {
      described.push(speaker);
      if (described.length > 20) described.shift();
    }
    if (speaker) {
      const memory = { speaker, paragraph: sentence.paragraph, sentence: index };
      // A one-word speaker is a person ("Michael said") unless the document has it as an organisation.
      const oneWordPerson = /^\p{Lu}\p{Ll}+$/u.test(speaker) && !isOrganisationWord(speaker) && !whole.isOrganisation(speaker);
      if (looksLikePersonName(speaker, registry) || oneWordPerson) lastPerson = memory;
      else if (/^\p{Lu}/u.test(speaker)) lastOrganisation = memory;
      if (/^\p{Lu}/u.test(speaker)) registry.add(speaker, index);
    }
    previous = { speaker, paragraph: sentence.paragraph };
    return speaker;
  });
  // A quotation of several sentences: the attribution in one of them ('"…. …," Reyes said.') is every sentence's.
  for (let start = 0; start < sentences.length;) {
    let end = start + 1;
    while (end < sentences.length && sentences[end]!.opensInQuotation) end += 1;
    const members = speakers.slice(start, end);
    const own = members.filter((_, k) => attributed[start + k]).find((speaker) => speaker !== null);
    if (end - start > 1 && own) for (let k = start; k < end; k += 1) if (!attributed[k]) speakers[k] = own;
    start = end;
  }
  // A transcript: every sentence of a turn is its speaker's.
  const lookup = { fullName, personBefore: (i: number) => personAt[i] ?? null };
  const turns = interviewSpeakers(sentences, lookup);
  if (turns) return speakers.map((speaker, i) => (turns[i] === undefined ? speaker : turns[i]!));
  // A press release: what it says in its own voice, its issuer says.
  const issuer = pressReleaseIssuer(
    sentences.map((sentence, i) => ({ ...sentence, firstName: i < 3 ? (runsOf[i]![0]?.name ?? null) : null })),
    (name) => isOrganisationName(name.replace(/['’]s\b/g, "").split(" ")),
  );
  return issuer ? speakers.map((speaker) => speaker ?? issuer) : speakers;
}
