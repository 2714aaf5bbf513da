import type { ItemEntity } from "wink-nlp";
import { nlp } from "../extraction/nlp";

export type DetailKind = "money" | "percentage" | "number" | "duration" | "time" | "date" | "name";

/** A checkable detail of a sentence with a value that compares across wordings ("$48 million" = 48000000). */
export interface Detail {
  kind: DetailKind;
  raw: string;
  value: string;
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, bn: 1e9 };
const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, dozen: 12,
};

function parseAmount(raw: string): number | null {
  const text = raw.toLowerCase().replace(/,/g, "");
  const digits = /(\d+(?:\.\d+)?)/.exec(text);
  let value = digits ? Number(digits[1]) : null;
  if (value === null) {
    const word = text.split(/[^a-z]+/).find((w) => w in WORD_NUMBERS);
    value = word ? WORD_NUMBERS[word]! : null;
  }
  if (value === null) return null;
  const scale = text.split(/[^a-z]+/).find((w) => w in SCALE);
  return scale ? value * SCALE[scale]! : value;
}

/** Minutes after midnight: "5 p.m." = 1020, "5:01 p.m." = 1021, "noon" = 720. */
function parseTime(raw: string): number | null {
  const text = raw.toLowerCase();
  if (text.includes("noon")) return 720;
  if (text.includes("midnight")) return 0;
  const match = /(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s*m\.?/.exec(text) ?? /(\d{1,2}):(\d{2})/.exec(text);
  if (!match) return null;
  let hours = Number(match[1]) % 12;
  if (match[3] === "p") hours += 12;
  if (!match[3]) hours = Number(match[1]);
  return hours * 60 + Number(match[2] ?? 0);
}

const DATE_NOISE = /\b(on|the|of|in|at|last|this|next|early|late|mid|evening|morning|afternoon|night)\b/g;

/**
 * The details of a text that a fact can hinge on: money, percentages, other
 * numbers, clock times, dates and proper names, from the wink-nlp entities.
 */
export function extractDetails(text: string): Detail[] {
  const engine = nlp();
  const its = engine.its;
  const doc = engine.readDoc(text);
  const details: Detail[] = [];
  const covered = new Set<number>();
  doc.entities().each((entity: ItemEntity) => {
    const type = entity.out(its.type) as string;
    const raw = entity.out() as string;
    const [first, last] = entity.out(its.span) as unknown as [number, number];
    for (let i = first; i <= last; i += 1) covered.add(i);
    if (type === "MONEY") {
      const amount = parseAmount(raw);
      if (amount !== null) details.push({ kind: "money", raw, value: String(amount) });
    } else if (type === "PERCENT") {
      const amount = parseAmount(raw);
      if (amount !== null) details.push({ kind: "percentage", raw, value: String(amount) });
    } else if (type === "TIME") {
      const minutes = parseTime(raw);
      if (minutes !== null) details.push({ kind: "time", raw, value: String(minutes) });
    } else if (type === "DATE") {
      const value = raw.toLowerCase().replace(DATE_NOISE, " ").replace(/[^a-z0-9 ]/g, " ").replace(/\s+/g, " ").trim();
      if (value) details.push({ kind: "date", raw, value });
    } else if (type === "DURATION") {
      // "12 years" and "15 years" differ; "two months" and "12 years" are not comparable.
      const amount = parseAmount(raw);
      const unit = /(second|minute|hour|day|week|month|year|decade)/.exec(raw.toLowerCase())?.[1];
      if (amount !== null && unit) details.push({ kind: "duration", raw, value: `${amount} ${unit}` });
    } else if (type === "CARDINAL") {
      const amount = parseAmount(raw);
      if (amount !== null) details.push({ kind: "number", raw, value: String(amount) });
    }
  });
  const values = doc.tokens().out(its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  let run: string[] = [];
  const flush = () => {
    if (run.length > 0) {
      const raw = run.join(" ");
      details.push({ kind: "name", raw, value: raw.toLowerCase() });
    }
    run = [];
  };
  values.forEach((value, index) => {
    if (pos[index] === "PROPN" && !covered.has(index) && /^[A-Z]/.test(value)) run.push(value);
    else if (pos[index] === "NUM" && !covered.has(index)) {
      flush();
      const amount = parseAmount(value);
      if (amount !== null) details.push({ kind: "number", raw: value, value: String(amount) });
    } else flush();
  });
  flush();
  return details;
}

export interface Difference {
  kind: DetailKind;
  here: string;
  there: string;
}

// Kinds on which two passages about the same fact can disagree. Different names are
// usually different people, so names count as differences only when nothing else matches.
const FACT_KINDS: DetailKind[] = ["money", "percentage", "number", "duration", "time", "date"];

export type Relation = "corroborates" | "contradicts" | "related";

const WEEKDAYS = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/;
const MONTHS = /\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b/;

/** Dates compare only with dates of the same form: "Tuesday" is no contradiction of "May 4". */
function dateForm(value: string): string {
  if (WEEKDAYS.test(value)) return "weekday";
  if (MONTHS.test(value) && /\d/.test(value)) return /\b\d{4}\b/.test(value) ? "full" : "month-day";
  if (MONTHS.test(value)) return "month";
  return /\b\d{4}\b/.test(value) ? "year" : "other";
}

/**
 * Compares the details of a claim and a passage kind by kind: a kind present in
 * both with no value in common is a difference; a value in common is agreement.
 */
export interface Comparison {
  differences: Difference[];
  /** Money, percentages, numbers, times and dates stated alike in both. */
  factAgreements: number;
  nameAgreements: number;
}

export function compareDetails(here: Detail[], there: Detail[]): Comparison {
  const differences: Difference[] = [];
  let factAgreements = 0;
  let nameAgreements = 0;
  for (const kind of [...FACT_KINDS, "name" as const]) {
    const mine = here.filter((d) => d.kind === kind);
    const theirs = there.filter((d) => d.kind === kind);
    if (mine.length === 0 || theirs.length === 0) continue;
    const shared = mine.filter((d) => theirs.some((t) => t.value === d.value)).length;
    if (kind === "name") {
      nameAgreements += shared;
      continue;
    }
    factAgreements += shared;
    for (const d of mine) {
      if (theirs.some((t) => t.value === d.value)) continue;
      const unitOf = (value: string) => value.split(" ")[1];
      const comparable = (t: Detail) => (kind === "date" ? dateForm(t.value) === dateForm(d.value) : kind === "duration" ? unitOf(t.value) === unitOf(d.value) : true);
      const counterpart = theirs.find((t) => comparable(t) && !mine.some((m) => m.value === t.value));
      if (counterpart) differences.push({ kind, here: d.raw, there: counterpart.raw });
    }
  }
  return { differences, factAgreements, nameAgreements };
}

/** Below this relative BM25 score a passage is about something else, whatever its details. */
export const SAME_FACT_MIN_SCORE = 0.1;
/** At or above it the passage is so close in wording that it is about the same fact. */
export const CLOSE_MATCH_SCORE = 0.5;

/**
 * Same fact, stated alike: at least one fact detail in common and none in conflict.
 * Same fact, stated differently: a fact detail in conflict, with something in
 * common (a name, a date, an amount) anchoring both passages to one event.
 */
export function classifyRelation(comparison: Comparison, score: number): Relation {
  if (score < SAME_FACT_MIN_SCORE) return "related";
  const anchored = comparison.factAgreements + comparison.nameAgreements > 0;
  if (comparison.differences.length > 0) return anchored || score >= CLOSE_MATCH_SCORE ? "contradicts" : "related";
  return comparison.factAgreements > 0 ? "corroborates" : "related";
}
