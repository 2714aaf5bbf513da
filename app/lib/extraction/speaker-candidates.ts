// Candidate speakers for each sentence of a document, and the interpretable features the
// learned speaker model (speaker-model.ts, ADR 022) ranks them by. The candidates come from
// what the rules already read (speaker.ts's trace): the rules' answer, the sentence's own
// attribution as written, the names in the sentence and the sentences before it, the turn
// of a transcript, a press release's issuer, the previous sentence's speaker, the person
// last named, and null (the outlet's own voice). Hand-written rules pick one of these by
// fixed precedence; the model weighs them by what the labelled sets say.
import { type Token, insideQuotes } from "./sentences";
import { type SpeakerTrace, isReportingVerb } from "./speaker";
import { isOrganisationName, isTitleWord, nameInPhrase } from "./names";

export interface CandidateSentence {
  tokens: Token[];
  paragraph: number;
  text: string;
  opensInQuotation?: boolean;
}

/** The features of a candidate, in the order of the model's weights. Each is 0 or 1, or a number scaled to about that range. */
export const SPEAKER_FEATURES = [
  // Where the candidate comes from (several when sources agree).
  "source: the rules' answer",
  "source: the rules' answer from the sentence's own attribution",
  "source: the attribution as written",
  "source: the transcript turn",
  "source: the press release's issuer",
  "source: the previous sentence's speaker",
  "source: a quotation of several sentences",
  "source: a name in the sentence",
  "source: a name in the sentences before",
  "source: the person last named",
  "source: the outlet's own voice (null)",
  "variant: a leading title dropped",
  "variant: a surname expanded to the full name",
  "variant: the dropped word reads as a role (-er, -or, -man, -member)",
  "sources agreeing",
  // What the candidate is.
  "candidate: named (capitalized)",
  "candidate: a person's name",
  "candidate: an organisation's name",
  "candidate: an anonymous source (a, an, one, two…)",
  "candidate: a lower-case description (the agency)",
  "candidate: one word",
  "candidate: words (/6)",
  "candidate: mentions in the document (log)",
  // Where its name stands in the sentence.
  "name: the sentence's subject",
  "name: before the attribution verb",
  "name: after the attribution verb",
  "name: near the attribution verb (1 / (1 + tokens))",
  "name: inside a quotation",
  "name: next to a title",
  "name: after 'according to'",
  "name: followed by a comma (apposition)",
  "name before: closeness in sentences (1 / distance)",
  "name before: was that sentence's subject",
  // The sentence, for the candidates it favours.
  "previous speaker x sentence is a quotation",
  "previous speaker x sentence has no attribution",
  "last person x sentence is a quotation",
  "last person x first person outside quotes",
  "previous speaker x pronoun subject",
  "last person x pronoun subject",
  "name before x pronoun subject",
  "name: the subject x a wider verb of speech",
  "rules x sentence has an attribution",
  "rules x press-release fill-in",
  "rules x expands the attribution as written",
  "issuer x sentence has an attribution",
  "turn x sentence opens a turn",
  "null x sentence has an attribution verb",
  "null x the rules found an attribution",
  "null x sentence is a quotation",
  "null x sentence continues a quotation",
  "null x sentence is a question",
  "null x first person outside quotes",
  "null x document is a transcript",
  "null x a question turn",
  "null x document is a press release",
  "null x pronoun subject",
  "null x a wider verb of speech",
] as const;
export type SpeakerFeature = (typeof SPEAKER_FEATURES)[number];
/** Each feature's place in the values: looked up as a property, not a Map, in the hot loop. */
const I = Object.fromEntries(SPEAKER_FEATURES.map((name, i) => [name, i])) as Record<SpeakerFeature, number>;
const LAST_SOURCE = I["source: the person last named"];
const FIRST_VARIANT = I["variant: a leading title dropped"];

export interface SpeakerCandidate {
  /** The speaker as the app would show it; null for the outlet's own voice. */
  speaker: string | null;
  /** speakerKey(speaker): candidates with the same key are one. */
  key: string | null;
  values: Float64Array;
}

