import type { ItemEntity } from "wink-nlp";
import { MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS, isCalendarWord } from "../extraction/calendar";
import { nlp } from "../extraction/nlp";
import { countsPeople, isMeasure } from "./counted-units";
import { personDifferences, readPersonName } from "./people";
import { STOP_WORDS, WORD_NUMBERS, concept, stem } from "./terms";

export type DetailKind = "money" | "percentage" | "number" | "duration" | "time" | "date" | "name";

/**
 * A checkable detail of a sentence, with a value that compares across wordings
 * ("$48 million" = "48 million dollars" = 48000000; "5 p.m." = "17:00" = 1020).
 */
export interface Detail {
  kind: DetailKind;
  /** As written. */
  raw: string;
  /** Comparable value: an amount, minutes after midnight or of a span of time, a canonical date, a name. */
  value: string;
  start: number;
  end: number;
  /**
   * What the value counts or is measured in: the counted thing for numbers ("flight"),
   * the currency for money ("EUR"), the unit as written for durations ("year"), the form for dates
   * ("weekday", "month-day"...). Empty when the text does not say.
   */
  unit: string;
  /** Terms of the words around the detail, to tell whether two details speak of the same thing. */
  context: string[];
  /** For a name: the title it is given here, as terms ("defens secretari"), and the given name. */
  title?: string;
  forename?: string;
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, mn: 1e6, bn: 1e9 };
const CURRENCY_OF: Record<string, string> = {
  $: "USD",
  usd: "USD",
  dollar: "USD",
  dollars: "USD",
  "€": "EUR",
  eur: "EUR",
  euro: "EUR",
  euros: "EUR",
  "£": "GBP",
  gbp: "GBP",
  pound: "GBP",
  pounds: "GBP",
};
const CONTEXT_WORDS = 3;
const TIME_DETERMINERS = new Set(["last", "next", "this", "per", "each", "every"]);
/** Minutes in each unit a span of time is given in, so "two hours" and "90 minutes" compare. */
const MINUTES_IN: Record<string, number> = {
  second: 1 / 60,
  minute: 1,
  hour: 60,
  day: 1440,
  night: 1440,
  week: 10080,
  fortnight: 20160,
  month: 43800,
  year: 525600,
  decade: 5256000,
};
/** The units of time, as a regular-expression alternation: "second|minute|hour|...". */
export const TIME_UNITS = Object.keys(MINUTES_IN).join("|");
let minutesInStem: Map<string, number> | undefined;
/** Minutes in a unit of time given as the stem a counted word gets ("10-day", "12 days" -> "day"; "90 minutes" -> "minut"). */
function minutesInUnit(stemmed: string): number | undefined {
  minutesInStem ??= new Map(Object.entries(MINUTES_IN).map(([unit, minutes]) => [stem(unit), minutes]));
  return minutesInStem.get(stemmed);
}

function parseAmount(raw: string): number | null {
  const text = raw.toLowerCase().replace(/(?<=\d),(?=\d{3}\b)/g, "");
  const digits = /(\d+(?:\.\d+)?)/.exec(text);
  let value = digits ? Number(digits[1]) : null;
  if (value === null) {
    // "Sixteen", "twenty-five": a written count, tens and units added.
    const words = text.split(/[^a-z]+/).filter((w) => w in WORD_NUMBERS);
    const [first, second] = words.map((w) => WORD_NUMBERS[w]!);
    value = first === undefined ? null : second !== undefined && first >= 20 && first % 10 === 0 && second < 10 ? first + second : first;
  }
  if (value === null) return null;
  const scale = /(?:\d|\s|^)(thousand|million|billion|trillion|bn|mn|m|k)\b/.exec(text)?.[1];
  return scale ? Math.round(value * SCALE[scale]! * 1000) / 1000 : value;
}

function currencyOf(raw: string): string {
  const lower = raw.toLowerCase();
  for (const [mark, code] of Object.entries(CURRENCY_OF)) {
    if (mark.length === 1 ? lower.includes(mark) : new RegExp(`\\b${mark}\\b`).test(lower)) return code;
  }
  return "";
}

