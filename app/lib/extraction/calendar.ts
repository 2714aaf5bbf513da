// Names of days and months: dates to the entity recognizer's callers, never people or bodies.

export const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
export const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const CALENDAR_WORDS = new Set([...WEEKDAYS, ...MONTHS]);

export function isCalendarWord(word: string): boolean {
  return CALENDAR_WORDS.has(word.toLowerCase());
}
