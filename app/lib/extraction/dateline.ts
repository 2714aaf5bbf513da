// Datelines and agency credits that open wire copy: "(KLB NEWS) –", "WASHINGTON (Reuters) —",
// "LONDON, March 3 —", "OSTRAVEL, March 3 (Northwire) —", "BRENNA —", and press releases'
// "AVERHOLT, Drensland, March 9, 2026 /Tallis Wire/ —"; and the timestamps that open
// live-blog entries ("14:02 GMT —", "6:02 a.m.:", "Updated 6:40 a.m. —", "Just now:"). The
// document keeps them; a claim quotes the sentence without them, and the credited outlet is
// not a speaker.
import { MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS } from "./calendar";

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
const WEEKDAY_NAMES = WEEKDAYS.map(capitalized).join("|");
const DAY = `\\d{1,2}(?:st|nd|rd|th)?`;
// "March 3", "March 3, 2026", and the day first as most of the world writes it: "4 March 2026", "14 September";
// a weekday may come before either ("Tuesday, March 3", "Tuesday 4 March") or stand alone ("LONDON, Tuesday —").
const DATE = `(?:(?:(?:${WEEKDAY_NAMES}),?\\s+)?(?:(?:${MONTH_NAMES})\\s+${DAY}(?:,?\\s+\\d{4})?|${DAY}\\s+(?:${MONTH_NAMES})(?:,?\\s+\\d{4})?)|(?:${WEEKDAY_NAMES}))`;
// A lone hyphen counts only with a space on each side: "OSEI-LUND: Good morning" opens with a name, not a dateline.
const DASH = `(?:\\s*(?:—|–|--)\\s*|\\s+-\\s+)`;
const CREDIT = `(?:\\(([^()]{2,40})\\)|/([^/]{2,40})/)`;
// A place in capitals ("NEW YORK", "ST. LOUIS", "SÃO PAULO"), optionally with its state or country ("CHICAGO, Ill.", "PARIS, France").
const CAPS_PLACE = `(\\p{Lu}[\\p{Lu}.'’-]+(?:\\s+\\p{Lu}[\\p{Lu}.'’-]*){0,3})(?:,\\s+\\p{Lu}[\\p{L}.]+(?:\\s\\p{Lu}[\\p{L}.]+)?)?`;
// A place in ordinary case needs a date to count ("Ostravel, March 3 —"): "Meanwhile —" must not.
const TITLE_PLACE = `(\\p{Lu}\\p{Ll}+(?:\\s+\\p{Lu}\\p{Ll}+){0,2})`;

const CLOCK = `\\d{1,2}[:.]\\d{2}(?:\\s*(?:a\\.m\\.|p\\.m\\.|am|pm))?(?:\\s+(?:[A-Z]{2,4}|local time))?`;
const TIMESTAMP_END = `(?:\\s*(?:—|–|--|:)\\s*|\\s+-\\s+)`;

/** Each pattern, with the groups that hold the place and the credit (a credit in parentheses or between slashes). */
const PATTERNS: Array<{ pattern: RegExp; place: number | null; credit: number[] }> = [
  // (CBS NEWS) – / (Northwire) —
  { pattern: new RegExp(`^${CREDIT}${DASH}`, "u"), place: null, credit: [1, 2] },
  // WASHINGTON, March 3 (Reuters) — / LONDON (Reuters) - / BRENNA — / AVERHOLT, Drensland, March 9, 2026 /Tallis Wire/ —
  { pattern: new RegExp(`^${CAPS_PLACE}(?:,?\\s+${DATE})?(?:\\s*${CREDIT})?${DASH}`, "u"), place: 1, credit: [2, 3] },
  // Ostravel, March 3 (Northwire) —
  { pattern: new RegExp(`^${TITLE_PLACE},\\s+${DATE}(?:\\s*${CREDIT})?${DASH}`, "u"), place: 1, credit: [2, 3] },
  // Live-blog timestamps: 22:00 — / 14:58 GMT — / 6:02 a.m.: / Updated 6:40 a.m. — / Just now:
  { pattern: new RegExp(`^(?:(?:Updated|Posted|Last updated)\\s+)?${CLOCK}${TIMESTAMP_END}`, "u"), place: null, credit: [] },
  { pattern: /^(?:Just now|Breaking|BREAKING|Latest|LATEST|EXCLUSIVE)\s*(?:—|–|:)\s*/u, place: null, credit: [] },
];

/**
 * Words of a heading in capitals that are no place: "FOR IMMEDIATE RELEASE — 1 December 2026" is the release's
 * heading, "EXCLUSIVE — …" a label, and what follows is not a sentence a dateline was put in front of.
 */
const HEADING_WORDS = new Set(
  "FOR IMMEDIATE RELEASE EMBARGOED EMBARGO UNTIL MEDIA PRESS NEWS STATEMENT ADVISORY UPDATE UPDATED EXCLUSIVE CORRECTION ANALYSIS OPINION EDITORIAL COMMENT LIVE WATCH VIDEO PHOTOS LISTEN READ MORE ENDS NOTE NOTES TO EDITORS".split(
    " ",
  ),
);

/** The dateline or credit that opens this sentence, if any. */
export function findDateline(sentence: string): Dateline | null {
  for (const { pattern, place, credit } of PATTERNS) {
    const match = pattern.exec(sentence);
    if (!match) continue;
    const placeText = place === null ? null : (match[place] ?? null);
    if (placeText && placeText.split(/\s+/).some((word) => HEADING_WORDS.has(word.toUpperCase()))) continue;
    const rest = sentence.slice(match[0].length);
    // Something must follow, and it must not be the rest of a heading in capitals.
    if (!/\p{L}/u.test(rest) || rest === rest.toUpperCase()) continue;
    const creditText = credit.map((group) => match[group]).find((value) => value !== undefined);
    return { length: match[0].length, place: placeText, credit: creditText?.trim() ?? null };
  }
  return null;
}
