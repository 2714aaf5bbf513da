// Names of days and months: dates to the entity recognizer's callers, never people or bodies.

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
export const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
/** Months as newsrooms abbreviate them ("Jan. 8", "Sept. 30"). */
export const MONTH_ABBREVIATIONS: Record<string, string> = {
  jan: "january",
  feb: "february",
  mar: "march",
  apr: "april",
  jun: "june",
  jul: "july",
  aug: "august",
  sep: "september",
  sept: "september",
  oct: "october",
  nov: "november",
  dec: "december",
};
const CALENDAR_WORDS = new Set([...WEEKDAYS, ...MONTHS]);

export function isCalendarWord(word: string): boolean {
  return CALENDAR_WORDS.has(word.toLowerCase());
}

/** isCalendarWord for a word already lower-cased (a token's `lower`): no second lower-casing per token. */
export function isCalendarLowerWord(lower: string): boolean {
  return CALENDAR_WORDS.has(lower);
}
