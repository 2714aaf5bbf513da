// The signals the check-worthiness model weighs, each computed from one sentence's
// tokens (wink-nlp parts of speech and entities) and named by the reason a reviewer
// reads when it counts. Binary signals are 0 or 1; the few continuous ones (length,
// share of quotation, parts of speech) are standardized by the model. The last
// VECTOR_DIMENSIONS values are the sentence's averaged word vector (its wording).
import type { ReasonKind } from "./reasons";
import { type Sentence, type Token, insideQuotes } from "./sentences";
import { isCalendarLowerWord } from "./calendar";
import { isAttributionVerb } from "./speaker";
import { sentimentNlp } from "./nlp";
import { wordVectors } from "../vectors";

export interface FeatureDefinition {
  name: string;
  /** The reason the feature is reported under when it counts. */
  kind: ReasonKind;
  /** Standardized by the model (mean 0, unit variance) rather than used as 0/1. */
  continuous?: boolean;
}

interface View {
  tokens: Token[];
  text: string;
  lowerText: string;
  quoted: boolean[];
  /** Indexes of word tokens (not punctuation, symbols or spaces). */
  words: number[];
  lexicons: { inside: string[][]; outside: string[][] };
  /** The entity types present in the sentence. */
  entities: Set<string>;
  /** For each gate (by id), whether one of its words is among the sentence's tokens. */
  gates: Uint8Array;
  /** The share of words inside quotation marks, once computed (three signals read it). */
  quoteShare?: number;
  /** How many words have each part of speech, once computed (the shape signals read it). */
  posCounts?: Map<string, number>;
}

type Signal = (view: View) => { value: number; evidence?: string[] } | number;

const PUNCT = new Set(["PUNCT", "SYM", "SPACE"]);
/** One shared empty result: most signals find nothing in most sentences. */
const NONE: readonly string[] = Object.freeze([]);

function hits(view: View, test: (token: Token, index: number) => boolean, where: "any" | "outside" | "inside" = "any"): string[] {
  let found: string[] | null = null;
  for (let i = 0; i < view.tokens.length; i += 1) {
    if (where === "outside" && view.quoted[i]) continue;
    if (where === "inside" && !view.quoted[i]) continue;
    if (test(view.tokens[i]!, i)) (found ??= []).push(view.tokens[i]!.value);
  }
  return found ?? (NONE as string[]);
}

/** A word list; every list is matched against a sentence's tokens in one pass (lexiconHits). */
interface Lexicon {
  (token: Token): boolean;
  id: number;
}
const LEXICON_WORDS = new Map<string, number[]>();
const LEXICON_PREFIXES: Array<[prefix: string, id: number]> = [];
const PREFIX_INITIALS = new Set<string>();
let lexiconCount = 0;

/** A lexicon as lower-cased words and a few prefixes ("threat" covers threatened, threatening). */
function lexicon(words: string, prefixes: string[] = []): Lexicon {
  const id = lexiconCount;
  lexiconCount += 1;
  const set = new Set(words.split(/\s+/).filter(Boolean));
  for (const word of set) LEXICON_WORDS.set(word, [...(LEXICON_WORDS.get(word) ?? []), id]);
  for (const prefix of prefixes) {
    LEXICON_PREFIXES.push([prefix, id]);
    PREFIX_INITIALS.add(prefix[0]!);
  }
  const test = (token: Token) => set.has(token.lower) || prefixes.some((p) => token.lower.startsWith(p));
  return Object.assign(test, { id });
}

/** For each lexicon, the tokens of the sentence in it, inside and outside quotations. */

function lexiconHits(tokens: Token[], quoted: boolean[], gates: Uint8Array): { inside: string[][]; outside: string[][] } {
  // Most lists match nothing in a sentence: they share one empty array until they do.
  const inside = new Array<string[]>(lexiconCount).fill(NONE as string[]);
  const outside = new Array<string[]>(lexiconCount).fill(NONE as string[]);
  const push = (into: string[][], id: number, value: string) => {
    if (into[id] === NONE) into[id] = [];
    into[id]!.push(value);
  };
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const into = quoted[i] ? inside : outside;
    const ids = LEXICON_WORDS.get(token.lower);
    if (ids) for (const id of ids) push(into, id, token.value);
    const gateIds = GATE_WORDS.get(token.lower);
    if (gateIds) for (const id of gateIds) gates[id] = 1;
    // Only a word that opens like one of the prefixes can have one ("threat…", "intention…").
    if (PREFIX_INITIALS.has(token.lower[0] ?? ""))
      for (const [prefix, id] of LEXICON_PREFIXES) {
        if (token.lower.startsWith(prefix) && !ids?.includes(id)) push(into, id, token.value);
      }
  }
  return { inside, outside };
}

