import { type Token, insideQuotes, isSpace } from "./sentences";
import { startsUppercase } from "./letters";
import { interviewSpeakers, pressReleaseIssuer, turnLabel } from "./document-voice";
import { MONTHS, WEEKDAYS } from "./calendar";
import { type Pronoun, RecentPeople, pronounOfWords, pronounUsed } from "./people";
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
/** Participles that carry an attribution after the main clause: "…, saying only that …", "…, telling reporters …". */
const PARTICIPLES = new Set("saying telling adding arguing warning insisting noting claiming stating explaining".split(" "));
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
    "pledged pledges vowed vows responded replied contends contended countered conceded concedes complained complains advise advises advised recommend " +
    "counter contend concede complain respond responds reply replies allege warn insist add argue maintain " +
    "expects forecasts disagreed disagrees objected objects"
  ).split(" "),
  ...PARTICIPLES,
]);
/** Verbs that report an estimate when an organisation revises its own: "It lowered its estimate of growth", "has revised its figure". */
const REVISING_VERBS = new Set("lowered raised revised cut upgraded downgraded lowers raises revises cuts upgrades downgrades".split(" "));
const ESTIMATE_NOUNS = new Set(
  "estimate estimates figure figures forecast forecasts warning warnings guidance outlook projection projections".split(" "),
);
const CALLING_VERBS = new Set("calls called call branded brands dubbed dubs".split(" "));
const ISSUING_VERBS = new Set("read reads issued issues released releases put puts".split(" "));
const STATEMENT_NOUNS = new Set("statement statements message letter".split(" "));
/** "puts the cost at 96 billion", "put the figure at 214", "puts the saving closer to 40 million". */
const PUTTING_VERBS = new Set(["puts", "put", "putting"]);
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
  // "The returning officer there has told reporters", "the minister herself said".
  "there",
  "here",
  "himself",
  "herself",
  "itself",
  "themselves",
]);
const MAX_PHRASE_TOKENS = 12;

export function isAttributionVerb(token: Token): boolean {
  return ATTRIBUTION_VERBS.has(token.lower);
}

