// Candidate speakers for each sentence of a document, and the interpretable features the
// learned speaker model (speaker-model.ts, ADR 008) ranks them by. The candidates come from
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
] as const;
export type SpeakerFeature = (typeof SPEAKER_FEATURES)[number];
const INDEX = new Map<string, number>(SPEAKER_FEATURES.map((name, i) => [name, i]));

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

const ANONYMOUS = /^(?:a|an|one|two|three|four|five|several|some|many)\s/i;
const QUESTION_TURNS = new Set(["Q", "QUESTION", "Question", "INTERVIEWER", "ANCHOR", "HOST", "PRESENTER", "REPORTER", "MODERATOR"]);
const FIRST_PERSON = new Set(["i", "we", "my", "our", "me", "us"]);
/** How many sentences back a name is still a candidate. */
const LOOK_BACK = 3;

interface SentenceSignals {
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
    if (token.pos === "PUNCT" || /^["“”‘’']$/.test(token.value)) return;
    words += 1;
    if (quoted[i]) inside += 1;
    else {
      if (isReportingVerb(token)) verbs.push(i);
      if (FIRST_PERSON.has(token.lower)) firstPerson = true;
    }
  });
  const quotation = Boolean(sentence.opensInQuotation) || /^["“]/.test(sentence.text) || (words > 0 && inside / words >= 0.5);
  return { verbs, quoted, quotation, question: /\?["”’]?$/.test(sentence.text.trim()), firstPerson };
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
  const documentIsTranscript = traces.some((t) => t.turn !== undefined);
  const documentIssuer = traces.find((t) => t.issuer)?.issuer ?? null;
  // Mentions of each speaker key in the document, and the full names a surname can expand to.
  const mentions = new Map<string, number>();
  const fullNames = new Map<string, string>();
  const count = (speaker: string | null) => {
    const key = speakerKey(speaker);
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
      const key = speakerKey(name.name);
      if (key && !tracedByKey.has(key)) tracedByKey.set(key, name);
    }

  return sentences.map((sentence, i) => {
    const trace = traces[i]!;
    const signal = signals[i]!;
    const byKey = new Map<string | null, SpeakerCandidate>();
    const add = (speaker: string | null, feature: SpeakerFeature, value = 1): SpeakerCandidate => {
      const key = speakerKey(speaker);
      let candidate = byKey.get(key);
      if (!candidate) {
        candidate = { speaker: key === null ? null : speaker, key, values: new Float64Array(SPEAKER_FEATURES.length) };
        byKey.set(key, candidate);
      }
      const j = INDEX.get(feature)!;
      candidate.values[j] = Math.max(candidate.values[j]!, value);
      return candidate;
    };
    const hasAttribution = trace.match !== null;
    add(trace.rules, "source: the rules' answer");
    if (trace.own !== null && speakerKey(trace.own) === speakerKey(trace.rules))
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
    for (const candidate of [...byKey.values()]) {
      if (candidate.speaker === null) continue;
      const shorter = withoutLeadingWord(candidate.speaker);
      if (shorter) {
        const variant = add(shorter, "variant: a leading title dropped");
        for (let j = 0; j < INDEX.get("variant: a leading title dropped")!; j += 1)
          variant.values[j] = Math.max(variant.values[j]!, candidate.values[j]!);
      }
      if (/^\p{Lu}[\p{L}'’-]+$/u.test(candidate.speaker)) {
        const full = fullNames.get(candidate.speaker.toLowerCase());
        if (full && full !== candidate.speaker) {
          const variant = add(full, "variant: a surname expanded to the full name");
          for (let j = 0; j < INDEX.get("variant: a leading title dropped")!; j += 1)
            variant.values[j] = Math.max(variant.values[j]!, candidate.values[j]!);
        }
      }
    }

    // Where each name stands in this sentence; the best-placed mention counts.
    for (const name of trace.names) {
      const nearest = signal.verbs.reduce(
        (best, v) => {
          const distance = v >= name.end ? v - name.end : v < name.start ? name.start - v - 1 : 0;
          return distance < best.distance ? { verb: v, distance } : best;
        },
        { verb: -1, distance: Infinity },
      );
      const set = (feature: SpeakerFeature, value = 1) => add(name.name, feature, value);
      if (name.subject) set("name: the sentence's subject");
      if (nearest.verb !== -1) {
        set(nearest.verb >= name.end ? "name: before the attribution verb" : "name: after the attribution verb");
        set("name: near the attribution verb (1 / (1 + tokens))", 1 / (1 + nearest.distance));
      }
      if (signal.quoted[name.start]) set("name: inside a quotation");
      const before = sentence.tokens[name.start - 1];
      if ((before && isTitleWord(before.value.replace(/\.$/, ""))) || name.written.split(" ").length < name.end - name.start)
        set("name: next to a title");
      if (sentence.tokens[name.start - 1]?.lower === "to" && sentence.tokens[name.start - 2]?.lower === "according")
        set("name: after 'according to'");
      if (sentence.tokens[name.end]?.value === ",") set("name: followed by a comma (apposition)");
    }

    const candidates = [...byKey.values()];
    for (const candidate of candidates) {
      const v = candidate.values;
      const on = (feature: SpeakerFeature) => v[INDEX.get(feature)!] !== 0;
      const put = (feature: SpeakerFeature, value: number | boolean) => {
        v[INDEX.get(feature)!] = Number(value);
      };
      let agreeing = 0;
      for (let j = 0; j <= INDEX.get("source: the person last named")!; j += 1) if (v[j] !== 0) agreeing += 1;
      put("sources agreeing", agreeing / 4);
      if (candidate.speaker === null) {
        put("null x sentence has an attribution verb", signal.verbs.length > 0);
        put("null x the rules found an attribution", hasAttribution);
        put("null x sentence is a quotation", signal.quotation);
        put("null x sentence continues a quotation", Boolean(sentence.opensInQuotation));
        put("null x sentence is a question", signal.question);
        put("null x first person outside quotes", signal.firstPerson);
        put("null x document is a transcript", documentIsTranscript);
        put(
          "null x a question turn",
          (trace.turnLabel !== null && QUESTION_TURNS.has(trace.turnLabel)) || (trace.turn === null && documentIsTranscript),
        );
        put("null x document is a press release", documentIssuer !== null);
        continue;
      }
      const speaker = candidate.speaker;
      const words = speaker.split(" ");
      put("candidate: named (capitalized)", /^\p{Lu}/u.test(speaker) && !ANONYMOUS.test(speaker));
      const traced = tracedByKey.get(candidate.key ?? "");
      const personLike =
        traced?.person ??
        (words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) && !isOrganisationName(words));
      put("candidate: a person's name", personLike);
      put("candidate: an organisation's name", !personLike && (traced?.organisation ?? isOrganisationName(words)));
      put("candidate: an anonymous source (a, an, one, two…)", ANONYMOUS.test(speaker));
      put("candidate: a lower-case description (the agency)", /^(?:the|its|their)\s+\p{Ll}/u.test(speaker));
      put("candidate: one word", words.length === 1);
      put("candidate: words (/6)", Math.min(words.length, 6) / 6);
      put("candidate: mentions in the document (log)", Math.log1p(mentions.get(candidate.key ?? "") ?? 0) / 3);
      if (on("source: the previous sentence's speaker")) {
        put("previous speaker x sentence is a quotation", signal.quotation);
        put("previous speaker x sentence has no attribution", !hasAttribution);
      }
      if (on("source: the person last named")) {
        put("last person x sentence is a quotation", signal.quotation);
        put("last person x first person outside quotes", signal.firstPerson);
      }
      if (on("source: the rules' answer")) {
        put("rules x sentence has an attribution", hasAttribution);
        put("rules x press-release fill-in", trace.own === null && trace.issuer !== null && speakerKey(trace.issuer) === candidate.key);
        // "Orvane" → "Orvane Metals", "the airport" → "Osterby Airport Group": the rules resolved what the sentence wrote to a fuller name.
        const written = speakerKey(writtenAttribution);
        put(
          "rules x expands the attribution as written",
          written !== null && written !== candidate.key && (candidate.key ?? "").includes(written.split(" ").pop()!),
        );
      }
      if (on("source: the press release's issuer")) put("issuer x sentence has an attribution", hasAttribution);
      if (on("source: the transcript turn")) put("turn x sentence opens a turn", trace.turnLabel !== null);
    }
    return candidates;
  });
}