function words(view: View, list: Lexicon, where: "any" | "outside" | "inside" = "any"): string[] {
  if (where === "outside") return view.lexicons.outside[list.id]!;
  if (where === "inside") return view.lexicons.inside[list.id]!;
  const outside = view.lexicons.outside[list.id]!;
  const inside = view.lexicons.inside[list.id]!;
  return inside.length === 0 ? outside : outside.length === 0 ? inside : [...outside, ...inside];
}

/** A gate: words one of which a sentence must hold before a phrase pattern is run on it, marked in lexiconHits' one pass. */
interface Gate {
  id: number;
}
const GATE_WORDS = new Map<string, number[]>();
let gateCount = 0;
function gate(words: string): Gate {
  const id = gateCount;
  gateCount += 1;
  for (const word of new Set(words.split(/\s+/).filter(Boolean))) GATE_WORDS.set(word, [...(GATE_WORDS.get(word) ?? []), id]);
  return { id };
}

/** Matches of a pattern in the lower-cased sentence; the gate (words one of which must be there) keeps the regular expression off most sentences. */
function phrase(view: View, pattern: RegExp, required?: Gate): string[] {
  if (required && view.gates[required.id] === 0) return [];
  return [...view.lowerText.matchAll(pattern)].map((m) => m[0]);
}

const ABSENT = Object.freeze({ value: 0 });

function present(evidence: string[]): { value: number; evidence?: string[] } {
  return evidence.length > 0 ? { value: 1, evidence } : ABSENT;
}

function spanTextByPatterns(tokens: Token[]): string {
  return tokens
    .map((t) => t.value)
    .join(" ")
    .replace(/ ([,.%])/g, "$1")
    .replace(/([$€£]) /g, "$1");
}

const GLUED_AFTER = new Set([",", ".", "%"]);
const GLUED_BEFORE = new Set(["$", "€", "£"]);
/**
 * The run's tokens joined by spaces, without the space before , . % or after $ € £ ("$4.2 million", "12%").
 * One pass (evidence of many runs per sentence); a token that is empty or holds a space takes the
 * two replacements, which then could match inside it.
 */
function spanText(tokens: Token[]): string {
  let out = "";
  for (let i = 0; i < tokens.length; i += 1) {
    const value = tokens[i]!.value;
    if (value === "" || value.includes(" ")) return spanTextByPatterns(tokens);
    if (i > 0 && !GLUED_AFTER.has(value[0]!) && !GLUED_BEFORE.has(tokens[i - 1]!.value[tokens[i - 1]!.value.length - 1]!)) out += " ";
    out += value;
  }
  return out;
}

/** Consecutive tokens passing the test, as evidence strings ("$4.2 million"). */
function runs(view: View, test: (token: Token, index: number) => boolean): string[] {
  let found: string[] | null = null;
  let from = -1;
  const tokens = view.tokens;
  for (let index = 0; index <= tokens.length; index += 1) {
    const inRun = index < tokens.length && test(tokens[index]!, index);
    if (inRun && from === -1) from = index;
    else if (!inRun && from !== -1) {
      (found ??= []).push(spanText(tokens.slice(from, index)));
      from = -1;
    }
  }
  return found ?? (NONE as string[]);
}

/** How many runs `runs` would give, without making their evidence strings. */
function countRuns(view: View, test: (token: Token, index: number) => boolean): number {
  let count = 0;
  let inRun = false;
  for (let index = 0; index < view.tokens.length; index += 1) {
    const passes = test(view.tokens[index]!, index);
    if (passes && !inRun) count += 1;
    inRun = passes;
  }
  return count;
}

/** Runs of tokens with one of these entity types, or nothing at once when the sentence has none. */
function entityRuns(view: View, types: string[], test: (token: Token) => boolean): string[] {
  return types.some((type) => view.entities.has(type)) ? runs(view, test) : (NONE as string[]);
}

