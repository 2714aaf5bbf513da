// Datelines and agency credits that open wire copy: "(KLB NEWS) –", "WASHINGTON (Reuters) —",
// "LONDON, March 3 —", "OSTRAVEL, March 3 (Northwire) —", "BRENNA —". The document keeps
// them; a claim quotes the sentence without them, and the credited outlet is not a speaker.
import { MONTHS, MONTH_ABBREVIATIONS } from "./calendar";

export interface Dateline {
  /** Characters to skip at the start of the sentence (the dateline, its dash and the space after it). */
  length: number;
  /** The place, when the dateline names one ("WASHINGTON", "Ostravel"). */
  place: string | null;
  /** The credited agency or outlet, when there is one ("Reuters", "CBS NEWS"). */
  credit: string | null;
}

const capitalized = (word: string) => word[0]!.toUpperCase() + word.slice(1);
const MONTH_NAMES = [...MONTHS.map(capitalized), ...Object.keys(MONTH_ABBREVIATIONS).map((m) => `${capitalized(m)}\\.?`)].join("|");
const DATE = `(?:${MONTH_NAMES})\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?`;
const DASH = `\\s*(?:—|–|--?)\\s*`;
const CREDIT = `\\(([^()]{2,40})\\)`;
// A place in capitals ("NEW YORK", "ST. LOUIS", "SÃO PAULO"), optionally with its state or country ("CHICAGO, Ill.", "PARIS, France").
const CAPS_PLACE = `(\\p{Lu}[\\p{Lu}.'’-]+(?:\\s+\\p{Lu}[\\p{Lu}.'’-]*){0,3})(?:,\\s+\\p{Lu}[\\p{L}.]+(?:\\s\\p{Lu}[\\p{L}.]+)?)?`;
// A place in ordinary case needs a date to count ("Ostravel, March 3 —"): "Meanwhile —" must not.
const TITLE_PLACE = `(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+){0,2})`;

const PATTERNS: Array<{ pattern: RegExp; place: number | null; credit: number | null }> = [
  // (CBS NEWS) – / (Northwire) —
  { pattern: new RegExp(`^${CREDIT}${DASH}`, "u"), place: null, credit: 1 },
  // WASHINGTON, March 3 (Reuters) — / LONDON (Reuters) - / BRENNA —
  { pattern: new RegExp(`^${CAPS_PLACE}(?:,?\\s+${DATE})?(?:\\s*${CREDIT})?${DASH}`, "u"), place: 1, credit: 2 },
  // Ostravel, March 3 (Northwire) —
  { pattern: new RegExp(`^${TITLE_PLACE},\\s+${DATE}(?:\\s*${CREDIT})?${DASH}`, "u"), place: 1, credit: 2 },
];

/** The dateline or credit that opens this sentence, if any. */
export function findDateline(sentence: string): Dateline | null {
  for (const { pattern, place, credit } of PATTERNS) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const placeText = place === null ? null : (match[place] ?? null);
    const rest = sentence.slice(match[0].length);
    // Something must follow, and it must not be the rest of a heading in capitals.
    if (!/\p{L}/u.test(rest) || rest === rest.toUpperCase()) continue;
    return { length: match[0].length, place: placeText, credit: credit === null ? null : (match[credit]?.trim() ?? null) };
  }
  return null;
}
