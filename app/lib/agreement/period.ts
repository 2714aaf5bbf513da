import { z } from "zod";
import { startOfDayIn } from "../datetime";

// The period an agreement report covers, as the Agreement view's URL and the CLI give it:
// calendar days in the project's time zone, both inclusive. Client-safe.

const day = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || /^\d{4}-\d{2}-\d{2}$/.test(value), { error: "Use a date such as 2026-04-15" });

export const agreementPeriodSchema = z
  .object({ from: day, to: day })
  .refine((period) => !period.from || !period.to || period.from <= period.to, { error: "The start comes after the end", path: ["to"] });

export type AgreementDays = z.infer<typeof agreementPeriodSchema>;

/** Instants for the model: `from` at the start of its day, `to` at the end of its day (exclusive). */
export function periodInstants(days: AgreementDays, timeZone: string): { from: Date | null; to: Date | null } | null {
  const from = days.from ? startOfDayIn(days.from, timeZone) : null;
  const toStart = days.to ? startOfDayIn(days.to, timeZone) : null;
  if ((days.from && !from) || (days.to && !toStart)) return null;
  // The next day's midnight in the zone (a day is 23 to 25 hours across a change of clocks).
  const to = toStart ? startOfDayIn(nextDay(days.to!), timeZone) : null;
  return { from, to };
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Which confusion matrix cell the page lists the claims of: a pair's (by index) or the project's ("all"). */
export const agreementCellSchema = z.object({
  matrix: z.union([z.literal("all"), z.coerce.number().int().min(0)]),
  row: z.coerce.number().int().min(0),
  column: z.coerce.number().int().min(0),
});
export type AgreementCell = z.infer<typeof agreementCellSchema>;