const CURRENCY = new Set(["$", "€", "£", "¥"]);
const NUMBER_WORDS = lexicon(
  "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand thousands million millions billion billions trillion dozen dozens",
);
const TEMPORAL = new Set(["DATE", "TIME"]);
const COUNTED_ELSEWHERE = new Set(["MONEY", "PERCENT", "DATE", "TIME"]);
const isClockTime = (t: Token) => t.entity === "TIME" && (/\d/.test(t.value) || t.lower === "noon" || t.lower === "midnight");
const COMPARISON = lexicon("than more less fewer most least compared twice double doubled tripled halved worse better");
const SUPERLATIVE = (t: Token) => (t.pos === "ADJ" || t.pos === "ADV") && /[a-z]{3,}est$/.test(t.lower) && t.lower !== "interest";
const FIRST_OR_RECORD = lexicon("first only record unprecedented largest biggest smallest highest lowest never-before");
const CAUSAL = lexicon("because caused causes cause due therefore consequently resulted blamed thanks owing");
const CHANGE = lexicon(
  "rose rise rises risen fell fall falls fallen increased decreased grew grown dropped declined cut cuts raised lowered doubled reduced soared plunged jumped surged slumped climbed",
);
const ACTION = lexicon(
  "awarded approved voted signed passed rejected closed opened won lost killed injured arrested charged fined banned sentenced convicted acquitted resigned appointed fired hired launched sued ordered seized delivered sent filed issued released suspended cancelled canceled terminated dismissed",
);
const THREAT = lexicon("ultimatum deadline demanded demands demand warned warning risk risks penalty penalties sanctions", ["threat"]);
const LEGAL = lexicon(
  "law laws act statute regulation regulations rule rules authority authorities power powers allows allow allowed permits permit permitted grants grant granted entitles requires required authorised authorized authorises authorizes empowers legal illegal unlawful lawful constitution clause contract court ruling ruled licence license",
);
const BAN = lexicon(
  "ban bans banned bar bars barred prohibit prohibits prohibited forbid forbids forbidden restrict restricts restricted restriction restrictions block blocks blocked outlaw outlawed",
);
const PLAN = lexicon(
  "plans planned planning intends intend intended aims aim proposes proposed proposal considering prepare preparing scheduled expects expected",
  ["intention"],
);
const OFFER = lexicon("offer offered offers agreed agree agreement deal accepted accept proposal negotiations talks terms settlement");
const DENIAL = lexicon("denied denies deny rejected rejects refused refuses refusal disputed disputes rebuffed dismissed");
const CAPABILITY = lexicon("able capable capability capabilities enables enabled can could");
const NEGATION = lexicon("not no never n't none nor neither nobody nothing");
const MODAL = lexicon("would could might may should must will shall can");
const HEDGE = lexicon(
  "perhaps possibly maybe likely unlikely probably appear appears appeared apparently seem seems seemed unclear uncertain",
);
const OPINION = lexicon(
  "believe believes think thinks thought feel feels felt hope hopes hoped proud happy glad excited thrilled delighted pleased worried concerned sad disappointed love loves hate hates wonderful terrible amazing incredible great fantastic unfortunately frankly honestly",
);
const FIRST_SECOND_PERSON = lexicon("i we you me us my our your mine ours yours myself ourselves i'm we're you're we've i've we'll i'll");
const OBLIGATION = lexicon("must should need needs ought");
const ANONYMOUS =
  /\b(?:(?:a|an|one|two|three|several|some|other|the) )?(?:person|people|sources?|officials?|individuals?|insiders?|aides?|diplomats?|executives?)(?: \w+)? (?:familiar|briefed|close|knowledgeable|with knowledge|who (?:spoke|asked|requested|declined))|\bon (?:the )?condition of anonymity\b|\bnot authori[sz]ed to (?:speak|discuss)|\bspeaking anonymously\b|\brequesting anonymity\b/g;
const EVIDENCE =
  /\b(?:data|figures|records|documents?|statistics|study|report|survey|analysis|filings?|statement|memo|letter|court papers|minutes|budget)\b[^.]{0,40}?\b(?:shows?|showed|says|said|states?|stated|found|finds|indicates?|reveals?|revealed|confirms?|confirmed|obtained|seen by|reviewed by)\b/g;