/** Minutes after midnight: "5 p.m." = 1020, "5:01pm" = 1021, "17:00" = 1020, "noon" = 720, "midnight" = 1440. */
function parseTime(raw: string): number | null {
  const text = raw.toLowerCase();
  if (/\bnoon\b/.test(text)) return 720;
  if (/\bmidnight\b/.test(text)) return 1440;
  const twelveHour = /(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m/.exec(text);
  if (twelveHour) return ((Number(twelveHour[1]) % 12) + (twelveHour[3] === "p" ? 12 : 0)) * 60 + Number(twelveHour[2] ?? 0);
  const clock = /(\d{1,2}):(\d{2})/.exec(text);
  return clock ? Number(clock[1]) * 60 + Number(clock[2]) : null;
}

/** A canonical date and its form: "Nov. 3" and "3 November" are both "november 3" (month-day). */
function parseDate(raw: string): { value: string; form: string } | null {
  const words = raw
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const month = words.map((w) => (MONTHS.includes(w) ? w : MONTH_ABBREVIATIONS[w])).find(Boolean);
  const weekday = words.find((w) => WEEKDAYS.includes(w));
  const year = words.find((w) => /^(19|20)\d\d$/.test(w));
  const day = words.find((w) => /^\d{1,2}(st|nd|rd|th)?$/.test(w))?.replace(/\D/g, "");
  if (month && day) return { value: [month, day, year].filter(Boolean).join(" "), form: year ? "full" : "month-day" };
  if (month) return { value: [month, year].filter(Boolean).join(" "), form: year ? "month-year" : "month" };
  if (weekday) return { value: weekday, form: "weekday" };
  if (year) return { value: year, form: "year" };
  // "last month", "this week": relative dates compare only when worded alike.
  const value = words.filter((w) => !["on", "the", "of", "in", "at", "by", "until", "since", "early", "late", "mid"].includes(w)).join(" ");
  return value ? { value, form: "relative" } : null;
}

// Amounts, percentages and clock times in the forms newsrooms write them, which the
// general-purpose entity recognizer splits or misses ("$1.2bn", "€14m", "11:59pm", "17:00").
const MONEY_PATTERN =
  /(?<![\w$€£])(?:(?:US|A|C|NZ|HK)?[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:bn|mn|m|k|thousand|million|billion|trillion)\b)?|\d[\d,]*(?:\.\d+)?\s?(?:thousand|million|billion|trillion)?\s?(?:dollars|euros|pounds)\b)/gi;
const PERCENT_PATTERN = /(?<![\w.])\d+(?:\.\d+)?\s?(?:%|percent\b|per cent\b)/gi;
// "for a week", "within an hour", "an hour later": one unit of time, which the recognizer does not read as a span
// ("38,000 cars a day" is a rate, not one).
const SINGLE_SPAN_PATTERN = new RegExp(
  `\\b(?:(?:for|within|after|over|in|lasting|lasted|took|takes|take)\\s+(?:(?:about|nearly|almost|more than|less than)\\s+)?((?:a|an|one)\\s+(${TIME_UNITS}))\\b|((?:a|an|one)\\s+(${TIME_UNITS}))\\s+(?:later|afterwards|earlier)\\b)`,
  "gi",
);
const UNIT_OF_TIME = new RegExp(`(${TIME_UNITS})`);
const TIME_PATTERN = /(?<![\w:])(?:\d{1,2}(?::[0-5]\d)?\s?[ap]\.?\s?m\b\.?|(?:[01]?\d|2[0-3]):[0-5]\d\b|noon\b|midnight\b)/gi;

interface Token {
  value: string;
  start: number;
  end: number;
  pos: string;
  /** Its place in the text's tokens, so neighbours are found without a search. */
  index: number;
}

/**
 * Bounds on what matching reads: passages are sentences (at most 1,000 characters, see
 * NLP_LIMITS), but a claim added by hand can be any selection. Past these, a text's details
 * are not read; inside them, every step below is linear in the text.
 */
export const MATCH_LIMITS = {
  maxTextChars: 2_000,
  /** How far from a detail its context words are looked for, in tokens. */
  contextReach: 40,
};