/** A speaker as compared: case, a leading "the" and punctuation do not matter (the bench compares labels the same way). */
export function speakerKey(speaker: string | null | undefined): string | null {
  if (speaker === null || speaker === undefined) return null;
  return (
    speaker
      .toLowerCase()
      .replace(/[’']/g, "'")
      .replace(/[^\p{L}\p{N}' ]+/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^the /, "") || null
  );
}

/** "Trooper", "Councilmember", "Commissioner", "Chairman": the shape of a role word, whether or not the rules list it. */
const ROLE_WORD = /^\p{Lu}\p{Ll}{2,}(?:er|or|man|woman|member|ist|ant|ent|ary)$/u;
const ANONYMOUS = /^(?:a|an|one|two|three|four|five|several|some|many)\s/i;
const QUESTION_TURNS = new Set(["Q", "QUESTION", "Question", "INTERVIEWER", "ANCHOR", "HOST", "PRESENTER", "REPORTER", "MODERATOR"]);
const FIRST_PERSON = new Set(["i", "we", "my", "our", "me", "us"]);
/** How many sentences back a name is still a candidate. */
const LOOK_BACK = 3;

/**
 * Verbs that report what someone said or did in words, beyond those the rules attribute by
 * ("He urged both sides…", "She declined to give the figure", "has written on Quill").
 */
const WIDER_SPEECH = new Set(
  (
    "urged urges declined declines refused refuses blamed blames demanded demands described describes called calls recalled recalls " +
    "remembers remembered wrote written posted tweeted opens opened closed ended announces announced conceded admits admitted " +
    "defended defends criticised criticized praised thanked apologised apologized rejected rejects dismissed dismisses " +
    "promised promises pledged vowed insisted suggested suggests proposed proposes hinted signalled signaled urging describing"
  ).split(" "),
);
const SUBJECT_PRONOUNS = new Set(["he", "she", "it", "they"]);
const QUOTE_MARKS = new Set(['"', "“", "”", "‘", "’", "'"]);

interface SentenceSignals {
  /** The sentence opens (after a time stamp or a label) with he, she, it or they. */
  pronounSubject: boolean;
  widerSpeech: boolean;
  verbs: number[];
  quoted: boolean[];
  quotation: boolean;
  question: boolean;
  firstPerson: boolean;
}

function signalsOf(sentence: CandidateSentence): SentenceSignals {
  const quoted = insideQuotes(sentence.tokens, sentence.opensInQuotation ?? false);
  const verbs: number[] = [];
  let words = 0;
  let inside = 0;
  let firstPerson = false;
  sentence.tokens.forEach((token, i) => {
    if (token.pos === "PUNCT" || QUOTE_MARKS.has(token.value)) return;
    words += 1;
    if (quoted[i]) inside += 1;
    else {
      if (isReportingVerb(token)) verbs.push(i);
      if (FIRST_PERSON.has(token.lower)) firstPerson = true;
    }
  });
  const quotation = Boolean(sentence.opensInQuotation) || /^["“]/.test(sentence.text) || (words > 0 && inside / words >= 0.5);
  // The first word after a time stamp, a label or a dash ("12:04 GMT — She …", "Update: he …").
  const first = sentence.tokens.find(
    (t, i) => /^\p{L}/u.test(t.value) && !/^(?:GMT|BST|UTC|CET|am|pm|a\.m\.|p\.m\.|Update|Updated)$/i.test(t.value) && !quoted[i],
  );
  const widerSpeech = sentence.tokens.some((t, i) => !quoted[i] && WIDER_SPEECH.has(t.lower));
  return {
    pronounSubject: SUBJECT_PRONOUNS.has(first?.lower ?? ""),
    widerSpeech,
    verbs,
    quoted,
    quotation,
    question: /\?["”’]?$/.test(sentence.text.trim()),
    firstPerson,
  };
}

const isOn = (values: Float64Array, feature: SpeakerFeature) => values[I[feature]] !== 0;
function setValue(values: Float64Array, feature: SpeakerFeature, value: number | boolean): void {
  values[I[feature]] = Number(value);
}
function raise(values: Float64Array, feature: SpeakerFeature, value = 1): void {
  if (value > values[I[feature]]!) values[I[feature]] = value;
}

/** "Councilmember Roy Malden" → "Roy Malden": a capitalized word before a two- or three-word name, perhaps a title the rules do not know. */
function withoutLeadingWord(speaker: string): string | null {
  const words = speaker.split(" ");
  if (words.length < 3 || words.length > 4 || !words.every((w) => /^\p{Lu}/u.test(w))) return null;
  if (isOrganisationName(words)) return null;
  return words.slice(1).join(" ");
}

/**
 * Candidate speakers for each sentence, with their features. Pure: the same sentences
 * and traces give the same candidates in the same order (the rules' answer first).
 */
export function speakerCandidates(sentences: CandidateSentence[], traces: SpeakerTrace[]): SpeakerCandidate[][] {
  // Names recur in a document: each is normalized once.
  const keys = new Map<string, string | null>();
  const keyOf = (speaker: string | null): string | null => {
    if (speaker === null) return null;
    let key = keys.get(speaker);
    if (key === undefined) {
      key = speakerKey(speaker);
      keys.set(speaker, key);
    }
    return key;
  };
  const documentIsTranscript = traces.some((t) => t.turn !== undefined);
  const documentIssuer = traces.find((t) => t.issuer)?.issuer ?? null;
  // Mentions of each speaker key in the document, and the full names a surname can expand to.
  const mentions = new Map<string, number>();
  const fullNames = new Map<string, string>();
  const count = (speaker: string | null) => {
    const key = keyOf(speaker);
    if (key) mentions.set(key, (mentions.get(key) ?? 0) + 1);
  };
  for (const trace of traces) {
    for (const name of trace.names) {
      count(name.name);
      const words = name.name.split(" ");
      if (name.person && words.length >= 2 && words.length <= 3) {
        const surname = words[words.length - 1]!.toLowerCase();
        const known = fullNames.get(surname);
        if (!known || known.length < name.name.length) fullNames.set(surname, name.name);
      }
    }
    count(trace.rules);
  }
  const signals = sentences.map(signalsOf);
  // What the rules made of each name key (the first reading wins): looked up once per candidate, so a long document costs linear time.
  const tracedByKey = new Map<string, SpeakerTrace["names"][number]>();
  for (const trace of traces)
    for (const name of trace.names) {
      const key = keyOf(name.name);
      if (key && !tracedByKey.has(key)) tracedByKey.set(key, name);
    }

  return sentences.map((sentence, i) => {
    const trace = traces[i]!;
    const signal = signals[i]!;
    // A sentence has a handful of candidates: a list searched by key costs less than a Map per sentence.
    const candidates: SpeakerCandidate[] = [];
    const add = (speaker: string | null, feature: SpeakerFeature, value = 1): SpeakerCandidate => {
      const key = keyOf(speaker);
      let candidate: SpeakerCandidate | undefined;
      for (const c of candidates) if (c.key === key) candidate = c;
      if (!candidate) {
        candidate = { speaker: key === null ? null : speaker, key, values: new Float64Array(SPEAKER_FEATURES.length) };
        candidates.push(candidate);
      }
      const j = I[feature];
      if (value > candidate.values[j]!) candidate.values[j] = value;
      return candidate;
    };
    const hasAttribution = trace.match !== null;
    add(trace.rules, "source: the rules' answer");
    if (trace.own !== null && keyOf(trace.own) === keyOf(trace.rules))
      add(trace.rules, "source: the rules' answer from the sentence's own attribution");
    const writtenAttribution = trace.match?.speaker ? nameInPhrase(trace.match.speaker.split(/\s+/)).join(" ") : null;
    if (writtenAttribution) add(writtenAttribution, "source: the attribution as written");
    if (trace.turn !== undefined) add(trace.turn, "source: the transcript turn");
    if (trace.issuer) add(trace.issuer, "source: the press release's issuer");
    const previous = i > 0 && sentence.paragraph - sentences[i - 1]!.paragraph <= 1 ? traces[i - 1]!.rules : null;
    if (previous) add(previous, "source: the previous sentence's speaker");
    if (trace.quotation) add(trace.quotation, "source: a quotation of several sentences");
    if (trace.lastPerson) add(trace.lastPerson, "source: the person last named");
    for (const name of trace.names) add(name.name, "source: a name in the sentence");
    for (let back = 1; back <= LOOK_BACK && i - back >= 0; back += 1) {
      if (sentence.paragraph - sentences[i - back]!.paragraph > 1) break;
      for (const name of traces[i - back]!.names) {
        add(name.name, "source: a name in the sentences before");
        add(name.name, "name before: closeness in sentences (1 / distance)", 1 / back);
        if (name.subject) add(name.name, "name before: was that sentence's subject");
      }
    }
    add(null, "source: the outlet's own voice (null)");

    // Variants of the named candidates: a title the rules left on, a surname the document gives in full elsewhere.
    for (const candidate of candidates.slice()) {
      if (candidate.speaker === null) continue;
      const shorter = withoutLeadingWord(candidate.speaker);
      if (shorter) {
        const variant = add(shorter, "variant: a leading title dropped");
        if (ROLE_WORD.test(candidate.speaker.split(" ")[0]!))
          add(shorter, "variant: the dropped word reads as a role (-er, -or, -man, -member)");
        for (let j = 0; j < FIRST_VARIANT; j += 1) variant.values[j] = Math.max(variant.values[j]!, candidate.values[j]!);
      }
      if (/^\p{Lu}[\p{L}'’-]+$/u.test(candidate.speaker)) {
        const full = fullNames.get(candidate.speaker.toLowerCase());
        if (full && full !== candidate.speaker) {
          const variant = add(full, "variant: a surname expanded to the full name");
          for (let j = 0; j < FIRST_VARIANT; j += 1) variant.values[j] = Math.max(variant.values[j]!, candidate.values[j]!);
        }
      }
    }

    // Where each name stands in this sentence; the best-placed mention counts.
    for (const name of trace.names) {
      const nearest = { verb: -1, distance: Infinity };
      for (const v of signal.verbs) {
        const distance = v >= name.end ? v - name.end : v < name.start ? name.start - v - 1 : 0;
        if (distance < nearest.distance) {
          nearest.verb = v;
          nearest.distance = distance;
        }
      }
      const named = add(name.name, "source: a name in the sentence");
      if (name.subject) raise(named.values, "name: the sentence's subject");
      if (nearest.verb !== -1) {
        raise(named.values, nearest.verb >= name.end ? "name: before the attribution verb" : "name: after the attribution verb");
        raise(named.values, "name: near the attribution verb (1 / (1 + tokens))", 1 / (1 + nearest.distance));
      }
      if (signal.quoted[name.start]) raise(named.values, "name: inside a quotation");
      const before = sentence.tokens[name.start - 1];
      if ((before && isTitleWord(before.value.replace(/\.$/, ""))) || name.written.split(" ").length < name.end - name.start)
        raise(named.values, "name: next to a title");
      if (sentence.tokens[name.start - 1]?.lower === "to" && sentence.tokens[name.start - 2]?.lower === "according")
        raise(named.values, "name: after 'according to'");
      if (sentence.tokens[name.end]?.value === ",") raise(named.values, "name: followed by a comma (apposition)");
    }

    for (const candidate of candidates) {
      const v = candidate.values;
      let agreeing = 0;
      for (let j = 0; j <= LAST_SOURCE; j += 1) if (v[j] !== 0) agreeing += 1;
      setValue(v, "sources agreeing", agreeing / 4);
      if (candidate.speaker === null) {
        setValue(v, "null x sentence has an attribution verb", signal.verbs.length > 0);
        setValue(v, "null x the rules found an attribution", hasAttribution);
        setValue(v, "null x sentence is a quotation", signal.quotation);
        setValue(v, "null x sentence continues a quotation", Boolean(sentence.opensInQuotation));
        setValue(v, "null x sentence is a question", signal.question);
        setValue(v, "null x first person outside quotes", signal.firstPerson);
        setValue(v, "null x document is a transcript", documentIsTranscript);
        setValue(
          v,
          "null x a question turn",
          (trace.turnLabel !== null && QUESTION_TURNS.has(trace.turnLabel)) || (trace.turn === null && documentIsTranscript),
        );
        setValue(v, "null x document is a press release", documentIssuer !== null);
        setValue(v, "null x pronoun subject", signal.pronounSubject);
        setValue(v, "null x a wider verb of speech", signal.widerSpeech);
        continue;
      }
      const speaker = candidate.speaker;
      const words = speaker.split(" ");
      setValue(v, "candidate: named (capitalized)", /^\p{Lu}/u.test(speaker) && !ANONYMOUS.test(speaker));
      const traced = tracedByKey.get(candidate.key ?? "");
      const personLike =
        traced?.person ??
        (words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) && !isOrganisationName(words));
      setValue(v, "candidate: a person's name", personLike);
      setValue(v, "candidate: an organisation's name", !personLike && (traced?.organisation ?? isOrganisationName(words)));
      setValue(v, "candidate: an anonymous source (a, an, one, two…)", ANONYMOUS.test(speaker));
      setValue(v, "candidate: a lower-case description (the agency)", /^(?:the|its|their)\s+\p{Ll}/u.test(speaker));
      setValue(v, "candidate: one word", words.length === 1);
      setValue(v, "candidate: words (/6)", Math.min(words.length, 6) / 6);
      setValue(v, "candidate: mentions in the document (log)", Math.log1p(mentions.get(candidate.key ?? "") ?? 0) / 3);
      if (isOn(v, "source: the previous sentence's speaker")) {
        setValue(v, "previous speaker x sentence is a quotation", signal.quotation);
        setValue(v, "previous speaker x sentence has no attribution", !hasAttribution);
      }
      if (isOn(v, "source: the person last named")) {
        setValue(v, "last person x sentence is a quotation", signal.quotation);
        setValue(v, "last person x first person outside quotes", signal.firstPerson);
        setValue(v, "last person x pronoun subject", signal.pronounSubject && !hasAttribution);
      }
      if (isOn(v, "source: the previous sentence's speaker"))
        setValue(v, "previous speaker x pronoun subject", signal.pronounSubject && !hasAttribution);
      if (signal.pronounSubject && !hasAttribution)
        setValue(v, "name before x pronoun subject", v[I["name before: closeness in sentences (1 / distance)"]]!);
      if (signal.widerSpeech && isOn(v, "name: the sentence's subject")) setValue(v, "name: the subject x a wider verb of speech", true);
      if (isOn(v, "source: the rules' answer")) {
        setValue(v, "rules x sentence has an attribution", hasAttribution);
        setValue(v, "rules x press-release fill-in", trace.own === null && trace.issuer !== null && keyOf(trace.issuer) === candidate.key);
        // "Orvane" → "Orvane Metals", "the airport" → "Osterby Airport Group": the rules resolved what the sentence wrote to a fuller name.
        const written = keyOf(writtenAttribution);
        setValue(
          v,
          "rules x expands the attribution as written",
          written !== null && written !== candidate.key && (candidate.key ?? "").includes(written.split(" ").pop()!),
        );
      }
      if (isOn(v, "source: the press release's issuer")) setValue(v, "issuer x sentence has an attribution", hasAttribution);
      if (isOn(v, "source: the transcript turn")) setValue(v, "turn x sentence opens a turn", trace.turnLabel !== null);
    }
    return candidates;
  });
}