const IN_A_STATEMENT =
  /\bin (?:a|an|its|his|her|their) (?:statement|post|email|e-mail|letter|interview|filing|memo|news release|press release|tweet|video)\b/g;
const NO_COMMENT =
  /\b(?:did not|didn't|did n't|has not|hasn't|have not|haven't|had not|hadn't|would not|wouldn't|could not|couldn't|does not|doesn't)\s+(?:immediately\s+)?(?:respond|reply|return|comment|answer)|\bdeclined (?:to|a request)|\brequests? for comment\b|\breached out\b|\bno immediate (?:response|comment|reply)\b|\bcould not be reached\b|\bwas not available for comment\b|\bunavailable for comment\b|\bwithout comment\b|\b(?:would|did|could|will) not (?:say|confirm|disclose|give|rule out)\b|\b(?:would|did|could) n't (?:say|confirm|disclose|give)\b|\bdeclined to (?:say|give|confirm|disclose)\b|\bnot (?:immediately )?clear\b/g;
const BYLINE_OR_CREDIT =
  /^(?:by|reporting by|additional reporting by|editing by|written by|compiled by|photo(?:graph)?s?(?: by)?|image|picture|credit|source|contact|media contact|press contact|email|e-mail|tel|phone|file photo)\b\s*[:|-]?|\b(?:getty images|ap photo|reuters\/|afp via|\/ ?ap\b|photo by|photo credit|image credit|for more information|media enquiries|media inquiries)\b|@\w|\b[\w.+-]+@[\w-]+\.[\w.]+\b|\+?\d[\d ()-]{8,}\d/g;
const CALL_TO_ACTION =
  /^(?:read|watch|listen|sign up|subscribe|click|follow|visit|download|share|learn|find out|join|register|see|get|donate|tap|scroll|tell us|send us)\b|\b(?:read more|sign up|subscribe to|click here|follow us|learn more|find out more|more information at|newsletter|share this|related:|see also)\b/g;
const BOILERPLATE =
  /^about [A-Z]|\bis a (?:leading|global|world-leading|premier)\b|\bheadquartered in\b|\bfor more (?:information|details)\b|\ball rights reserved\b|\bforward-looking statements\b|\bwww\.|https?:\/\//gi;
