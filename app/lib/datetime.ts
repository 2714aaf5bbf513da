// Dates and times as people read them, in a project's time zone, with the zone named:
// "1 Dec 2026, 13:53 EST". Client-safe (no server imports).

export const DEFAULT_TIME_ZONE = "UTC";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let cached = formatters.get(key);
  if (!cached) {
    cached = make();
    formatters.set(key, cached);
  }
  return cached;
}

/**
 * The IANA name written as the time zone database spells it ("europe/berlin" becomes
 * "Europe/Berlin"), or null when it names no zone. Offsets and abbreviations ("+02:00",
 * "EST") are refused: their rules for daylight saving are not a place's.
 */
export function canonicalTimeZone(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.toUpperCase() === "UTC") return "UTC";
  if (!/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(trimmed)) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  const listed = Intl.supportedValuesOf("timeZone").find((zone) => zone.toLowerCase() === trimmed.toLowerCase());
  // Otherwise an alias the database accepts ("America/Argentina/Buenos_Aires"), kept as written.
  return listed ?? (resolved.toLowerCase() === trimmed.toLowerCase() ? resolved : trimmed);
}

function parts(date: Date, timeZone: string) {
  const values = formatter(
    `parts:${timeZone}`,
    () =>
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }),
  ).formatToParts(date);
  const get = (type: Intl.DateTimeFormatPartTypes) => values.find((p) => p.type === type)?.value ?? "";
  return { year: get("year"), month: Number(get("month")), day: get("day"), hour: get("hour"), minute: get("minute") };
}

/** The zone's short name at that moment: "EST", "CET", "BST", "UTC", else "UTC+9". */
export function timeZoneAbbreviation(date: Date, timeZone: string): string {
  for (const locale of ["en-US", "en-GB"]) {
    const name = formatter(`zone:${locale}:${timeZone}`, () => new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" }))
      .formatToParts(date)
      .find((p) => p.type === "timeZoneName")?.value;
    if (name && !/^GMT[+-]/.test(name)) return name === "GMT" && timeZone === "UTC" ? "UTC" : name;
    if (locale === "en-GB" && name) return name.replace(/^GMT/, "UTC");
  }
  return timeZone;
}

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

/** "1 Dec 2026, 13:53 EST" */
export function formatDateTime(value: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const date = toDate(value);
  const p = parts(date, timeZone);
  return `${Number(p.day)} ${MONTHS[p.month - 1]} ${p.year}, ${p.hour}:${p.minute} ${timeZoneAbbreviation(date, timeZone)}`;
}

/** "1 Dec 2026" (the calendar day in the zone) */
export function formatDate(value: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = parts(toDate(value), timeZone);
  return `${Number(p.day)} ${MONTHS[p.month - 1]} ${p.year}`;
}

/** How far the zone's clock is ahead of UTC at that instant, in milliseconds. */
function offsetAt(date: Date, timeZone: string): number {
  const p = parts(date, timeZone);
  const asUtc = Date.UTC(Number(p.year), p.month - 1, Number(p.day), Number(p.hour) % 24, Number(p.minute));
  return asUtc - Math.floor(date.getTime() / 60_000) * 60_000;
}

/** Midnight at the start of a calendar day ("2026-04-15") in the zone, as an instant. */
export function startOfDayIn(day: string, timeZone: string = DEFAULT_TIME_ZONE): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const guess = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  const check = new Date(guess);
  if (check.getUTCMonth() !== Number(match[2]) - 1 || check.getUTCDate() !== Number(match[3])) return null;
  // Two passes settle the offset across a change between summer and winter time.
  let instant = guess - offsetAt(new Date(guess), timeZone);
  instant = guess - offsetAt(new Date(instant), timeZone);
  return new Date(instant);
}

/** The calendar day of an instant in the zone, as "2026-04-15" (for date inputs). */
export function dayIn(value: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = parts(toDate(value), timeZone);
  return `${p.year}-${String(p.month).padStart(2, "0")}-${p.day.padStart(2, "0")}`;
}

/** A publication time: the date alone when it is midnight in the zone (a date without a time), else date and time. */
export function formatPublished(value: Date | string, timeZone: string = DEFAULT_TIME_ZONE): string {
  const p = parts(toDate(value), timeZone);
  return p.hour === "00" && p.minute === "00" ? formatDate(value, timeZone) : formatDateTime(value, timeZone);
}