/** Any verb that can attribute a statement or a finding to its subject ("said", "found", "warned", "saying"). */
export function isReportingVerb(token: Token): boolean {
  return REPORTING_VERBS.has(token.lower);
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

const capitalized = (token: Token) => startsUppercase(token.value);

const POSSESSIVES = new Set(["its", "their", "his", "her", "our"]);
const DEMONSTRATIVES = new Set(["that", "this", "those", "these"]);
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

/** A hyphen inside a word the tokenizer split: "Firth-Adair", "Halden-based". */
function gluedHyphen(tokens: Token[], i: number): boolean {
  const token = tokens[i]!;
  const previous = tokens[i - 1];
  const next = tokens[i + 1];
  return (
    /^[-‐]$/.test(token.value) &&
    previous !== undefined &&
    next !== undefined &&
    previous.start + previous.value.length === token.start &&
    token.start + token.value.length === next.start
  );
}

/** Noun phrase that ends at `end` (inclusive), read leftwards: "Councillor Tomas Reyes", "an official briefed on the talks". */
function phraseEndingAt(tokens: Token[], end: number): Token[] {
  const phrase: Token[] = [];
  for (let i = end; i >= 0 && phrase.length < MAX_PHRASE_TOKENS; i -= 1) {
    const token = tokens[i]!;
    // "That person said", "Those officials said": the tagger can read the demonstrative as a pronoun.
    const demonstrative = DEMONSTRATIVES.has(token.lower) && phrase[0]?.pos === "NOUN";
    // "the returning officer", "the presiding judge": a participle between an article and its noun.
    const participle =
      token.pos === "VERB" && /^[a-z]+(?:ing|ed)$/.test(token.value) && phrase[0]?.pos === "NOUN" && tokens[i - 1]?.pos === "DET";
    if (
      !demonstrative &&
      !participle &&
      !pluralPossessive(tokens, i) &&
      !gluedHyphen(tokens, i) &&
      !inPhrase(token, i === 0 && capitalized(token) ? 1 : i, phrase.length)
    )
      break;
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
    // But after a name the verb is the sentence's: "Superintendent Devi Marchbank urged people …".
    const compound =
      token.pos === "VERB" &&
      /^[a-z]/.test(token.value) &&
      (i === start || (["NOUN", "PROPN"].includes(tokens[i + 1]?.pos ?? "") && !phrase.some((t) => t.pos === "PROPN")));
    // "by the council on Monday", "according to the agency in March": the date is not part of the source.
    if (phrase.length > 0 && PHRASE_LINKS.has(token.lower) && WHEN_WORDS.has(tokens[i + 1]?.lower ?? "")) break;
    // "a later inquiry by …": an adverb the tagger finds between an article and its noun.
    const modifier = token.pos === "ADV" && phrase[phrase.length - 1]?.pos === "DET" && ["NOUN", "ADJ"].includes(tokens[i + 1]?.pos ?? "");
    if (
      !compound &&
      !modifier &&
      !pluralPossessive(tokens, i) &&
      !gluedHyphen(tokens, i) &&
      !inPhrase(token, i === 0 ? 1 : i, phrase.length) &&
      !PHRASE_LINKS.has(token.lower)
    )
      break;
    phrase.push(token);
  }
  while (
    phrase.length > 0 &&
    (PHRASE_LINKS.has(phrase[phrase.length - 1]!.lower) ||
      (SOURCE_PARTICIPLES.has(phrase[phrase.length - 1]!.lower) && phrase.length === 1))
  )
    phrase.pop();
  // "according to records held by …": the first word is a noun, whatever the tagger says.
  const nounFirst = phrase[0]?.pos === "VERB" && /^[a-z]+s$/.test(phrase[0].value) && phrase.length === 1;
  return nounFirst || phrase.some((t) => t.pos === "PROPN" || t.pos === "NOUN" || capitalized(t)) ? phrase : [];
}

/** Verbs whose passive names who spoke: "first reported by the Herald", "announced by the council" (not "asked by a reporter"). */
const PASSIVE_REPORTS = new Set("reported announced disclosed revealed".split(" "));
const WHEN_WORDS = new Set([...WEEKDAYS, ...MONTHS, "last", "this", "earlier"]);
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
    // "Colin Haddow, 66, said" (an age), but not "Two senior officials, speaking …, said".
    (opener.pos === "NUM" && !segment.some((t, k) => k > 0 && t.pos === "NOUN" && !/^(?:years?|months?)$/.test(t.lower))) ||
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
  // "the Quenby Regional Transit Authority (QRTA) announced": the abbreviation in brackets is not the subject.
  if (tokens[left]!.value === ")" && left >= 3 && tokens[left - 2]?.value === "(") left -= 3;
  const before = tokens[left]!;
  if (PERSONAL_PRONOUNS.has(before.lower)) {
    // "… at Tully Point, where she says …".
    if (!opensClause(tokens, left) && !RELATIVE_OPENERS.has(tokens[left - 1]?.lower ?? "")) return null;
    // "Michael did not confirm it, but he said ...": the pronoun is the sentence's own named subject.
    const subject = phraseStartingAt(tokens, 0);
    if (
      tokens[left - 1]?.pos === "CCONJ" &&
      subject.length > 0 &&
      subject.some((t) => t.pos === "PROPN") &&
      !["i", "we", "it", "they"].includes(before.lower)
    ) {
      return { phrase: subject, pronoun: null };
    }
    return { phrase: [], pronoun: before.lower };
  }
  // "One of them said", "several of them said later".
  if (before.lower === "them" && tokens[left - 1]?.lower === "of" && QUANTIFIERS.test(tokens[left - 2]?.lower ?? "")) {
    return { phrase: tokens.slice(left - 2, left + 1), pronoun: null };
  }
  // "…, leader of Halden District Council, who said …": the person the relative clause is about.
  if (before.lower === "who" && tokens[left - 1]?.value === ",") return antecedentOfWho(tokens, left - 1);
  // "Statement just in from the Halvenport Bankers' Association, which says …": the organisation the clause is about.
  if (before.lower === "which" && tokens[left - 1]?.value === ",") {
    const phrase = phraseEndingAt(tokens, left - 2);
    const words = phrase.map((t) => t.value);
    return phrase.length > 0 &&
      hasName(phrase, tokens.indexOf(phrase[0]!)) &&
      capitalized(phrase[phrase.length - 1]!) &&
      !isPlaceName(words)
      ? { phrase, pronoun: null }
      : null;
  }
  // "Mayor Varga rejected the criticism and said ...": the subject opens the sentence ("She calls it … and says …": the pronoun).
  if (before.pos === "CCONJ") {
    if (PERSONAL_PRONOUNS.has(tokens[0]?.lower ?? "")) return { phrase: [], pronoun: tokens[0]!.lower };
    const subject = phraseStartingAt(tokens, 0);
    return subject.some((t) => t.pos === "PROPN" || capitalized(t)) ? { phrase: subject, pronoun: null } : null;
  }
  if (before.value !== ",") {
    const described = describedWithClause(tokens, left);
    if (described) return { phrase: described, pronoun: null };
    const phrase = phraseEndingAt(tokens, left);
    if (phrase.length === 0) return null;
    const from = tokens.indexOf(phrase[0]!);
    // "Sean Parnell, chief Pentagon spokesperson wrote": a title after a name, the closing comma left out.
    if (
      tokens[from - 1]?.value === "," &&
      phrase.every((t) => !startsUppercase(t.value) || t.pos === "PROPN") &&
      /^[a-z]/.test(phrase[0]!.value)
    ) {
      let k = from - 2;
      while (k >= 0 && !BOUNDARY.has(tokens[k]!.value)) k -= 1;
      const name = tokens.slice(k + 1, from - 1);
      if (name.length > 0 && name.every((t) => capitalized(t) || t.value === ".") && hasName(name, k + 1))
        return { phrase: name, pronoun: null };
    }
    // "a levy on bank profits, which Hollis says will raise 2.3 billion": the figure is the named speaker's.
    const relative = /^(?:which|what)$/.test(tokens[from - 1]?.lower ?? "") && tokens[from - 2]?.value === "," && hasName(phrase, from);
    return opensClause(tokens, from) || relative ? { phrase, pronoun: null } : null;
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
    tokens
      .slice(s.from, s.to + 1)
      .every((t, k) => capitalized(t) || t.value === "." || ["of", "and", "&"].includes(t.lower) || gluedHyphen(tokens, s.from + k)) &&
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

/** "A scientist at the institute who worked on the survey said": a description and its own relative clause, up to the verb. */
function describedWithClause(tokens: Token[], left: number): Token[] | null {
  for (let w = left - 1; w > 0 && w > left - 10; w -= 1) {
    const token = tokens[w]!;
    if (BOUNDARY.has(token.value)) return null;
    if (token.lower !== "who") continue;
    const description = phraseEndingAt(tokens, w - 1);
    if (description.length === 0 || !/^(?:a|an|one|two|three|four|several|some)$/i.test(description[0]!.lower)) return null;
    const from = tokens.indexOf(description[0]!);
    if (!opensClause(tokens, from)) return null;
    const clause = tokens.slice(w, left + 1);
    return ANONYMITY.test(collapse(clause).toLowerCase()) ? description : tokens.slice(from, left + 1);
  }
  return null;
}

/** What comes before "to" when a verb of saying has not happened: "plans to announce", "is expected to confirm". */
const NOT_YET = new Set(
  "plans plan planned planning expected due set likely wants want wanted hopes hope hoped intends intend intended going yet aims aim scheduled".split(
    " ",
  ),
);
/** Words that open a subordinate clause: an attribution inside one does not cover the sentence. */
const SUBORDINATORS = new Set("when after before since although though if because while until once unless whereas".split(" "));
const QUANTIFIERS = /^(?:one|two|three|four|five|some|several|many|all|both|most|none)$/;
const RELATIVE_OPENERS = new Set(["where", "when", "as", "while", "although", "though", "after"]);

/**
 * The person a ", who said" is about: the name that ends one of the comma-separated
 * phrases before it ("attended by President Oren Valdask, who said"; "Gideon Saltash,
 * leader of Halden District Council, who said"), or a description ("a spokesperson for
 * Carrow Rail, who said").
 */
function antecedentOfWho(tokens: Token[], comma: number): { phrase: Token[]; pronoun: null } | null {
  for (let n = 0; n < 4 && tokens[comma]?.value === ","; n += 1) {
    const end = comma - 1;
    let k = end;
    while (k >= 0 && (capitalized(tokens[k]!) || tokens[k]!.value === "." || gluedHyphen(tokens, k))) k -= 1;
    const run = tokens.slice(k + 1, end + 1);
    const words = run.map((t) => t.value);
    if (run.length > 0 && hasName(run, k + 1) && !isOrganisationName(words) && !isPlaceName(words)) {
      const linked = tokens[k]?.pos === "ADP" && tokens[k]!.lower !== "by";
      return { phrase: linked ? phraseEndingAt(tokens, end) : run, pronoun: null };
    }
    while (k >= 0 && !BOUNDARY.has(tokens[k]!.value)) k -= 1;
    comma = k;
  }
  return null;
}

/** Reporting verbs outside quotations, in order (a verb inside a quote is what the speaker says, not the attribution). */
/** "has lowered its estimate", "puts the cost at": an estimate reported as the subject's own. */
function reportsEstimate(tokens: Token[], i: number): boolean {
  const token = tokens[i]!;
  if (REVISING_VERBS.has(token.lower)) {
    const next = tokens[i + 1]?.lower ?? "";
    return (next === "its" || next === "their") && ESTIMATE_NOUNS.has(tokens[i + 2]?.lower ?? tokens[i + 3]?.lower ?? "");
  }
  if (!PUTTING_VERBS.has(token.lower) || tokens[i + 1]?.pos !== "DET") return false;
  for (let k = i + 2; k < Math.min(tokens.length, i + 8); k += 1) {
    if (tokens[k]!.lower === "at" || tokens[k]!.lower === "closer") return true;
    if (BOUNDARY.has(tokens[k]!.value)) return false;
  }
  return false;
}

/** "read a short statement", "issued a statement", "put out a message": the subject's words follow. */
function issuesStatement(tokens: Token[], i: number): boolean {
  if (!ISSUING_VERBS.has(tokens[i]!.lower)) return false;
  for (let k = i + 1; k < Math.min(tokens.length, i + 5); k += 1) {
    if (STATEMENT_NOUNS.has(tokens[k]!.lower)) return true;
    if (BOUNDARY.has(tokens[k]!.value)) return false;
  }
  return false;
}

/** "He calls the budget “a tax rise …”", "put it more bluntly: “…”": words of the subject, quoted after the verb. */
function namesInQuotes(tokens: Token[], i: number): boolean {
  const token = tokens[i]!;
  if (PUTTING_VERBS.has(token.lower) && tokens[i + 1]?.lower === "it") {
    const next = tokens[i + 2];
    return next !== undefined && (next.pos === "ADV" || next.value === ":" || next.lower === "this" || next.lower === "another");
  }
  if (!CALLING_VERBS.has(token.lower) || tokens[i + 1]?.lower === "for" || tokens[i - 1]?.pos === "DET") return false;
  // "calls the budget “…”", not "a man called “Big Jim”": an object between the verb and the quotation;
  // and not a name the place goes by ("Local children call it “the cathedral”": a short quotation after "it").
  const open = tokens.findIndex((t, k) => k > i + 1 && k < i + 8 && /^["“]$/.test(t.value));
  if (open === -1 || /^["“]$/.test(tokens[i + 1]?.value ?? "")) return false;
  const close = tokens.findIndex((t, k) => k > open && /^["”]$/.test(t.value));
  const words = tokens.slice(open + 1, close === -1 ? tokens.length : close).filter((t) => t.pos !== "PUNCT").length;
  return !(/^(?:it|them|him|her)$/.test(tokens[i + 1]?.lower ?? "") && words <= 3);
}

/** Every word a reporting verb can start from (reportingVerbs): a sentence with none of them attributes nothing by a verb. */
const VERB_CUES = new Set([...REPORTING_VERBS, ...REVISING_VERBS, ...PUTTING_VERBS, ...ISSUING_VERBS, ...CALLING_VERBS]);

function reportingVerbs(tokens: Token[], opensInQuotation: boolean): number[] {
  const reporting = (i: number) =>
    REPORTING_VERBS.has(tokens[i]!.lower) || reportsEstimate(tokens, i) || issuesStatement(tokens, i) || namesInQuotes(tokens, i);
  if (!tokens.some((t) => VERB_CUES.has(t.lower)) || !tokens.some((_, i) => reporting(i))) return [];
  const quoted = insideQuotes(tokens, opensInQuotation);
  const found: number[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    if (!reporting(i) || quoted[i]) continue;
    // "released a statement saying …": the verb is the release's, and so is the subject.
    if (PARTICIPLES.has(token.lower)) {
      const release = tokens.slice(Math.max(0, i - 5), i).findIndex((t) => /^(?:released|issued|published|posted)$/.test(t.lower));
      if (token.lower === "saying" && release !== -1) {
        found.push(Math.max(0, i - 5) + release);
        continue;
      }
      // "…declined to comment, saying only that …", "has ruled out a deal, telling the board …", "has posted … and saying …":
      // the participle is the main clause's, and so is its subject.
      const previous = tokens[i - 1];
      const joined = previous?.value === "," || previous?.lower === "and" || (previous?.lower === "only" && tokens[i - 2]?.value === ",");
      // "adding to concerns", "adding 0.4 points": not a word said.
      if (!joined || (token.lower === "adding" && (tokens[i + 1]?.lower === "to" || tokens[i + 1]?.pos === "NUM"))) continue;
      const main = tokens.findIndex((t, k) => k < i && !quoted[k] && (t.pos === "VERB" || t.pos === "AUX") && /^[a-z]/.test(t.value));
      if (main !== -1) found.push(main);
      continue;
    }
    // "Open Door estimates that…", "Official figures show 8,240…": the tagger can read the verb as a noun.
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    const nounBefore = prev && (prev.pos === "NOUN" || prev.pos === "PROPN");
    // "Our correspondent Tomas Reyne, at the harbour, reports waves breaking …".
    const afterSubject =
      prev && (prev.value === "," || prev.pos === "PROPN") && /s$/.test(token.lower) && ATTRIBUTION_VERBS.has(token.lower);
    if (
      token.pos === "NOUN" &&
      !afterSubject &&
      !(next && (next.lower === "that" || next.pos === "NUM" || next.pos === "DET")) &&
      !(nounBefore && next?.pos !== "NOUN")
    ) {
      continue;
    }
    // "would not say", "declined to say", "will show": nothing is attributed.
    // Only the words of the verb's own clause: in "because the plan is not public, said …" the "not" is another verb's.
    const own = tokens.slice(Math.max(0, i - 3), i);
    const comma = own.map((t) => BOUNDARY.has(t.value)).lastIndexOf(true);
    const before = own.slice(comma + 1).map((t) => t.lower);
    if (before.some((w) => w === "not" || w === "n't" || w === "never" || w === "declined" || w === "refused")) continue;
    // "plans to announce a third customer", "is expected to say": not said yet.
    if (tokens[i - 1]?.lower === "to" && NOT_YET.has(tokens[i - 2]?.lower ?? "")) continue;
    if (!ATTRIBUTION_VERBS.has(token.lower) && before.some((w) => w === "will" || w === "would" || w === "could" || w === "might"))
      continue;
    found.push(i);
  }
  return found;
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
  let seenBy: SpeakerMatch | null = null;
  for (let i = 0; i < tokens.length - 2; i += 1) {
    if (tokens[i]!.lower === "according" && tokens[i + 1]!.lower === "to") {
      const phrase = sourcePhrase(tokens, phraseStartingAt(tokens, i + 2));
      if (phrase === "seen") {
        // "according to a briefing paper seen by the Review": the outlet saw it; who wrote it is the sentence's other attribution.
        seenBy = { speaker: collapse(phraseStartingAt(tokens, i + 2)), pronoun: null, cue: "according to" };
        continue;
      }
      if (phrase.length > 0 && accept(collapse(phrase))) return { speaker: collapse(phrase), pronoun: null, cue: "according to" };
    }
    // Live blogs: "We're hearing from two sources in the party that …".
    if (tokens[i]!.lower === "hearing" && tokens[i + 1]!.lower === "from") {
      const phrase = sourcePhrase(tokens, phraseStartingAt(tokens, i + 2));
      if (phrase !== "seen" && phrase.length > 0 && accept(collapse(phrase)))
        return { speaker: collapse(phrase), pronoun: null, cue: "hearing" };
    }
  }
  // "Coastgrid's latest figure is 41,500", "The ministry's own estimate was lower": the owner's number.
  const owner = estimateOwner(tokens);
  if (owner && accept(owner)) return { speaker: owner, pronoun: null, cue: "estimate" };
  for (const verbIndex of trailingFirst(tokens, reportingVerbs(tokens, options.opensInQuotation ?? false))) {
    const verb = tokens[verbIndex]!;
    const previous = tokens[verbIndex - 1];
    const inverted = (): SpeakerMatch | null => {
      const next = tokens[verbIndex + 1];
      if (next && PERSONAL_PRONOUNS.has(next.lower)) return { speaker: null, pronoun: next.lower, cue: verb.lower };
      const raw = next && next.pos !== "ADP" ? phraseStartingAt(tokens, verbIndex + 1) : [];
      // "said cases had doubled", "said the deal was off": the subject of what was said, not who said it.
      const after = tokens[verbIndex + 1 + raw.length];
      if (after && (after.pos === "AUX" || after.pos === "VERB") && /^[a-z]/.test(after.value)) return null;
      const found = raw.length > 0 ? sourcePhrase(tokens, raw) : [];
      const phrase = found === "seen" ? [] : found;
      return phrase.length > 0 && accept(collapse(phrase)) ? { speaker: collapse(phrase), pronoun: null, cue: verb.lower } : null;
    };
    // The passive: "The closure was announced by the council", "first reported by the Herald": the agent speaks.
    if (tokens[verbIndex + 1]?.lower === "by" && PASSIVE_REPORTS.has(verb.lower)) {
      const agent = phraseStartingAt(tokens, verbIndex + 2);
      if (agent.length > 0 && accept(collapse(agent))) return { speaker: collapse(agent), pronoun: null, cue: verb.lower };
      continue;
    }
    // Inverted order after a quotation: '"...," said Councillor Reyes.' (not after an abbreviation in brackets: "the Agency (WHO) said").
    if (!previous || (STOP_VALUES.has(previous.value) && previous.value !== "," && previous.value !== ")")) {
      const match = inverted();
      if (match) return match;
    }
    const subject = subjectBefore(tokens, verbIndex);
    // "When Skylark Air and Corvair announced their plan, the two carriers controlled …": the main clause is the outlet's.
    if (
      subject &&
      SUBORDINATORS.has(tokens[subject.phrase.length > 0 ? tokens.indexOf(subject.phrase[0]!) : Math.max(0, verbIndex - 2)]!.lower)
    )
      continue;
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
  return seenBy;
}

/** The owner of an estimate that opens the sentence with "is" or "was": "Coastgrid's latest figure is 41,500". */
function estimateOwner(tokens: Token[]): string | null {
  const mark = tokens.findIndex((t) => t.value === "'s" || t.value === "’s");
  if (mark < 1 || mark > 4) return null;
  let k = mark + 1;
  while (k < tokens.length && k < mark + 3 && tokens[k]!.pos === "ADJ") k += 1;
  if (!ESTIMATE_NOUNS.has(tokens[k]?.lower ?? "") || !/^(?:is|was|are|were|stands)$/.test(tokens[k + 1]?.lower ?? "")) return null;
  const owner = tokens.slice(0, mark);
  if (!owner.some((t) => capitalized(t) && (t.pos === "PROPN" || t !== tokens[0]))) return null;
  return collapse(owner);
}

/**
 * The verbs in the order to try them, an attribution that closes the sentence first:
 * in "Halcyne has asked officials to agree to limits, sources said." the sources speak.
 */
function trailingFirst(tokens: Token[], verbs: number[]): number[] {
  if (verbs.length < 2) return verbs;
  const last = verbs[verbs.length - 1]!;
  if (!ATTRIBUTION_VERBS.has(tokens[last]!.lower)) return verbs;
  let end = tokens.length;
  while (end > 0 && STOP_VALUES.has(tokens[end - 1]!.value)) end -= 1;
  const closing = tokens.slice(last + 1, end);
  const comma = tokens.lastIndexOf(
    tokens
      .slice(0, last)
      .filter((t) => t.value === ",")
      .pop()!,
  );
  const subject = tokens.slice(comma + 1, last);
  const short = closing.length <= 8 && subject.length <= 8 && comma > 0;
  return short && !subject.some((t) => t.pos === "VERB") ? [last, ...verbs.slice(0, -1)] : verbs;
}

const ANONYMITY =
  /^who (?:spoke|speak|asked|requested|declined|was not|were not|is not|are not|did not|does not|do not|could not|cannot|insisted|would only|agreed)\b/;
const DOCUMENT_AUTHORS = new Set(["by", "from"]);
/** Written sources that have an author besides the documents an organisation publishes: "a later inquiry by the National Audit Board". */
const WRITTEN_SOURCES = new Set("inquiry investigation poll register minutes briefing memo filing records count tally".split(" "));
const SEEN = new Set(["seen", "obtained", "reviewed", "viewed", "shared"]);

/**
 * The source a phrase after "according to" names, past what the phrase hangs on it:
 * a name in apposition ("its organiser, retired teacher Frank Aldous"), who issued a
 * document ("a legal note sent … by the prosecution service", "the judgment published
 * on the court's website"), or a description's own relative clause ("a lawyer who has
 * advised on mining deals"; not "who spoke on condition of anonymity"). "seen" when the
 * document is one the outlet was shown.
 */
function sourcePhrase(tokens: Token[], phrase: Token[]): Token[] | "seen" {
  if (phrase.length === 0) return phrase;
  const start = tokens.indexOf(phrase[0]!);
  const after = start + phrase.length;
  // "its organiser, retired teacher Frank Aldous": a description's name; "Dr Paolo Sandberg, Group Chief Executive" keeps the name.
  const named = phrase.some((t) => t.pos === "PROPN" && capitalized(t) && !isTitleWord(t.value.replace(/\.$/, "")));
  const appositive = named ? null : nameInApposition(tokens, after);
  if (appositive && !appositive.every((t) => isTitleWord(t.value) || !capitalized(t))) return appositive;
  const head = phrase.find((t, k) => (t.pos === "NOUN" || k === 0) && (isDocumentNoun(t.lower) || WRITTEN_SOURCES.has(t.lower)));
  if (head) {
    for (let k = start + 1; k < Math.min(tokens.length - 1, after + 10); k += 1) {
      const token = tokens[k]!;
      if (token.value === "." || token.value === ";") break;
      if (SEEN.has(token.lower) && tokens[k + 1]?.lower === "by") return "seen";
      if (DOCUMENT_AUTHORS.has(token.lower) && k > start + 1 && tokens[k - 1]!.pos !== "NUM") {
        const author = phraseStartingAt(tokens, k + 1);
        if (author.length > 0 && !author.some((t) => isDocumentNoun(t.lower))) return author;
      }
      // "published on the court's website": the website's owner.
      if ((token.value === "'s" || token.value === "’s") && /^(?:website|site|page|account)$/.test(tokens[k + 1]?.lower ?? "")) {
        let from = k - 1;
        while (from > start && tokens[from - 1]!.pos !== "ADP" && !BOUNDARY.has(tokens[from - 1]!.value)) from -= 1;
        if (from < k) return tokens.slice(from, k);
      }
    }
  }
  if (tokens[after]?.lower === "who" && /^(?:a|an|one|two|three|four|several|some)$/i.test(phrase[0]!.lower)) {
    let end = after;
    while (end < tokens.length && !BOUNDARY.has(tokens[end]!.value) && tokens[end]!.value !== ".") end += 1;
    const clause = tokens.slice(after, end);
    if (!ANONYMITY.test(collapse(clause).toLowerCase())) return [...phrase, ...clause];
  }
  return phrase;
}

/** ", retired teacher Frank Aldous." or ", Harsk Energia." after a description: the name it gives. */
function nameInApposition(tokens: Token[], comma: number): Token[] | null {
  if (tokens[comma]?.value !== ",") return null;
  let end = comma + 1;
  while (end < tokens.length && !BOUNDARY.has(tokens[end]!.value) && tokens[end]!.value !== ".") end += 1;
  const segment = tokens.slice(comma + 1, end);
  if (segment.length === 0 || segment.length > 7 || !capitalized(segment[segment.length - 1]!)) return null;
  if (segment.some((t) => t.pos === "VERB" || t.pos === "AUX" || t.pos === "ADP" || t.pos === "NUM")) return null;
  const closes = end >= tokens.length || tokens[end]!.value === "." || tokens[end]!.value === ",";
  return closes && segment.some((t) => t.pos === "PROPN") ? segment : null;
}

/** Words of a phrase, with a possessive glued to its noun ("Tenora's data"). */
function phraseWords(phrase: string): string[] {
  // Most phrases are words joined by single spaces with no spaced possessive: split them as they are.
  if (!phrase.includes(" 's") && !phrase.includes(" ’s")) {
    let plain = true;
    for (let i = 0; i < phrase.length && plain; i += 1) {
      const code = phrase.charCodeAt(i);
      if (code !== 32 && isSpace(code)) plain = false;
    }
    if (plain) return phrase.split(" ").filter(Boolean);
  }
  return phrase
    .replace(/\s+(['’]s)\b/g, "$1")
    .split(/\s+/)
    .filter(Boolean);
}

/** Words that end the head of a source's description: "a senior official | in the ministry", "two people | briefed on the talks". */
const DESCRIPTION_LINKS = new Set(
  "in at of for from with on to by familiar close briefed involved knowledgeable speaking who whose granted informed".split(" "),
);
/** Titles a person is later called by another word: "Mr Justice Harcourt" is "the judge". */
const ROLE_SYNONYMS: Record<string, string[]> = {
  judge: ["justice", "magistrate", "recorder"],
  officer: ["constable", "inspector", "sergeant"],
};
/**
 * "its annual report", "the statement", "the latest report": a document of whoever spoke last; "the budget document"
 * names a document of its own kind, whoever wrote it.
 */
const ownDocument = (phrase: string) => {
  const words = phrase.toLowerCase().split(" ");
  return words.length === 2 || words[0] !== "the" || DOCUMENT_MODIFIERS.has(words[1]!);
};
const DOCUMENT_MODIFIERS = new Set(
  "annual latest new final full interim original own published written official brief short same".split(" "),
);
const SPOKESPERSON_FOR = /^(?:a|an|the)\s+(?:spokesperson|spokeswoman|spokesman|representative)\s+(?:for|of|at)\s+(\p{Lu}.+)$/iu;
const SPOKESPERSON = /^(?:a|an)\s+(?:spokesperson|spokeswoman|spokesman|representative)$/i;
const plural = (noun: string) => (/(?:s|people)$/i.test(noun) ? noun : `${noun}s`);

/** Public bodies: "the company" never refers back to one. */
const PUBLIC_BODY =
  /\b(?:ministry|department|council|court|government|police|committee|commission|parliament|senate|office|agency|authority|inspectorate|tribunal|army|navy|bureau|directorate)\b/i;

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
  "operator",
  "utility",
  "lender",
  "miner",
  "manufacturer",
  "provider",
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
  /** What a relative clause after the name says it is: "X, who …" a person, "X, which …" an organisation. */
  kind: "person" | "organisation" | null;
  /** A single word with nothing said about it ("Mursi's speech"): a mention of someone already met, never a new name. */
  bare: boolean;
  /** The pronoun its title or the noun before it implies: "Mrs Fairclough", "his wife Wendy". */
  pronoun: Pronoun | null;
  /** "his wife Wendy": a first name whose family name is that of the person "his" refers to. */
  familyOf: Pronoun | null;
  /** Token indices of the run in the sentence, end exclusive. */
  start: number;
  end: number;
}

const CREDIT_LINE =
  /^(?:Photo|Photograph|Picture|Image|Video|Credit|Graphic|By|Reporting by|Additional reporting|Editing by|Written by|Writing by)\b/i;
const RELATIVES = new Set("wife husband son daughter brother sister mother father partner widow widower".split(" "));
const FAMILY_OF: Record<string, Pronoun> = { his: "he", her: "she" };

const WEEKDAY_NAMES = new Set(WEEKDAYS);
/** A word of a name: capitalized, and not a weekday ("said Thursday Halcyne will …"). */
const isNameToken = (t: Token, at: number) =>
  startsUppercase(t.value) &&
  !WEEKDAY_NAMES.has(t.lower) &&
  (t.pos === "PROPN" || (at > 0 && !NOT_NAMES.has(t.pos) && t.pos !== "DET" && t.pos !== "ADV"));

const OPENING_QUOTES = new Set(['"', "“", "‘"]);
/** Words inside a name: "Bank of Lustrava", "Fenner & Kray". */
const NAME_LINKS = new Set(["of", "for", "&", "and"]);

/** Names in capitals in the sentence ("Interior Minister Katrin Sollberg", "Halcyne Systems"), with the nouns around them that describe them. */
function namedRuns(tokens: Token[]): NamedRun[] {
  const found: NamedRun[] = [];
  const firstVerb = tokens.findIndex((t) => (t.pos === "VERB" || t.pos === "AUX") && /^[a-z]/.test(t.value));
  let i = 0;
  while (i < tokens.length) {
    // A word right after an opening quotation mark is at the start of a sentence too.
    const at = i > 0 && OPENING_QUOTES.has(tokens[i - 1]!.value) ? 0 : i;
    if (!isNameToken(tokens[i]!, at) || /^(?:The|A|An)$/.test(tokens[i]!.value)) {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < tokens.length) {
      const t = tokens[end]!;
      const next = tokens[end + 1];
      if (isNameToken(t, end)) end += 1;
      else if (gluedHyphen(tokens, end) && next && isNameToken(next, end + 1)) end += 1;
      else if (NAME_LINKS.has(t.lower) && next && isNameToken(next, end + 1)) end += 1;
      // A plural possessive inside a name: "Brennmark Dairy Farmers' Union".
      else if (/^['’]$/.test(t.value) && next && isNameToken(next, end + 1) && /s$/.test(tokens[end - 1]!.value)) end += 1;
      else break;
    }
    const run = tokens.slice(i, end);
    const name = nameInPhrase(phraseWords(collapse(run))).join(" ");
    // The nouns before ("grid operator Tarsgrid") and after between commas ("Aerovane, Brennmark's largest airline,").
    const descriptors: string[] = [];
    for (let b = i - 1; b >= 0 && b >= i - 2 && tokens[b]!.pos === "NOUN"; b -= 1) descriptors.push(tokens[b]!.lower);
    // "X, who …" is a person and "X, which …" an organisation, whatever the nouns in the clause ("Teodor Brask, who chairs the committee").
    let kind: NamedRun["kind"] = null;
    if (tokens[end]?.value === ",") {
      const opener = tokens[end + 1]?.lower;
      if (opener === "who") kind = "person";
      else if (opener === "which") kind = "organisation";
      else {
        let e = end + 1;
        while (e < tokens.length && tokens[e]!.value !== "," && tokens[e]!.value !== "." && e < end + 8) e += 1;
        // The head of the apposition is its first noun before a preposition: "chair of the committee" is a chair.
        // "Irina Vasko, accused aluminium producer Velmont of …" is a clause, not an apposition.
        const appositive = tokens.slice(end + 1, e);
        const adposition = appositive.findIndex((t) => t.pos === "ADP");
        const clause = appositive.some((t) => t.pos === "VERB" || t.pos === "AUX");
        const head = clause
          ? undefined
          : (adposition === -1 ? appositive : appositive.slice(0, adposition)).filter((t) => t.pos === "NOUN").pop();
        if (head) descriptors.push(head.lower);
      }
    }
    const pronoun = pronounOfWords([...tokens.slice(Math.max(0, i - 2), i), ...run].map((t) => t.value));
    // "his wife Wendy", "resident Joan Whitlock": someone described as a person is one.
    if (
      pronoun ||
      descriptors.some((d) => isTitleWord(d)) ||
      (run.length > name.split(" ").length && run.slice(0, run.length - name.split(" ").length).some((t) => isTitleWord(t.value)))
    )
      kind ??= "person";
    const bare = run.length === 1 && descriptors.length === 0 && kind === null && !isOrganisationWord(name);
    // Titles inside a person's run ("Defence Minister Rasmus Ekholt") are what "the minister" later means.
    if (kind === "person" && !isOrganisationName(name.split(" ")))
      for (const t of run.slice(0, -1)) if (isTitleWord(t.value) && !/s$/i.test(t.value)) descriptors.push(t.lower.replace(/\.$/, ""));
    const family = run.length === 1 && RELATIVES.has(tokens[i - 1]?.lower ?? "") ? (FAMILY_OF[tokens[i - 2]?.lower ?? ""] ?? null) : null;
    if (name && !isTitleWord(name))
      found.push({ name, descriptors, subject: firstVerb === -1 || i < firstVerb, kind, bare, pronoun, familyOf: family, start: i, end });
    i = end;
  }
  return found;
}

/** A person's name: two to four capitalized words, not an organisation ("Katrin Sollberg", "Colin and Wendy Haddow"). */
function looksLikePersonName(name: string, registry: MentionRegistry): boolean {
  const words = name.split(" ");
  if (words.length === 1) return registry.isPerson(name);
  // "Colin and Wendy Haddow" is a couple; "Pinecrest and Wexley" two names of anything.
  const and = words.indexOf("and");
  if (and !== -1 && words.length - and - 1 < 2) return false;
  return words.length <= 5 && words.every((w) => startsUppercase(w) || w === "and") && !isOrganisationName(words) && !isPlaceName(words);
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
  return speakersAndTraces(sentences, { ...context, collect: false }).speakers;
}

/** A name in a sentence as the rules read it: what the learned speaker model (speaker-candidates.ts) takes its candidates from. */
export interface TracedName {
  /** The name as the document gives it in full ("Brede" → "Annika Brede" when met before). */
  name: string;
  /** The name as written in this sentence, titles dropped. */
  written: string;
  start: number;
  end: number;
  /** Before the sentence's first verb. */
  subject: boolean;
  person: boolean;
  organisation: boolean;
}

/** What the rules found in one sentence, beside their answer. */
export interface SpeakerTrace {
  /** The rules' speaker, as resolveSpeakers gives it. */
  rules: string | null;
  /** The sentence's own attribution as the rules resolved it, before quotations, transcripts and press releases. */
  own: string | null;
  /** The attribution pattern found, if any: the phrase as written and the verb or cue. */
  match: SpeakerMatch | null;
  /** The speaker a quotation of several sentences gave this sentence, if any. */
  quotation: string | null;
  /** The person of the transcript turn, when the document is a transcript and the sentence is in a turn. */
  turn: string | null | undefined;
  /** The turn label the sentence opens with ("Q", "MINISTER ARKWRIGHT"), if any. */
  turnLabel: string | null;
  /** The issuer, when the document reads like a press release. */
  issuer: string | null;
  /** The person last named before this sentence. */
  lastPerson: string | null;
  names: TracedName[];
}

/** resolveSpeakers, with what the rules saw in each sentence. */
export function traceSpeakers(
  sentences: Array<{ tokens: Token[]; paragraph: number; text: string; opensInQuotation?: boolean }>,
  context: { outlets: string[] },
): { speakers: Array<string | null>; traces: SpeakerTrace[] } {
  return speakersAndTraces(sentences, { ...context, collect: true });
}

/** collect: false skips what only the traces need (the names' readings), so the rules alone cost what they did before traces. */
function speakersAndTraces(
  sentences: Array<{ tokens: Token[]; paragraph: number; text: string; opensInQuotation?: boolean }>,
  context: { outlets: string[]; collect: boolean },
): { speakers: Array<string | null>; traces: SpeakerTrace[] } {
  const registry = new MentionRegistry();
  // Every name in the document, for a description that comes before its name ("their union said" … "the General Services Union").
  const whole = new MentionRegistry();
  const runsOf = sentences.map((sentence) => namedRuns(sentence.tokens));
  runsOf.forEach((runs, index) => {
    for (const run of runs) if (!run.bare) whole.add(run.name, index, run.descriptors, run.kind);
  });
  const resolveDescription = (noun: string) => registry.resolveDescription(noun) ?? whole.resolveDescription(noun);
  const fullName = (name: string) => registry.fullName(name) ?? whole.fullName(name);
  const outlets = new Set(context.outlets.map((o) => o.toLowerCase()));
  const accept = (speaker: string) => !outlets.has(speaker.toLowerCase().replace(/^the\s+/, ""));
  const people = new RecentPeople();
  let lastOrganisation: { speaker: string; paragraph: number } | null = null;
  let previous: { speaker: string | null; paragraph: number } | null = null;
  // Sources described rather than named ("two officials briefed on the talks", "a briefing paper prepared for …"), most recent last.
  const described: string[] = [];
  const backToDescribed = (speaker: string): string | null => {
    // "the official" → "one of the officials briefed on the talks"; "two of the people" → "two of the people familiar with …".
    // "One of them said", "Two of them said", "One said": part of the group last described.
    const ofThem = /^(one|two|three|some|several|all|both)(?: of them)?$/i.exec(speaker);
    if (ofThem) {
      const group = [...described].reverse().find((d) => /^(?:two|three|four|five|several|some|many)\s/i.test(d));
      return group ? `${ofThem[1]!.toLowerCase()} of the ${group.split(" ").slice(1).join(" ")}` : null;
    }
    // "the senior Pentagon official" after "a senior Pentagon official briefed on …": the same description, now definite.
    const repeated = /^the\s+(.+\s.+)$/i.exec(speaker)?.[1]?.toLowerCase();
    if (repeated) {
      const same = [...described].reverse().find((d) => {
        const rest = /^(?:a|an|one)\s+(.+)$/i.exec(d)?.[1]?.toLowerCase() ?? "";
        return rest === repeated || rest.startsWith(`${repeated} `);
      });
      if (same) return same;
    }
    const partOf = /^(one|two|three|some|several|all|both) of the (\S+)$/i.exec(speaker);
    // "the official", "the same people", "the two people", "that person", "those officials".
    const definite = /^(?:the|that|this|those|these)(?: same| other)?(?: (two|three|four|five|six))? (\S+)$/i.exec(speaker);
    const noun = (partOf?.[2] ?? definite?.[2])?.toLowerCase();
    if (!noun) return null;
    const singular = noun === "person" ? "people" : noun.replace(/s$/, "");
    const count = definite?.[1]?.toLowerCase();
    for (let i = described.length - 1; i >= 0; i -= 1) {
      const words = described[i]!.split(" ");
      if (count && words[0]!.toLowerCase() !== count) continue;
      // Only the description's own head counts: "the ministry" is not "a senior official in the ministry of economy".
      // "one of the officials briefed on …": the head is after "of the".
      const head = /^\S+ of the /i.test(described[i]!) ? 3 : 0;
      const link = words.findIndex((w, k) => k > head && DESCRIPTION_LINKS.has(w.toLowerCase()));
      const at = words.findIndex(
        (w, k) =>
          (link === -1 || k < link) &&
          [w.toLowerCase().replace(/s$/, ""), w.toLowerCase()].some((v) => v === singular || (v === "person" && singular === "people")),
      );
      if (at === -1) continue;
      const rest = words.slice(at + 1).join(" ");
      if (partOf) return `${partOf[1]} of the ${plural(words[at]!)}${rest ? ` ${rest}` : ""}`;
      // "the official" after "two officials briefed on the talks": one of them.
      const group = /^(?:two|three|four|five|several|some|many)$/i.test(words[0]!) && head === 0;
      if (group && definite && !definite[1] && !/s$/i.test(noun) && /s$/i.test(words[at]!))
        return `one of the ${words[at]}${rest ? ` ${rest}` : ""}`;
      return /^(?:a|an|the)\s/i.test(described[i]!) || words.length > at + 1 ? described[i]! : null;
    }
    return null;
  };
  // Capitalized speakers so far, most recent last: what "the company said" can point back to.
  const named: Array<{ speaker: string; paragraph: number }> = [];
  const businessNamed = (noun: string, paragraph: number): string | null => {
    if (!BUSINESS_NOUNS.has(noun.toLowerCase())) return null;
    for (let i = named.length - 1; i >= 0 && paragraph - named[i]!.paragraph <= 3; i -= 1) {
      // "A spokesperson for Tolland Water Services said …. The utility said …": the organisation they speak for.
      const speaker = SPOKESPERSON_FOR.exec(named[i]!.speaker)?.[1] ?? named[i]!.speaker;
      if (!PUBLIC_BODY.test(speaker) && !people.pronounOf(speaker) && !isPlaceName(speaker.split(" "))) return speaker;
    }
    return null;
  };
  // "The Skelmar coastguard says …. …, the coastguard said": a recent speaker of the same head noun.
  const sameHead = (noun: string, paragraph: number): string | null => {
    const lower = noun.toLowerCase();
    for (let i = named.length - 1; i >= 0 && paragraph - named[i]!.paragraph <= 3; i -= 1) {
      const words = named[i]!.speaker.split(" ");
      if (words.length > 2 && words[words.length - 1]!.toLowerCase() === lower && /^the$/i.test(words[0]!)) return named[i]!.speaker;
    }
    return null;
  };
  const organisationBefore = (index: number): string | null => {
    const before = index > 0 && sentences[index]!.paragraph - sentences[index - 1]!.paragraph <= 1 ? index - 1 : -1;
    if (before === -1) return null;
    const spoken = speakersSoFar[before];
    if (spoken && !people.pronounOf(spoken) && (!looksLikePersonName(spoken, registry) || /^the\s/i.test(spoken)))
      return spoken.replace(/^the\s+/i, "");
    const run = runsOf[before]!.find((r) => !r.bare && !people.pronounOf(r.name) && !isPlaceName(r.name.split(" ")) && r.kind !== "person");
    return run?.name ?? null;
  };
  const documentText = () =>
    (lowered ??= sentences
      .map((s) => s.text)
      .join(" ")
      .toLowerCase());
  let lowered: string | undefined;
  // Whether the document writes "the <name>": the answer for a name never changes, and each question would read the whole document.
  const writesThe = new Map<string, boolean>();
  const documentWritesThe = (name: string): boolean => {
    let found = writesThe.get(name);
    if (found === undefined) {
      found = documentText().includes(`the ${name.toLowerCase()}`);
      writesThe.set(name, found);
    }
    return found;
  };
  // "a senior official at the ministry" → "a senior official at the Ministry of Transport", the organisation as the document names it.
  const namedInDescription = (description: string): string =>
    description.replace(/\b(at|for|of|in|from|with) the ([a-z]+)\b(?![’'-]|\s+of\b)/, (whole, link: string, noun: string) => {
      const name = resolveDescription(noun);
      if (!name) return whole;
      return `${link} ${documentWritesThe(name) ? "the " : ""}${name}`;
    });
  // "the couple", "the Haddows": the pair named together ("Colin and Wendy Haddow").
  const couple = (speaker: string): string | null => {
    const family = /^(\p{Lu}\p{Ll}+)s$/u.exec(speaker)?.[1];
    if (!family) return null;
    return registry.pairNamed(family);
  };
  const personCalled = (noun: string, paragraph: number): string | null => {
    const lower = noun.toLowerCase();
    if (/^\d+-year-old$/.test(lower)) return people.resolveAny(paragraph);
    if (!isTitleWord(lower) || /s$/.test(lower)) return null;
    // "Mr Justice Harcourt" … "the judge said".
    return [lower, ...(ROLE_SYNONYMS[lower] ?? [])].map((role) => registry.personDescribedAs(role)).find(Boolean) ?? null;
  };
  const speakersSoFar: Array<string | null> = [];
  const matches: Array<SpeakerMatch | null> = [];
  const tracedNames: TracedName[][] = [];
  // Names the document has called "the company" or "the operator": organisations, however much they look like a person's name.
  const organisations = new Set<string>();
  const personAt: Array<string | null> = [];
  const attributed: boolean[] = [];
  const speakers = sentences.map((sentence, index) => {
    personAt.push(people.last()?.speaker ?? null);
    const runs = runsOf[index]!;
    for (const run of runs) if (!run.bare || registry.isPerson(run.name)) registry.add(run.name, index, run.descriptors, run.kind);
    for (const run of runs) {
      const relative = run.familyOf ? people.resolve(run.familyOf, sentence.paragraph) : null;
      if (relative && relative.includes(" ")) registry.add(`${run.name} ${relative.split(" ").pop()}`, index, [], "person");
    }
    // A byline or a photo credit names the outlet's staff, never who a later "she said" means.
    const credit = CREDIT_LINE.test(sentence.text);
    const persons = credit ? [] : runs.filter((run) => looksLikePersonName(run.name, registry));
    for (const run of persons) if (run.pronoun) people.learn(fullName(run.name) ?? run.name, run.pronoun);
    // The person the sentence is about: the last person's name before its first verb ("Hollin Cross resident Joan Whitlock, 81, …").
    const subject = persons.filter((run) => run.subject).pop();
    // Others named in the sentence are who a pronoun can mean when the subject is the other gender ("Ilse Brandt met Karl Oberg. He said …").
    for (const run of persons) {
      if (run !== subject && run.kind === "person")
        people.note({ speaker: fullName(run.name) ?? run.name, paragraph: sentence.paragraph, sentence: index });
    }
    if (subject) {
      const name = fullName(subject.name) ?? subject.name;
      people.note({ speaker: name, paragraph: sentence.paragraph, sentence: index });
      // "Naomi Fairclough … said she was thrilled": the only person named is the one the pronoun means.
      if (new Set(persons.map((run) => fullName(run.name) ?? run.name)).size === 1) {
        const quoted = insideQuotes(sentence.tokens, sentence.opensInQuotation ?? false);
        const used = pronounUsed(sentence.tokens.filter((_, k) => !quoted[k]).map((t) => t.lower));
        if (used) people.learn(name, used);
      }
    }
    // Live blogs: "Reader question: “…”", "Reader question from @kestrel_kat: “…”".
    const reader = /^Reader question(?:s)?(?: from (\S+?))?:/i.exec(sentence.text);
    const match = reader
      ? { speaker: reader[1] ?? "a reader", pronoun: null, cue: "question" }
      : findSpeaker(sentence.tokens, { accept, opensInQuotation: sentence.opensInQuotation ?? false });
    attributed.push(Boolean(match));
    matches.push(match);
    tracedNames.push(
      (credit || !context.collect ? [] : runs).map((run) => {
        const name = fullName(run.name) ?? run.name;
        const person = run.kind === "person" || looksLikePersonName(run.name, registry);
        return {
          name,
          written: run.name,
          start: run.start,
          end: run.end,
          subject: run.subject,
          person,
          organisation: !person && (run.kind === "organisation" || isOrganisationName(name.split(" "))),
        };
      }),
    );
    let speaker: string | null = null;
    if (match?.speaker) {
      const words = nameInPhrase(phraseWords(match.speaker));
      speaker = words.join(" ");
      const definite = DEFINITE.exec(speaker);
      const opensSentence = sentence.tokens[0]?.value === words[0];
      const recentOrganisation = lastOrganisation && sentence.paragraph - lastOrganisation.paragraph <= 3 ? lastOrganisation.speaker : null;
      // "X's data", "the Finance Ministry's budget document", "Nimbra's product pages".
      const possessive = /^(.+?)['’]s\s+((?:[a-z-]+\s+)?)(\S+)$/.exec(speaker);
      const earlier = backToDescribed(speaker);
      // "A ministry statement said", "the company's report": the organisation that wrote it.
      const authored = /^(?:a|an|the)\s+([a-z]+)\s+(\S+)$/i.exec(speaker);
      // "The 54-year-old said", "the minister said": the person the document has called that.
      const called = /^the\s+(\d+-year-old|[a-z-]+)$/i.exec(speaker)?.[1];
      const role = called ? personCalled(called, sentence.paragraph) : null;
      if (earlier) speaker = earlier;
      else if (role) speaker = role;
      else if (authored && isDocumentNoun(authored[2]!) && isOrganisationWord(authored[1]!))
        speaker = resolveDescription(authored[1]!) ?? `the ${authored[1]!.toLowerCase()}`;
      else if (possessive && !possessive[1]!.includes(" ") && /^\p{Lu}/u.test(possessive[1]!) && !isDocumentNoun(possessive[3]!)) {
        // "Holt’s office" → "Casimir Holt's office", "Vorland's defence team" → "Roderick Vorland's defence team".
        const owner = fullName(possessive[1]!);
        if (owner) speaker = `${owner}'s ${possessive[2]}${possessive[3]}`;
      } else if (possessive && isDocumentNoun(possessive[3]!)) {
        // "The regulator's decision said" → the regulator; "Tenora's data show" → Tenora.
        const owner = possessive[1]!;
        const ownerDefinite = DEFINITE.exec(owner) ?? /^(?:the\s+)?([a-z-]+)$/i.exec(owner);
        speaker = (ownerDefinite && !/\p{Lu}/u.test(owner.slice(1)) ? resolveDescription(ownerDefinite[1]!) : null) ?? owner;
      } else if (
        definite &&
        isDocumentNoun(definite[1]!) &&
        recentOrganisation &&
        !/\p{Lu}/u.test(speaker.slice(1)) &&
        ownDocument(speaker)
      ) {
        // "the report says", "according to its annual report", "the statement said": the organisation that published it.
        speaker = recentOrganisation;
      } else if (words.length === 1 && !/^\p{Lu}/u.test(speaker) && isDescriptorNoun(speaker)) {
        speaker = resolveDescription(speaker) ?? speaker;
      } else if (words.length === 1 && /^\p{Lu}/u.test(speaker)) {
        // "Brede" → "Annika Brede"; "Inspectors found" → the inspectorate; "Scientists caution" stays.
        speaker = fullName(speaker) ?? (opensSentence ? resolveDescription(speaker.toLowerCase()) : null) ?? speaker;
      } else if (definite && !/\p{Lu}/u.test(speaker.slice(1))) {
        // "Bluewater Ferries will raise fares…, the company said", "All Kestle Line sailings are cancelled, the operator said": the business named in the same sentence.
        const opening = runs.find(
          (run) =>
            !run.bare &&
            run.kind !== "person" &&
            !people.pronounOf(run.name) &&
            !isPlaceName(run.name.split(" ")) &&
            !PUBLIC_BODY.test(run.name),
        );
        const business = BUSINESS_NOUNS.has(definite[1]!.toLowerCase());
        const before = opening && sentence.text.indexOf(opening.name) < sentence.text.toLowerCase().indexOf(speaker.toLowerCase());
        const sameSentence = business && opening && before && !outlets.has(opening.name.toLowerCase()) ? opening.name : null;
        const resolved =
          sameSentence ??
          resolveDescription(definite[1]!) ??
          businessNamed(definite[1]!, sentence.paragraph) ??
          sameHead(definite[1]!, sentence.paragraph);
        // "the utility" is the organisation, not the spokesperson who once spoke for it.
        const organisation = resolved ? (SPOKESPERSON_FOR.exec(resolved)?.[1] ?? resolved) : null;
        if (organisation) organisations.add(organisation);
        speaker = organisation ?? speaker;
      } else if (SPOKESPERSON.test(speaker)) {
        // "Harbour Line Ferries has cancelled all sailings. A spokesperson said …": the organisation just named speaks through them.
        const organisation = organisationBefore(index);
        if (organisation) speaker = `${speaker.split(" ")[0]!.toLowerCase()} ${organisation} ${speaker.split(" ").pop()}`;
      }
      if (speaker && /^(?:a|an|one|two|three|four|several|some)\s/i.test(speaker)) speaker = namedInDescription(speaker);
      else if (speaker && /^our\s+\p{Ll}+\s+(?:on|at|in|outside|inside|near|by)\s/iu.test(speaker))
        speaker = speaker.split(" ").slice(0, 2).join(" ");
      else if (speaker && /^\p{Lu}/u.test(speaker)) speaker = registry.longerOrganisation(speaker) ?? couple(speaker) ?? speaker;
    } else if (match?.pronoun) {
      const recent = (memory: { speaker: string; paragraph: number } | null) =>
        memory && sentence.paragraph - memory.paragraph <= 2 ? memory.speaker : null;
      if (match.pronoun === "he" || match.pronoun === "she") {
        speaker = people.resolve(match.pronoun, sentence.paragraph);
        if (speaker) people.learn(speaker, match.pronoun);
      } else if (match.pronoun === "it") {
        const before = previous && sentence.paragraph - previous.paragraph <= 1 ? previous.speaker : null;
        speaker = before && (organisations.has(before) || !looksLikePersonName(before, registry)) ? before : recent(lastOrganisation);
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
    // "A council spokeswoman said …. She said …": a source described as one person is who a later pronoun means.
    const words = speaker?.split(" ") ?? [];
    if (speaker && /^(?:a|an|one|the)$/i.test(words[0]!) && !/^one of/i.test(speaker) && words.every((w) => !isDocumentNoun(w))) {
      const head = words.find((w, k) => k > 0 && (isTitleWord(w) || /^(?:person|source|aide|diplomat|insider)$/i.test(w)));
      if (head && !/s$/.test(head)) people.note({ speaker, paragraph: sentence.paragraph, sentence: index }, pronounOfWords(words));
    }
    if (speaker) {
      const memory = { speaker, paragraph: sentence.paragraph, sentence: index };
      // A one-word speaker is a person ("Michael said") unless the document has it as an organisation.
      const oneWordPerson = /^\p{Lu}\p{Ll}+$/u.test(speaker) && !isOrganisationWord(speaker) && !whole.isOrganisation(speaker);
      if (organisations.has(speaker) || (speaker.includes(" ") && (registry.kindOf(speaker) ?? whole.kindOf(speaker)) === "organisation"))
        lastOrganisation = memory;
      else if (looksLikePersonName(speaker, registry) || oneWordPerson) people.note(memory);
      else if (/^\p{Lu}/u.test(speaker)) lastOrganisation = memory;
      if (/^\p{Lu}/u.test(speaker)) registry.add(SPOKESPERSON_FOR.exec(speaker)?.[1] ?? speaker, index);
    }
    previous = { speaker, paragraph: sentence.paragraph };
    if (speaker && (/^\p{Lu}/u.test(speaker) || SPOKESPERSON_FOR.test(speaker))) named.push({ speaker, paragraph: sentence.paragraph });
    speakersSoFar.push(speaker);
    return speaker;
  });
  const ownSpeakers = [...speakers];
  const quotation: Array<string | null> = sentences.map(() => null);
  // A quotation of several sentences: the attribution in one of them ('"…. …," Reyes said.') is every sentence's.
  for (let start = 0; start < sentences.length;) {
    let end = start + 1;
    while (end < sentences.length && sentences[end]!.opensInQuotation) end += 1;
    const members = speakers.slice(start, end);
    const own = members.filter((_, k) => attributed[start + k]).find((speaker) => speaker !== null);
    if (end - start > 1 && own) for (let k = start; k < end; k += 1) quotation[k] = own;
    if (end - start > 1 && own) for (let k = start; k < end; k += 1) if (!attributed[k]) speakers[k] = own;
    start = end;
  }
  // A transcript: every sentence of a turn is its speaker's.
  const lookup = { fullName, personBefore: (i: number) => personAt[i] ?? null };
  const turns = interviewSpeakers(sentences, lookup);
  // A press release: what it says in its own voice, its issuer says.
  const issuer = turns
    ? null
    : pressReleaseIssuer(
        sentences.map((sentence, i) => ({ ...sentence, firstName: i < 3 ? (runsOf[i]![0]?.name ?? null) : null })),
        (name) => isOrganisationName(name.replace(/['’]s\b/g, "").split(" ")),
      );
  const final = turns
    ? speakers.map((speaker, i) => (turns[i] === undefined ? speaker : turns[i]!))
    : issuer
      ? speakers.map((speaker) => speaker ?? issuer)
      : speakers;
  if (!context.collect) return { speakers: final, traces: [] };
  const traces = sentences.map((sentence, i) => ({
    rules: final[i]!,
    own: ownSpeakers[i]!,
    match: matches[i]!,
    quotation: quotation[i]!,
    turn: turns?.[i],
    turnLabel: turnLabel(sentence.text),
    issuer,
    lastPerson: personAt[i] ?? null,
    names: tracedNames[i]!,
  }));
  return { speakers: final, traces };
}