const ANONYMOUS_GATE = gate(
  "person people source sources official officials individual individuals insider insiders aide aides diplomat diplomats executive executives anonymity authorized authorised anonymously",
);
const EVIDENCE_GATE = gate(
  "data figures records document documents statistics study report survey analysis filing filings statement memo letter papers minutes budget",
);
const STATEMENT_GATE = gate("statement post email e-mail letter interview filing memo release tweet video");
const NO_COMMENT_GATE = gate(
  "respond reply return comment answer declined reached reach available unavailable immediate say confirm disclose give clear rule",
);
const CAUSAL_GATE = gate("led result response after");
const PLAN_GATE = gate("set due expected poised will");
const AUTHORITY_GATE = gate("authority power powers right rights empowers empower authorizes authorises");
const ACCORDING_GATE = gate("according");
const TIMESTAMP = /^(?:updated |posted |\d{1,2}[:.]\d{2}\s*(?:a\.m\.|p\.m\.|am|pm)?\s*(?:[A-Z]{2,4})?\s*[—–-])/i;
const TURN_LABEL = /^(?:q|a|question|answer|[A-Z][A-Z .'-]{1,40})\s*:/;
/** An interviewer's turn: questions and prompts, not claims of their own (mostly). */
const INTERVIEWER_TURN = /^["“]?(?:Q|QUESTION|INTERVIEWER|ANCHOR|HOST|PRESENTER|REPORTER|MODERATOR)\s*:/;
const CORRECTION = /^(?:correction|clarification|update|editor's note)\s*:/i;
const OWN_REPORTER = /\b(?:our|this newspaper's|the newspaper's) (?:reporter|correspondent|reporters|correspondents|team|editor)\b/i;
/** A schedule: something due to happen at a time ("will deliver its judgment at 10 a.m.", "is due to reconvene on Jan. 14"). */
const SCHEDULE =
  /\b(?:will|is due to|are due to|is expected to|are expected to|is scheduled to|are scheduled to|is set to|are set to)\s+(?:\w+\s+){0,3}?(?:resume|reconvene|meet|open|close|begin|start|deliver|announce|publish|hold|host|be played|be held|take place|sit|vote|return)\b/i;
const STOP_WORDS = new Set(
  "the a an and or but of to in on at for with by from as is was were are be been being it its this that these those he she they them his her their there here which who whom what when where how than then so if not no do does did has have had will would can could may might shall should must i we you me us my our your s 's".split(
    " ",
  ),
);

function quoteShare(view: View): number {
  if (view.quoteShare !== undefined) return view.quoteShare;
  let share = 0;
  if (view.words.length > 0) {
    let inside = 0;
    for (const i of view.words) {
      const value = view.tokens[i]!.value;
      if (view.quoted[i] && value !== '"' && value !== "“" && value !== "”") inside += 1;
    }
    share = inside / view.words.length;
  }
  view.quoteShare = share;
  return share;
}

let sentimentCache: { text: string; value: number } | null = null;
function sentiment(text: string): number {
  if (sentimentCache?.text === text) return sentimentCache.value;
  const engine = sentimentNlp();
  const value = engine.readDoc(text).out(engine.its.sentiment) as unknown as number;
  sentimentCache = { text, value };
  return value;
}

function quotedText(view: View): string {
  return view.tokens
    .filter((_, i) => view.quoted[i])
    .map((t) => t.value)
    .join(" ");
}

function posShare(view: View, pos: string): number {
  if (view.words.length === 0) return 0;
  if (!view.posCounts) {
    view.posCounts = new Map();
    for (const i of view.words) {
      const tag = view.tokens[i]!.pos;
      view.posCounts.set(tag, (view.posCounts.get(tag) ?? 0) + 1);
    }
  }
  return (view.posCounts.get(pos) ?? 0) / view.words.length;
}

const firstWord = (view: View) => view.tokens[view.words[0] ?? -1];

/** Every signal, in the order of the model's weights. Changing this list means retraining (npm run train:checkworthiness). */
const SIGNALS: Array<FeatureDefinition & { signal: Signal }> = [
  // What can be checked.
  {
    name: "money",
    kind: "money",
    signal: (v) =>
      present(
        runs(
          v,
          (t, i) => t.entity === "MONEY" || CURRENCY.has(t.value) || (i > 0 && CURRENCY.has(v.tokens[i - 1]!.value) && t.pos === "NUM"),
        ),
      ),
  },
  { name: "percentage", kind: "percentage", signal: (v) => present(entityRuns(v, ["PERCENT"], (t) => t.entity === "PERCENT")) },
  {
    name: "number",
    kind: "number",
    signal: (v) =>
      present(
        runs(
          v,
          (t) =>
            !COUNTED_ELSEWHERE.has(t.entity) &&
            (t.pos === "NUM" || t.entity === "CARDINAL" || NUMBER_WORDS(t)) &&
            /[0-9a-z]/i.test(t.value),
        ),
      ),
  },
  { name: "ordinal", kind: "number", signal: (v) => present(entityRuns(v, ["ORDINAL"], (t) => t.entity === "ORDINAL")) },
  { name: "duration", kind: "date_time", signal: (v) => present(entityRuns(v, ["DURATION"], (t) => t.entity === "DURATION")) },
  {
    name: "date",
    kind: "date_time",
    signal: (v) => present(entityRuns(v, ["DATE", "TIME"], (t) => TEMPORAL.has(t.entity) && !isClockTime(t))),
  },
  { name: "clock time", kind: "date_time", signal: (v) => present(entityRuns(v, ["TIME"], isClockTime)) },
  {
    name: "day and time",
    kind: "date_time",
    signal: (v) => (v.tokens.some(isClockTime) && v.tokens.some((t) => isCalendarLowerWord(t.lower)) ? 1 : 0),
  },
  {
    name: "named entity",
    kind: "named_entity",
    signal: (v) =>
      present(
        runs(
          v,
          (t, i) =>
            t.pos === "PROPN" && !TEMPORAL.has(t.entity) && !isCalendarLowerWord(t.lower) && (i > 0 || v.tokens[1]?.pos === "PROPN"),
        ),
      ),
  },
  {
    name: "several names",
    kind: "named_entity",
    signal: (v) => (countRuns(v, (t) => t.pos === "PROPN" && !isCalendarLowerWord(t.lower)) >= 2 ? 1 : 0),
  },
  { name: "comparison", kind: "comparison", signal: (v) => present(words(v, COMPARISON, "outside")) },
  { name: "superlative", kind: "comparison", signal: (v) => present(hits(v, SUPERLATIVE, "outside")) },
  { name: "first or record", kind: "first_or_record", signal: (v) => present(words(v, FIRST_OR_RECORD, "outside")) },
  {
    name: "causal",
    kind: "causal",
    signal: (v) =>
      present([
        ...words(v, CAUSAL, "outside"),
        ...phrase(v, /\bled to\b|\bas a result\b|\bin response to\b|\bafter\b(?= \w+ (?:was|were|had))/g, CAUSAL_GATE),
      ]),
  },
  { name: "change", kind: "change", signal: (v) => present(words(v, CHANGE, "outside")) },
  { name: "action", kind: "action", signal: (v) => present(words(v, ACTION, "outside")) },
  { name: "threat or demand", kind: "threat_or_demand", signal: (v) => present(words(v, THREAT, "outside")) },
  { name: "legal power", kind: "legal_power", signal: (v) => present(words(v, LEGAL, "outside")) },
  {
    name: "gives authority",
    kind: "legal_power",
    signal: (v) =>
      present(
        phrase(
          v,
          /\b(?:gives?|gave|grants?|granted|confers?)\b[^.]{0,40}\b(?:authority|power|powers|right|rights)\b|\bempowers?\b|\bauthori[sz]es\b/g,
          AUTHORITY_GATE,
        ),
      ),
  },
  { name: "ban", kind: "ban_or_restriction", signal: (v) => present(words(v, BAN, "outside")) },
  {
    name: "plan",
    kind: "plan",
    signal: (v) =>
      present([...words(v, PLAN, "outside"), ...phrase(v, /\b(?:is|are|was|were) (?:set|due|expected|poised) to\b|\bwill\b/g, PLAN_GATE)]),
  },
  { name: "offer or agreement", kind: "offer_or_agreement", signal: (v) => present(words(v, OFFER, "outside")) },
  { name: "denial", kind: "denial", signal: (v) => present(words(v, DENIAL)) },
  { name: "capability", kind: "capability", signal: (v) => present(words(v, CAPABILITY, "outside")) },
  // Who says so.
  { name: "attribution verb", kind: "attribution", signal: (v) => present(hits(v, (t) => isAttributionVerb(t), "outside")) },
  {
    name: "reported speech",
    kind: "reported_speech",
    signal: (v) => {
      // "said (that) the ministry had offered…": an attribution verb outside quotations followed by a clause, not a quotation.
      const found: string[] = [];
      v.tokens.forEach((t, i) => {
        if (v.quoted[i] || !isAttributionVerb(t)) return;
        const next = v.tokens[i + 1];
        const after = v.tokens[i + 2];
        if (!next || /^["“”,.:]$/.test(next.value)) return;
        if (next.lower === "that" || ["DET", "PROPN", "NOUN", "PRON", "NUM", "ADJ"].includes(next.pos)) {
          if (!(after && /^["“]$/.test(after.value))) found.push(`${t.value} ${next.value}`);
        }
      });
      return present(found);
    },
  },
  { name: "according to", kind: "attribution", signal: (v) => present(phrase(v, /\baccording to\b/g, ACCORDING_GATE)) },
  { name: "anonymous source", kind: "anonymous_source", signal: (v) => present(phrase(v, ANONYMOUS, ANONYMOUS_GATE)) },
  { name: "evidence cited", kind: "document_cited", signal: (v) => present(phrase(v, EVIDENCE, EVIDENCE_GATE)) },
  { name: "in a statement", kind: "document_cited", signal: (v) => present(phrase(v, IN_A_STATEMENT, STATEMENT_GATE)) },
  // What makes a sentence less worth checking.
  { name: "negation", kind: "negation", signal: (v) => present(words(v, NEGATION, "outside")) },
  { name: "modal verb", kind: "speculation", signal: (v) => present(words(v, MODAL, "outside")) },
  { name: "hedge", kind: "speculation", signal: (v) => present(words(v, HEDGE, "outside")) },
  { name: "opinion words", kind: "opinion", signal: (v) => present(words(v, OPINION)) },
  { name: "first or second person outside quotes", kind: "opinion", signal: (v) => present(words(v, FIRST_SECOND_PERSON, "outside")) },
  { name: "first or second person in quotes", kind: "quoted_opinion", signal: (v) => present(words(v, FIRST_SECOND_PERSON, "inside")) },
  { name: "obligation in quotes", kind: "quoted_opinion", signal: (v) => present(words(v, OBLIGATION, "inside")) },
  {
    name: "strong feeling in quotes",
    kind: "quoted_opinion",
    signal: (v) => {
      // Opinion that carries the sentence ('"We have been patient," she said'), not a quoted phrase inside reported fact.
      // Sentiment needs a second pass of the NLP pipeline, so it runs on those sentences only.
      if (quoteShare(v) < 0.5) return 0;
      const inside = quotedText(v);
      if (inside.split(" ").length < 3) return 0;
      return Math.abs(sentiment(inside)) >= 0.4 ? { value: 1, evidence: [inside.slice(0, 60)] } : 0;
    },
  },
  { name: "question", kind: "question", signal: (v) => (/\?\s*["”’)]*\s*$/.test(v.text) ? { value: 1, evidence: ["?"] } : 0) },
  { name: "no comment", kind: "no_comment", signal: (v) => present(phrase(v, NO_COMMENT, NO_COMMENT_GATE)) },
  { name: "byline or credit", kind: "credit_or_contact", signal: (v) => present(v.text.match(BYLINE_OR_CREDIT) ?? []) },
  {
    name: "call to action",
    kind: "call_to_action",
    signal: (v) => present([...(v.lowerText.match(CALL_TO_ACTION) ?? [])]),
  },
  { name: "boilerplate", kind: "boilerplate", signal: (v) => present(v.text.match(BOILERPLATE) ?? []) },
  { name: "timestamp", kind: "timestamp", signal: (v) => present(v.text.match(TIMESTAMP) ?? []) },
  { name: "turn label", kind: "transcript_turn", signal: (v) => present(v.text.match(TURN_LABEL) ?? []) },
  { name: "interviewer's turn", kind: "transcript_turn", signal: (v) => present(v.text.match(INTERVIEWER_TURN) ?? []) },
  { name: "correction", kind: "correction", signal: (v) => present(v.text.match(CORRECTION) ?? []) },
  { name: "own reporter", kind: "credit_or_contact", signal: (v) => present(v.text.match(OWN_REPORTER) ?? []) },
  {
    name: "schedule",
    kind: "schedule",
    signal: (v) =>
      v.tokens.some((t) => TEMPORAL.has(t.entity) || isCalendarLowerWord(t.lower)) ? present(v.text.match(SCHEDULE) ?? []) : 0,
  },
  {
    name: "imperative opening",
    kind: "call_to_action",
    signal: (v) => {
      const first = firstWord(v);
      return first && first.pos === "VERB" && !/(?:ed|ing|s)$/.test(first.lower) ? { value: 1, evidence: [first.value] } : 0;
    },
  },
  { name: "no verb", kind: "fragment", signal: (v) => (v.tokens.some((t) => t.pos === "VERB" || t.pos === "AUX") ? 0 : 1) },
  { name: "short", kind: "fragment", signal: (v) => (v.words.length < 6 ? 1 : 0) },
  // The sentence's shape.
  { name: "mostly quotation", kind: "direct_quote", signal: (v) => (quoteShare(v) >= 0.5 ? 1 : 0) },
  { name: "quotation share", kind: "direct_quote", continuous: true, signal: quoteShare },
  { name: "length", kind: "shape", continuous: true, signal: (v) => Math.log1p(v.words.length) },
  { name: "proper noun share", kind: "shape", continuous: true, signal: (v) => posShare(v, "PROPN") },
  { name: "noun share", kind: "shape", continuous: true, signal: (v) => posShare(v, "NOUN") },
  { name: "verb share", kind: "shape", continuous: true, signal: (v) => posShare(v, "VERB") },
  { name: "adjective share", kind: "shape", continuous: true, signal: (v) => posShare(v, "ADJ") },
  { name: "adverb share", kind: "shape", continuous: true, signal: (v) => posShare(v, "ADV") },
  { name: "pronoun share", kind: "shape", continuous: true, signal: (v) => posShare(v, "PRON") },
  { name: "number share", kind: "shape", continuous: true, signal: (v) => posShare(v, "NUM") },
  { name: "opens with a pronoun", kind: "shape", signal: (v) => (firstWord(v)?.pos === "PRON" ? 1 : 0) },
  { name: "opens with a conjunction", kind: "shape", signal: (v) => (firstWord(v)?.pos === "CCONJ" ? 1 : 0) },
  { name: "opens with a name", kind: "shape", signal: (v) => (firstWord(v)?.pos === "PROPN" ? 1 : 0) },
];

export const VECTOR_DIMENSIONS = 100;
export const FEATURES: FeatureDefinition[] = [
  ...SIGNALS.map(({ name, kind, continuous }) => ({ name, kind, ...(continuous ? { continuous } : {}) })),
  ...Array.from({ length: VECTOR_DIMENSIONS }, (_, d) => ({ name: `wording ${d}`, kind: "wording" as const, continuous: true })),
];

export interface SentenceFeatures {
  /**
   * One value per feature. The wording dimensions are zero unless withWording() filled
   * them: training needs them; scoring gets the same sum from per-word pulls (model.ts).
   */
  values: Float64Array;
  /** The words that triggered each signal, by feature index. */
  evidence: Map<number, string[]>;
  /** The words whose vectors make up the wording features. */
  vectorWords: string[];
}

const QUOTE_MARKS = new Set(['"', "“", "”", "'", "‘", "’"]);

function wordIndexes(tokens: Token[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i += 1) if (!PUNCT.has(tokens[i]!.pos) && !QUOTE_MARKS.has(tokens[i]!.value)) out.push(i);
  return out;
}

/** Content words for the wording features: lower-cased, alphabetic, not stop words. */
function contentWords(view: View): string[] {
  const out: string[] = [];
  for (const i of view.words) {
    const w = view.tokens[i]!.lower;
    if (isPlainWord(w) && !STOP_WORDS.has(w)) out.push(w);
  }
  return out;
}

/** /^[a-z][a-z'.-]*$/ by code unit: tested on every word of every sentence. */
function isPlainWord(w: string): boolean {
  if (w.length === 0) return false;
  const first = w.charCodeAt(0);
  if (first < 97 || first > 122) return false;
  for (let k = 1; k < w.length; k += 1) {
    const c = w.charCodeAt(k);
    if (!((c >= 97 && c <= 122) || c === 39 || c === 46 || c === 45)) return false;
  }
  return true;
}

export function sentenceFeatures(sentence: Pick<Sentence, "text" | "tokens"> & { opensInQuotation?: boolean }): SentenceFeatures {
  const tokens = sentence.tokens;
  const view: View = {
    tokens,
    text: sentence.text,
    lowerText: sentence.text.toLowerCase(),
    quoted: insideQuotes(tokens, sentence.opensInQuotation),
    words: wordIndexes(tokens),
    lexicons: { inside: [], outside: [] },
    entities: new Set(tokens.map((t) => t.entity)),
    gates: new Uint8Array(gateCount),
  };
  view.lexicons = lexiconHits(tokens, view.quoted, view.gates);
  const values = new Float64Array(FEATURES.length);
  const evidence = new Map<number, string[]>();
  SIGNALS.forEach((definition, i) => {
    const result = definition.signal(view);
    if (typeof result === "number") values[i] = result;
    else {
      values[i] = result.value;
      if (result.evidence && result.evidence.length > 0) evidence.set(i, result.evidence);
    }
  });
  return { values, evidence, vectorWords: contentWords(view) };
}

/** The features with the wording dimensions filled in: the sentence's averaged word vector. */
export function withWording(features: SentenceFeatures): SentenceFeatures {
  const values = features.values.slice();
  const mean = wordVectors().sentenceVector(features.vectorWords);
  if (mean) values.set(mean.vector, SIGNALS.length);
  return { ...features, values };
}

export const SIGNAL_COUNT = SIGNALS.length;
