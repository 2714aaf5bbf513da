import { CLAIM_STATUSES, type ClaimStatus } from "../claim-status";
import { REVIEW_STATES, type ReviewState } from "./review-state";

// The project's progress dashboard: what it shows and the pure steps that shape it.
// Client-safe: the project page renders ProjectProgress.

export const DECISION_KINDS = ["verdicts", "secondReviews", "adjudications", "approvals"] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  verdicts: "Verdicts",
  secondReviews: "Second reviews",
  adjudications: "Adjudications",
  approvals: "Approvals",
};

export interface ReviewerCounts {
  id: number;
  displayName: string;
  /** Verdicts given directly (second review off) or proposals (review rounds opened). */
  verdicts: number;
  proposals: number;
  secondReviews: number;
  adjudications: number;
  approvals: number;
}

export interface DayCount {
  /** YYYY-MM-DD in the dashboard's time zone. */
  day: string;
  counts: Record<DecisionKind, number>;
}

export interface ProjectProgress {
  total: number;
  byStatus: Record<ClaimStatus, number>;
  byReviewState: Record<ReviewState, number>;
  reviewers: ReviewerCounts[];
  /** Median milliseconds from a claim's creation (import) to its final verdict, over claims that have one; null when none. */
  medianMsToVerdict: number | null;
  claimsWithVerdict: number;
  days: DayCount[];
  timeZone: string;
}

/** The median of a list sorted ascending; null when empty. */
export function medianOfSorted(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const middle = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[middle]! : (values[middle - 1]! + values[middle]!) / 2;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of an instant in a time zone, as YYYY-MM-DD. */
export function dayIn(instant: Date, timeZone: string): string {
  let format = dayFormatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormatters.set(timeZone, format);
  }
  return format.format(instant);
}

/**
 * Decisions per day for the last `days` days ending today (in the time zone), from counts
 * per UTC hour: the database groups by hour (cheap and the same on SQLite and PostgreSQL),
 * and the hours are placed in days here, where time zones are known. Days without
 * decisions are present with zeros, so the chart's axis is continuous.
 */
export function decisionsPerDay(options: {
  hours: ReadonlyArray<{ hour: Date; kind: DecisionKind; count: number }>;
  now: Date;
  days: number;
  timeZone: string;
}): DayCount[] {
  const { now, timeZone } = options;
  const result: DayCount[] = [];
  const index = new Map<string, DayCount>();
  for (let i = options.days - 1; i >= 0; i -= 1) {
    const day = dayIn(new Date(now.getTime() - i * 86_400_000), timeZone);
    if (index.has(day)) continue;
    const entry = { day, counts: { verdicts: 0, secondReviews: 0, adjudications: 0, approvals: 0 } };
    index.set(day, entry);
    result.push(entry);
  }
  for (const { hour, kind, count } of options.hours) {
    // The middle of the hour decides its day (a half-hour zone splits an hour in two).
    const entry = index.get(dayIn(new Date(hour.getTime() + 30 * 60_000), timeZone));
    if (entry) entry.counts[kind] += count;
  }
  return result;
}

export function emptyStatusCounts(): Record<ClaimStatus, number> {
  return Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as Record<ClaimStatus, number>;
}

export function emptyReviewStateCounts(): Record<ReviewState, number> {
  return Object.fromEntries(REVIEW_STATES.map((state) => [state, 0])) as Record<ReviewState, number>;
}