/** The first index in `sorted` whose key is at least `value` (sorted.length when none is). */
function lowerBound<T>(sorted: T[], value: number, key: (item: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (key(sorted[middle]!) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The details of a text that a fact can hinge on: money, percentages, counts (with
 * what they count), durations, clock times, dates and proper names.
 */
export function extractDetails(fullText: string, limits = MATCH_LIMITS): Detail[] {
  const text = fullText.length > limits.maxTextChars ? fullText.slice(0, limits.maxTextChars) : fullText;
  const details: Array<Omit<Detail, "context">> = [];
  // Which characters a detail already covers: an overlap test costs the span's length, not the number of details.
  const covered = new Uint8Array(text.length + 1);
  const overlaps = (start: number, end: number) => {
    for (let i = Math.max(0, start); i < end && i < covered.length; i += 1) if (covered[i]) return true;
    return false;
  };
  const add = (detail: Omit<Detail, "context">) => {
    details.push(detail);
    covered.fill(1, Math.max(0, detail.start), Math.min(covered.length, detail.end));
  };

  for (const match of text.matchAll(MONEY_PATTERN)) {
    const amount = parseAmount(match[0]);
    if (amount !== null)
      add({
        kind: "money",
        raw: match[0].trim(),
        value: String(amount),
        start: match.index,
        end: match.index + match[0].trimEnd().length,
        unit: currencyOf(match[0]),
      });
  }
  for (const match of text.matchAll(PERCENT_PATTERN)) {
    const amount = parseAmount(match[0]);
    if (amount !== null && !overlaps(match.index, match.index + match[0].length))
      add({ kind: "percentage", raw: match[0], value: String(amount), start: match.index, end: match.index + match[0].length, unit: "" });
  }
  for (const match of text.matchAll(SINGLE_SPAN_PATTERN)) {
    const raw = match[1] ?? match[3]!;
    const unit = (match[2] ?? match[4]!).toLowerCase();
    const start = match.index + match[0].indexOf(raw);
    add({ kind: "duration", raw, value: String(MINUTES_IN[unit]!), start, end: start + raw.length, unit });
  }
  for (const match of text.matchAll(TIME_PATTERN)) {
    const minutes = parseTime(match[0]);
    if (minutes !== null && !overlaps(match.index, match.index + match[0].length))
      add({
        kind: "time",
        raw: match[0].trim(),
        value: String(minutes),
        start: match.index,
        end: match.index + match[0].trimEnd().length,
        unit: "",
      });
  }

  const engine = nlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const tokens: Token[] = [];
  let offset = 0;
  values.forEach((value, i) => {
    offset += spaces[i]!.length;
    // wink keeps the original characters; look them up to stay exact if it normalized any.
    if (!text.startsWith(value, offset)) {
      const found = text.indexOf(value, offset);
      if (found !== -1) offset = found;
    }
    tokens.push({ value, start: offset, end: offset + value.length, pos: pos[i]!, index: i });
    offset += value.length;
  });

  // What a number counts: the noun right after it ("420 flights", "48-bed", "600 new jobs"),
  // not a word further on ("420 according to the company").
  // "the 10-day heatwave", "12 days of heat": a count of days is a span of time; "a 22-year-old" is an age.
  const countOrSpan = (raw: string, amount: number, start: number, end: number, unit: string): Omit<Detail, "context"> => {
    // Only the next few words can say "-year-old": never the rest of the text.
    const after = text.slice(end, end + 64);
    const age = /^\s*-?\s*\p{L}+\s*-?\s*old\b/u.test(after);
    const minutes = minutesInUnit(unit);
    if (minutes === undefined || age) return { kind: "number", raw, value: String(amount), start, end, unit };
    return { kind: "duration", raw, value: String(Math.round(amount * minutes * 1000) / 1000), start, end, unit };
  };
  const unitAfter = (end: number): string => {
    const first = lowerBound(tokens, end, (t) => t.start);
    for (const token of tokens.slice(first, first + 3)) {
      const lower = token.value.toLowerCase();
      // "184,000 last year": what follows "last", "next" or "this" is when, not what is counted.
      if (TIME_DETERMINERS.has(lower)) return "";
      if (lower === "-" || token.pos === "ADJ" || token.pos === "ADV" || lower in SCALE || isCalendarWord(lower)) continue;
      // A unit at the end of a sentence keeps the full stop ("climbed to 31C.").
      return (token.pos === "NOUN" || token.pos === "PROPN") && /^\p{L}+\.?$/u.test(token.value) ? concept(lower.replace(/\.$/, "")) : "";
    }
    return "";
  };

  doc.entities().each((entity: ItemEntity) => {
    const type = entity.out(its.type) as string;
    const [first, last] = entity.out(its.span) as unknown as [number, number];
    const start = tokens[first]!.start;
    const end = tokens[last]!.end;
    if (overlaps(start, end)) return;
    const raw = text.slice(start, end);
    if (type === "MONEY") {
      const amount = parseAmount(raw);
      if (amount !== null) add({ kind: "money", raw, value: String(amount), start, end, unit: currencyOf(raw) });
    } else if (type === "PERCENT") {
      const amount = parseAmount(raw);
      if (amount !== null) add({ kind: "percentage", raw, value: String(amount), start, end, unit: "" });
    } else if (type === "TIME") {
      const minutes = parseTime(raw);
      if (minutes !== null) add({ kind: "time", raw, value: String(minutes), start, end, unit: "" });
    } else if (type === "DATE" || (type === "DURATION" && /\b(until|by|since|on)\b/i.test(raw))) {
      // "until Friday" is a date the recognizer calls a duration.
      const date = parseDate(raw);
      if (date) add({ kind: "date", raw, value: date.value, start, end, unit: date.form });
    } else if (type === "DURATION") {
      const amount = parseAmount(raw);
      const unit = UNIT_OF_TIME.exec(raw.toLowerCase())?.[1];
      if (amount !== null && unit)
        add({ kind: "duration", raw, value: String(Math.round(amount * MINUTES_IN[unit]! * 1000) / 1000), start, end, unit });
    } else if (type === "CARDINAL") {
      const amount = parseAmount(raw);
      if (amount !== null) add(countOrSpan(raw, amount, start, end, unitAfter(end)));
    }
  });

  let run: Token[] = [];
  let runStartsAt = 0;
  const flush = () => {
    if (run.length > 0) {
      const { title, forename, titleTokensBefore } = readPersonName(run, tokens.slice(Math.max(0, runStartsAt - 3), runStartsAt));
      const start = tokens[runStartsAt - titleTokensBefore]!.start;
      const end = run[run.length - 1]!.end;
      // People and bodies are named in full once and by the last word after: "Marc Duval", "Duval".
      add({
        kind: "name",
        raw: text.slice(start, end),
        value: stem(run[run.length - 1]!.value.toLowerCase()),
        start,
        end,
        unit: "",
        title,
        forename,
      });
    }
    run = [];
  };
  tokens.forEach((token, i) => {
    const free = !overlaps(token.start, token.end);
    if (free && token.pos === "PROPN" && /^\p{Lu}/u.test(token.value) && !isCalendarWord(token.value)) {
      if (run.length === 0) runStartsAt = i;
      run.push(token);
      return;
    }
    flush();
    // "No one was hurt": a pronoun, not a count.
    const pronoun = token.value.toLowerCase() === "one" && /^(no|any|every|some|each)$/i.test(tokens[i - 1]?.value ?? "");
    if (free && token.pos === "NUM" && !pronoun) {
      const amount = parseAmount(token.value);
      if (amount !== null) add(countOrSpan(token.value, amount, token.start, token.end, unitAfter(token.end)));
    }
  });
  flush();

  // "demanding 9 percent, the airline is offering 6": a bare figure next to a percentage is one too.
  const percentages = details.filter((d) => d.kind === "percentage").sort((a, b) => a.start - b.start);
  if (percentages.length > 0) {
    const longest = Math.max(...percentages.map((p) => p.end - p.start));
    const near = (detail: Omit<Detail, "context">) => {
      // Only percentages starting within reach can be near: look at those, found by position.
      for (let i = lowerBound(percentages, detail.start - 80 - longest, (p) => p.start); i < percentages.length; i += 1) {
        const p = percentages[i]!;
        if (p.start >= detail.end + 80) break;
        if (Math.abs(p.start - detail.end) < 80 || Math.abs(detail.start - p.end) < 80) return true;
      }
      return false;
    };
    for (const detail of details) {
      if (detail.kind === "number" && detail.unit === "" && Number(detail.value) <= 100 && near(detail)) detail.kind = "percentage";
    }
  }

  // The words a detail is about: the nearest content words on each side, not names
  // (compared on their own, they would tie any two details of one story together).
  // Within the detail's clause: "began in March, and a mediator..." says nothing of the mediator's start.
  // A lone capitalized word opening the sentence is often a common noun the tagger took for a name ("Crossings are suspended").
  const openingWord = tokens.find((t) => /^\p{L}/u.test(t.value));
  const loneOpening = (t: Token) => t === openingWord && tokens[t.index + 1]?.pos !== "PROPN";
  const isContextWord = (t: Token) =>
    /^\p{L}{2,}$/u.test(t.value) &&
    !STOP_WORDS.has(t.value.toLowerCase()) &&
    (t.pos !== "PROPN" || isCalendarWord(t.value) || loneOpening(t));
  const clauseBreak = (t: Token) => /^[,;:()—–"“”.!?]$/.test(t.value);
  /** Context words walking from token `from` by `step`, within the clause and within reach. */
  const collect = (from: number, step: 1 | -1) => {
    const words: string[] = [];
    for (let i = from, walked = 0; i >= 0 && i < tokens.length && walked < limits.contextReach; i += step, walked += 1) {
      const token = tokens[i]!;
      if (clauseBreak(token) || words.length >= CONTEXT_WORDS) break;
      if (isContextWord(token)) words.push(concept(token.value.toLowerCase()));
    }
    return words;
  };
  return details
    .sort((a, b) => a.start - b.start)
    .map((detail) => {
      // Token ends grow with their starts, so both sides are found by position.
      const before = collect(lowerBound(tokens, detail.start + 1, (t) => t.end) - 1, -1);
      const after = collect(
        lowerBound(tokens, detail.end, (t) => t.start),
        1,
      );
      return { ...detail, context: [...new Set([...before, ...after])] };
    });
}

export interface Difference {
  kind: DetailKind;
  here: string;
  there: string;
}

export interface Comparison {
  differences: Difference[];
  /** Money, percentages, numbers, durations, times and dates stated alike in both. */
  factAgreements: number;
  /** Of those, the ones specific to one event: not a bare weekday, month, year or small count. */
  strongAgreements: number;
  /** Differences whose details share a subject word nearby ("demanded a ransom of $4.5 million" / "demanding $5 million"). */
  topicalDifferences: number;
  nameAgreements: number;
  /** One person named differently in the two ("Defense Secretary Pete Hegseth" / "War Secretary Pete Hegseth"): shown, not weighed. */
  nameDifferences: Difference[];
}

// Kinds on which two passages about the same fact can disagree. Different names are
// usually different people, so names only anchor passages to the same event.
const FACT_KINDS: DetailKind[] = ["money", "percentage", "number", "duration", "time", "date"];

/** Counts above a dozen are specific enough to match whatever word follows them ("600 jobs", "600 workers"). */
export const SPECIFIC_COUNT = 13;

/**
 * Counts of one thing: the same counted word, or two words for people close in number
 * ("4,800 runners" / "5,000 people"; not "nine children" / "27 people").
 */
export function sameCountedUnit(a: Detail, b: Detail): boolean {
  return a.unit === b.unit || (countsPeople(a.unit) && countsPeople(b.unit) && ratio(a, b) <= CLOSE_COUNT_RATIO);
}

export function sameValue(a: Detail, b: Detail): boolean {
  if (a.value !== b.value) return false;
  if (a.kind === "money") return a.unit === b.unit || a.unit === "" || b.unit === "";
  if (a.kind === "number") return a.unit === b.unit || a.unit === "" || b.unit === "" || Number(a.value) >= SPECIFIC_COUNT;
  return true;
}

/** A date that names a day, or a month of a year: "March 4", "April 2027". Weekdays, months and years recur across a story. */
export function isSpecificDate(detail: Detail): boolean {
  return detail.kind === "date" && (detail.unit === "month-day" || detail.unit === "month-year" || detail.unit === "full");
}

/** Weekdays, months and years recur across unrelated events; agreeing on one anchors little. */
function isStrongAgreement(detail: Detail, other: Detail): boolean {
  if (detail.kind === "date") return isSpecificDate(detail);
  // "340 jobs" and "340 firefighters" share a number, not a fact.
  if (detail.kind === "number")
    return detail.unit === other.unit
      ? Number(detail.value) >= SPECIFIC_COUNT || detail.unit !== ""
      : detail.unit === "" || other.unit === "";
  return true;
}

function sharedContext(a: Detail, b: Detail): string[] {
  return a.context.filter((term) => b.context.includes(term));
}

/** Outlets that disagree on a figure are rarely an order of magnitude apart; figures that far apart count different things. */
const MAX_RATIO = 4;
/** How many times the larger of two amounts is the smaller; infinite when either is zero or not a number. */
export function ratio(a: Detail, b: Detail): number {
  const x = Math.abs(Number.parseFloat(a.value));
  const y = Math.abs(Number.parseFloat(b.value));
  if (!Number.isFinite(x) || !Number.isFinite(y) || x === 0 || y === 0) return Number.POSITIVE_INFINITY;
  return Math.max(x, y) / Math.min(x, y);
}
function closeInSize(a: Detail, b: Detail): boolean {
  if (a.kind === "date") return closeInTime(a, b);
  if (!["money", "percentage", "number", "duration"].includes(a.kind)) return true;
  return ratio(a, b) <= MAX_RATIO;
}

/** Outlets that disagree on a date are days or a month apart ("January 8" / "January 15", "March" / "April"), not seasons. */
const MAX_DAYS_APART = 62;
/** Approximate days from year 0 (or from the start of a year when none is given) of a canonical date: "march 4 2027", "april 2027", "june". */
function dayNumber(value: string): number | null {
  const [monthWord, ...rest] = value.split(" ");
  const month = MONTHS.indexOf(monthWord ?? "");
  if (month === -1) return null;
  const day = rest.find((part) => part.length <= 2);
  const year = rest.find((part) => part.length === 4);
  return (year ? Number(year) * 365 : 0) + month * 30.5 + (day ? Number(day) : 15);
}
export function closeInTime(a: Detail, b: Detail): boolean {
  const x = dayNumber(a.value);
  const y = dayNumber(b.value);
  if (x === null || y === null) return true;
  const apart = Math.abs(x - y);
  // Without a year, December and January are neighbours.
  return Math.min(apart, /\d{4}/.test(a.value) ? apart : 366 - apart) <= MAX_DAYS_APART;
}

export interface CompareOptions {
  /** Similarity of the two sentences' words alone, in [0, 1]. */
  wording?: number;
  /** Names found all over the project (what the story is about), which anchor nothing. */
  isCommonName?: (value: string) => boolean;
  /** Words found all over the project ("pilot" in a pilots' strike), which tie nothing together. */
  isCommonTerm?: (term: string) => boolean;
}

/**
 * Details specific enough that one of each in two like sentences is one fact told twice:
 * amounts, percentages, clock times and dates that name a day or a month of a year.
 * Weekdays, months, years and durations recur across a story.
 */
function isSpecific(detail: Detail): boolean {
  if (detail.kind === "date") return isSpecificDate(detail);
  return detail.kind === "money" || detail.kind === "percentage" || detail.kind === "time";
}

/** Two counts above a dozen within a few percent of each other ("220 residents", "250 people") are as specific as amounts. */
function specificCounts(a: Detail, b: Detail): boolean {
  return a.kind === "number" && Number(a.value) >= SPECIFIC_COUNT && Number(b.value) >= SPECIFIC_COUNT && ratio(a, b) <= CLOSE_COUNT_RATIO;
}

/** Dates compare only in the same form ("March 2027" with "April 2027", not with "Thursday"). */
function sameForm(a: Detail, b: Detail): boolean {
  return a.kind === b.kind && (a.kind !== "date" || a.unit === b.unit);
}

interface Pairing {
  wording: number;
  /** Each sentence states exactly one detail of this kind and form. */
  sole: boolean;
}

/** The dollar, euro and pound have stayed within this factor of one another. */
const EXCHANGE_RATIO = 1.5;

/** Counts named with different words ("340 passengers and crew", "312 people") are one count only when this close. */
const CLOSE_COUNT_RATIO = 1.5;

/**
 * Two details that could state the same thing differently: of one kind, in comparable
 * forms, close in size, and about the same thing: the same counted unit, shared words
 * around them, or each the only one of its kind in sentences about the same thing.
 * "420 flights" and "430 Friday flights" qualify; "14 hospitals" and "60 clinics" do not,
 * nor do "began in March" and "appointed in August".
 */
function conflicting(a: Detail, b: Detail, pairing: Pairing): boolean {
  if (a.value === b.value) return false;
  if (a.kind === "date" && (a.unit !== b.unit || a.unit === "relative")) return false;
  // In two currencies, one amount differs by no more than an exchange rate: "€1.2 billion" may be "$1.3 billion"
  // converted, which a reviewer should see; "£184 million" and "$62 million" are other amounts.
  if (a.kind === "money" && a.unit !== "" && b.unit !== "" && a.unit !== b.unit && ratio(a, b) > EXCHANGE_RATIO) return false;
  if (!closeInSize(a, b)) return false;
  if (a.kind === "number") {
    // "2,300 people" and "2,800 residents": different words for one count, in sentences that say the same,
    // or the only count of each of two sentences on one subject, close in size.
    const soleAndClose = pairing.sole && ratio(a, b) <= CLOSE_COUNT_RATIO;
    if (a.unit !== "" && b.unit !== "") {
      if (sameCountedUnit(a, b)) return true;
      // Kilometres are never tonnes or a magnitude, however alike the sentences.
      if (isMeasure(a.unit) || isMeasure(b.unit)) return false;
      return pairing.wording >= SAME_SUBJECT_SCORE || (soleAndClose && pairing.wording >= SAME_FACT_MIN_SCORE);
    }
    // Only one side says what it counts: the other must mention that thing nearby, or both the same words ("Six passengers
    // were taken to hospital" / "Four of them needed hospital treatment").
    // A measure ("600 metres") is compared only with a figure given in it.
    if (isMeasure(a.unit) || isMeasure(b.unit)) return a.unit === "" ? a.context.includes(b.unit) : b.context.includes(a.unit);
    if (a.unit !== "") return b.context.includes(a.unit) || (soleAndClose && sharedContext(a, b).length > 0);
    if (b.unit !== "") return a.context.includes(b.unit) || (soleAndClose && sharedContext(a, b).length > 0);
  }
  if (a.kind === "time" && Math.abs(Number(a.value) - Number(b.value)) <= 60) return true;
  if (pairing.sole && isSpecific(a) && pairing.wording >= SAME_FACT_MIN_SCORE) return true;
  return pairing.wording >= CLOSE_MATCH_SCORE || sharedContext(a, b).length > 0;
}

/** "5 p.m. Friday" and "5:01pm Friday": clock times within the hour on a day both name alike, or within half an hour. */
function nearTime(a: Detail, b: Detail, here: Detail[], there: Detail[]): boolean {
  const apart = Math.abs(Number(a.value) - Number(b.value));
  if (apart <= 30) return true;
  if (apart > 60) return false;
  const days = new Set(here.filter((d) => d.kind === "date").map((d) => d.value));
  return there.some((d) => d.kind === "date" && days.has(d.value));
}

/**
 * Compares the details of a claim and a passage kind by kind: a value stated in both
 * is agreement; a comparable detail with a different value, that the other side does
 * not also state, is a difference.
 */
export function compareDetails(here: Detail[], there: Detail[], options: CompareOptions = {}): Comparison {
  const wording = options.wording ?? 0;
  const differences: Difference[] = [];
  let factAgreements = 0;
  let strongAgreements = 0;
  let topicalDifferences = 0;
  // The name a whole story is about ("Anthropic" in every article) ties nothing to anything.
  const names = new Set(here.filter((d) => d.kind === "name" && !options.isCommonName?.(d.value)).map((d) => d.value));
  const nameAgreements = new Set(there.filter((d) => d.kind === "name" && names.has(d.value)).map((d) => d.value)).size;
  for (const kind of FACT_KINDS) {
    const mine = here.filter((d) => d.kind === kind);
    const theirs = there.filter((d) => d.kind === kind);
    if (mine.length === 0 || theirs.length === 0) continue;
    // The only detail of its kind and form in each sentence that could be mistaken for the other: "Three passengers are
    // missing and 212 were rescued" holds one count comparable with "214 people".
    const comparable = (x: Detail, y: Detail) => sameForm(x, y) && closeInSize(x, y);
    const soleInBoth = (d: Detail, t: Detail) =>
      mine.filter((m) => comparable(m, t)).length === 1 && theirs.filter((x) => comparable(x, d)).length === 1;
    for (const d of mine) {
      const same = theirs.find((t) => sameValue(d, t));
      if (same) {
        factAgreements += 1;
        if (isStrongAgreement(d, same)) strongAgreements += 1;
        continue;
      }
      const counterpart = theirs.find((t) => !mine.some((m) => sameValue(m, t)) && conflicting(d, t, { wording, sole: soleInBoth(d, t) }));
      if (!counterpart) continue;
      const sole = soleInBoth(d, counterpart);
      differences.push({ kind, here: d.raw, there: counterpart.raw });
      // Evidence that the two details are about one thing, beyond sitting in similar sentences.
      const topical =
        sharedContext(d, counterpart).some((term) => !isCalendarWord(term) && !options.isCommonTerm?.(term)) ||
        (kind === "number" && d.unit !== "" && sameCountedUnit(d, counterpart)) ||
        (kind === "time" && nearTime(d, counterpart, here, there)) ||
        (sole && wording >= TOPICAL_WORDING_SCORE && (isSpecific(d) || specificCounts(d, counterpart)));
      if (topical) topicalDifferences += 1;
    }
  }
  const nameDifferences = personDifferences(
    here.filter((d) => d.kind === "name"),
    there.filter((d) => d.kind === "name"),
  ).map((d): Difference => ({ kind: "name", ...d }));
  return { differences, factAgreements, strongAgreements, nameAgreements, topicalDifferences, nameDifferences };
}

export type Relation = "corroborates" | "contradicts" | "related";

/** Below this similarity of wording a passage is about something else, whatever its details. */
const SAME_FACT_MIN_SCORE = 0.12;
/** From this similarity of wording on, passages are about the same thing. */
const SAME_SUBJECT_SCORE = 0.3;
/** At or above it the wording is so close that the passage states the same fact. */
const CLOSE_MATCH_SCORE = 0.45;
/** Sentences this alike, each with one detail of a kind, are taken to state that detail of one thing. */
const TOPICAL_WORDING_SCORE = 0.2;

/**
 * Same fact, stated alike: a detail in common and none in conflict, or nearly the
 * same words. Same fact, stated differently: a detail in conflict between passages
 * shown to be about the same thing by a specific detail or name in common, by their
 * wording, or by the words around the differing details themselves.
 * `wording` is the similarity of the words alone, in [0, 1].
 */
export function classifyRelation(comparison: Comparison, wording: number): Relation {
  if (wording < SAME_FACT_MIN_SCORE) return "related";
  if (comparison.differences.length > 0) {
    const sameSubject =
      comparison.strongAgreements + comparison.nameAgreements > 0 || wording >= SAME_SUBJECT_SCORE || comparison.topicalDifferences > 0;
    return sameSubject ? "contradicts" : "related";
  }
  // A shared weekday or month alone is thin: it corroborates only with similar wording.
  const corroborated =
    comparison.strongAgreements > 0 || (comparison.factAgreements > 0 && wording >= SAME_SUBJECT_SCORE) || wording >= CLOSE_MATCH_SCORE;
  return corroborated ? "corroborates" : "related";
}
