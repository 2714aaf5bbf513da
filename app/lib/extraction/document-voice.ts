// Who speaks in documents whose shape says so: an interview transcript, where every
// sentence of a turn belongs to the person of its label ("VALTORRE:", "A:"), and a press
// release, where whatever the release says in its own voice is said by the organisation
// that issued it.
import { nameInPhrase } from "./names";

export interface VoiceSentence {
  text: string;
  paragraph: number;
}

/** "Q:", "A:", "INTERVIEWER:", "PRESIDENT TOMAS RYKER:": a turn label in capitals at the start of a sentence. */
const TURN_LABEL = /^["“]?(Q|A|Question|Answer|[A-Z][A-Z .'’-]{1,40}[A-Z.]):\s+\S/;
/** "Q. Will you sell?" / "A. No.": the short labels with a full stop. */
const DOTTED_TURN = /^["“]?(Q|A)\.\s+\p{Lu}/u;
/** "Oskar Lund: Who is paying?": a name in ordinary capitals, a turn only when the document uses it as one more than once. */
const NAMED_TURN = /^(\p{Lu}\p{Ll}+(?: \p{Lu}[\p{Ll}'’-]+){1,2}):\s+\S/u;
const QUESTION_LABELS = new Set(["Q", "QUESTION", "Question"]);
const INTERVIEWER_LABELS = new Set(["INTERVIEWER", "ANCHOR", "HOST", "PRESENTER", "REPORTER", "MODERATOR"]);
const ANSWER_LABELS = new Set(["A", "ANSWER", "Answer"]);
/** "X spoke to Y", "X sat down with Y", "X joined Y on Money Hour". */
const MEETING =
  /^(.+?)\s+(?:spoke to|spoke with|sat down with|joined|talked to|talked with|met with|was interviewed by)\s+(.+?)(?=\s+(?:on|at|in|for|from|about|after|before|last|this|earlier|later)\b|[,.;]|$)/;
/** A literal part of every MEETING match (the text it is tested on is a suffix of the sentence). */
const MEETING_WORDS = ["spoke to", "spoke with", "sat down with", "joined", "talked to", "talked with", "met with", "was interviewed by"];
/** "Noor Castell's conversation with Tomas Ryker, president of…". */
const CONVERSATION =
  /(?:^|\s)([A-Z][\p{L}-]+(?:\s[A-Z][\p{L}-]+){0,3})['’]s\s+(?:conversation|interview|talk)\s+with\s+([A-Z][\p{L}-]+(?:\s[A-Z][\p{L}-]+){0,3})/u;

export function turnLabel(text: string): string | null {
  return TURN_LABEL.exec(text)?.[1] ?? DOTTED_TURN.exec(text)?.[1] ?? null;
}

/** Turn labels of every sentence: the capitalized ones, and names in ordinary capitals that label two turns or more. */
function turnLabels(sentences: VoiceSentence[]): Array<string | null> {
  const labels = sentences.map((s) => turnLabel(s.text));
  const named = sentences.map((s) => (s.text.includes(":") ? (NAMED_TURN.exec(s.text)?.[1] ?? null) : null));
  const uses = new Map<string, number>();
  for (const name of named) if (name) uses.set(name, (uses.get(name) ?? 0) + 1);
  return labels.map((label, i) => label ?? (named[i] && uses.get(named[i]!)! >= 2 ? named[i] : null));
}

const titleCase = (label: string) =>
  label
    .split(/\s+/)
    .map((w) => w.charAt(0) + w.slice(1).toLowerCase())
    .join(" ")
    // "OSEI-LUND" → "Osei-Lund", "O'HARE" → "O'Hare".
    .replace(/([-'’])(\p{Ll})/gu, (_, mark: string, letter: string) => mark + letter.toUpperCase());

const PRONOUNS = /^(?:he|she|they|him|her|them)$/i;

export interface SpeakerLookup {
  /** The full name for a surname met in the document ("OLANDER" → "Birgitta Olander"). */
  fullName(name: string): string | null;
  /** The person last named before the given sentence. */
  personBefore(sentence: number): string | null;
}

/** The name in a phrase of an interview's introduction, or the person a pronoun refers to. */
function personIn(phrase: string, sentence: number, lookup: SpeakerLookup): string | null {
  // "Lena Marsh of The Weekend Ledger": the person, not where they work.
  const trimmed = phrase.trim().replace(/\s+(?:of|from|at|for)\s+.*$/, "");
  if (PRONOUNS.test(trimmed)) return lookup.personBefore(sentence);
  const name = nameInPhrase(trimmed.replace(/\s+(['’]s)\b/g, "$1").split(/\s+/)).join(" ");
  if (!/^\p{Lu}/u.test(name) || name.split(" ").length > 4) return null;
  return lookup.fullName(name) ?? name;
}

/** The interviewer, when a person is named: "spoke to Byteline" names the outlet, and its questions stay without a speaker. */
function interviewerIn(phrase: string, sentence: number, lookup: SpeakerLookup): string | null {
  const name = personIn(phrase, sentence, lookup);
  return name && name.includes(" ") ? name : null;
}

/**
 * For an interview transcript (two or more sentences opening with a turn label), the
 * speaker of every sentence from the first turn on: the person of its turn (null for an
 * unnamed "Q:"). Sentences before the first turn (the introduction) are undefined, to be
 * read like any article. Returns null when the document is not a transcript.
 */
export function interviewSpeakers(sentences: VoiceSentence[], lookup: SpeakerLookup): Array<string | null | undefined> | null {
  // Turns usually open paragraphs, but a question and its answer can share one ("Q: …? A: …").
  const turns = turnLabels(sentences);
  if (turns.filter(Boolean).length < 2) return null;
  const firstTurn = turns.findIndex(Boolean);
  let interviewee: string | null = null;
  let interviewer: string | null = null;
  for (let i = 0; i < firstTurn; i += 1) {
    const text = sentences[i]!.text;
    // Both patterns need a literal word of theirs: most sentences have none, and the patterns cost most on long sentences.
    const conversation = text.includes("with") ? CONVERSATION.exec(text) : null;
    if (conversation) {
      interviewer = interviewerIn(conversation[1]!, i, lookup);
      interviewee = personIn(conversation[2]!, i, lookup);
      continue;
    }
    const meeting = MEETING_WORDS.some((w) => text.includes(w))
      ? MEETING.exec(text.replace(/^(?:Its|His|Her|Their)\s+[a-z ]+,\s+/, ""))
      : null;
    if (meeting) {
      const subject = meeting[1]!.replace(/,.*$/, "");
      const object = meeting[2]!;
      // "We met her": the one met is the interviewee.
      if (/^we$/i.test(subject)) interviewee = personIn(object, i, lookup) ?? interviewee;
      else {
        interviewee = personIn(subject, i, lookup) ?? interviewee;
        interviewer = interviewerIn(object, i, lookup) ?? interviewer;
      }
    } else if (/\b(?:we|i)\s+met\s+(?:her|him)\b/i.test(text)) interviewee = lookup.personBefore(i) ?? interviewee;
  }
  interviewee ??= lookup.personBefore(firstTurn);
  let current: string | null = null;
  return sentences.map((_, i) => {
    if (i < firstTurn) return undefined;
    const label = turns[i];
    if (label) {
      // "Q:" is the interviewer's turn: named when the introduction names them ("She spoke to Lena Marsh of …"), else null ("spoke to us").
      if (QUESTION_LABELS.has(label) || INTERVIEWER_LABELS.has(label)) current = interviewer;
      else if (ANSWER_LABELS.has(label)) current = interviewee;
      else current = personIn(titleCase(label), i, lookup);
    }
    return current;
  });
}

/** "About Quillary Systems": the heading of a press release's boilerplate. */
const ABOUT = /^About\s+(?:the\s+)?(\p{Lu}[\p{L}&.'’ -]{1,60})$/u;
/** "Media contact: Office of Communications, Haldane County Prosecutor's Office, 555-0190": the organisation among the parts. */
const CONTACT = /^(?:Media|Press|Investor|Investors)?\s*(?:contact|enquiries|inquiries)s?:\s*(.+)$/i;
const RELEASE_MARKS =
  /^(?:Media|Press|Investor|Investors)\s+(?:contact|enquiries|inquiries|relations)\b|\bthis (?:press release|announcement|news release) contains\b|^For more information\b/i;

/**
 * The organisation that issued a press release (from its "About X" heading, else the
 * organisation in its media contact line, else the name that opens it), or null when
 * the document does not read like one: no "About X" heading and no media contact.
 */
export function pressReleaseIssuer(
  sentences: Array<VoiceSentence & { firstName: string | null }>,
  isOrganisation: (name: string) => boolean,
): string | null {
  const about = sentences.map((s) => ABOUT.exec(s.text.trim())?.[1]?.trim()).find(Boolean);
  const marked = sentences.some((s) => RELEASE_MARKS.test(s.text.trim()));
  if (!about && !marked) return null;
  const contact = sentences
    .map((s) => CONTACT.exec(s.text.trim())?.[1])
    .flatMap((parts) => parts?.split(/\s*,\s*/) ?? [])
    .map((part) => part.trim())
    .find((part) => /^\p{Lu}/u.test(part) && isOrganisation(part) && !/^Office of\b/.test(part));
  return about ?? contact ?? sentences.find((s) => s.firstName)?.firstName ?? null;
}
