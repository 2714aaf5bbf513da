// Lines up the figures of a claim with those of another article about the same story,
// the way a fact-checker reads two reports side by side: the one clock time, amount or
// count of that article close to the claim's is the same fact, however it is worded
// ("Check-in systems were back online at 3:30 p.m." / "Normal operations resumed at about 4 p.m.").
import { isCalendarWord } from "../extraction/calendar";
import { isMeasure } from "./counted-units";
import { type Detail, type Difference, SPECIFIC_COUNT, closeInTime, isSpecificDate, ratio, sameCountedUnit, sameValue } from "./details";

/** Outlets that disagree on a figure of one story are rarely further apart than this. */
const MAX_FIGURE_RATIO = 2;
/** Clock times of one event reported differently are within the hour. */
const MAX_MINUTES_APART = 60;

/**
 * Figures specific enough to stand for one fact of a story: clock times, amounts,
 * percentages, spans of time, counts above a dozen, and dates naming a day or a month
 * of a year. Weekdays, months and small counts recur across a story.
 */
function isAlignable(detail: Detail): boolean {
  switch (detail.kind) {
    case "time":
    case "money":
    case "percentage":
    case "duration":
      return true;
    case "number":
      return Number(detail.value) >= SPECIFIC_COUNT;
    case "date":
      return isSpecificDate(detail);
    default:
      return false;
  }
}

/** Two figures that could be one fact reported twice: same kind and form, and close. */
export function near(a: Detail, b: Detail): boolean {
  if (a.kind !== b.kind || !isAlignable(a) || !isAlignable(b)) return false;
  switch (a.kind) {
    case "time":
      return Math.abs(Number(a.value) - Number(b.value)) <= MAX_MINUTES_APART;
    case "date":
      return a.unit === b.unit && closeInTime(a, b);
    case "money":
      return (a.unit === b.unit || a.unit === "" || b.unit === "") && ratio(a, b) <= MAX_FIGURE_RATIO;
    case "number":
      // "600 metres" is never a headcount of 950.
      return (a.unit === b.unit || (!isMeasure(a.unit) && !isMeasure(b.unit))) && ratio(a, b) <= MAX_FIGURE_RATIO;
    default:
      return ratio(a, b) <= MAX_FIGURE_RATIO;
  }
}

/** How far apart two near figures are: minutes for clock times, days for dates, the log of the ratio for amounts. */
export function distance(a: Detail, b: Detail): number {
  if (a.kind === "time") return Math.abs(Number(a.value) - Number(b.value)) / MAX_MINUTES_APART;
  if (a.kind === "date") return closeInTime(a, b) ? (a.value === b.value ? 0 : 0.5) : 1;
  const apart = ratio(a, b);
  return Number.isFinite(apart) ? Math.log(apart) : 1;
}

/**
 * One figure stands for the claim's when it is the only one near it, or clearly the
 * closest: "$150 million" against "$140 million" beside "$91 million" (a third as far or less).
 */
function clearlyCloser(closest: number, next: number): boolean {
  return closest * CLEAR_MARGIN <= next;
}
const CLEAR_MARGIN = 3;

export interface StoryPassage<P> {
  passage: P;
  details: Detail[];
}

export interface Alignment<P> {
  passage: P;
  agreements: number;
  differences: Difference[];
}

export interface AlignmentContext<P> {
  /** Whether a passage has an uncommon word in common with the claim. */
  sharesWords: (passage: P) => boolean;
  /**
   * The figures of the claim's own article outside the claim: a list, or anything that answers
   * `some` as one does (fact grouping scans its article's figures in place rather than copying
   * them for each claim: for a claim of a 3 MB article they are tens of thousands).
   */
  statedElsewhere: Pick<Detail[], "some">;
}

/** A figure of an article that claims may line up with, and its place in the article's order. */
interface Figure<P> {
  passage: P;
  theirs: Detail;
  order: number;
  /** What `near` measures: minutes for clock times, the absolute amount for the others (dates are not ordered). */
  size: number;
}

/**
 * An article's alignable figures by kind, each kind in order of size, so that the figures near
 * a claim's are found by a search instead of a scan: fact grouping lines up many claims with one
 * article, and a 3 MB article's 37,000 sentences scanned per claim held a server for seconds.
 */
export interface ArticleFigures<P> {
  byKind: Map<string, Array<Figure<P>>>;
}

function sizeOf(detail: Detail): number {
  if (detail.kind === "date") return 0;
  return detail.kind === "time" ? Number(detail.value) : Math.abs(Number.parseFloat(detail.value));
}

/** Indexes an article's figures for {@link alignWithArticle}; build it once per article and reuse it. */
export function articleFigures<P>(article: Array<StoryPassage<P>>): ArticleFigures<P> {
  const byKind = new Map<string, Array<Figure<P>>>();
  let order = 0;
  for (const { passage, details } of article)
    for (const theirs of details) {
      order += 1;
      const size = sizeOf(theirs);
      // A figure `near` can never pair: not specific enough, or a value it cannot measure.
      if (!isAlignable(theirs) || Number.isNaN(size)) continue;
      const list = byKind.get(theirs.kind) ?? [];
      list.push({ passage, theirs, order, size });
      byKind.set(theirs.kind, list);
    }
  for (const list of byKind.values()) list.sort((a, b) => a.size - b.size || a.order - b.order);
  return { byKind };
}

/** Slack on the bounds of the search, so rounding never leaves out a figure `near` accepts (it decides). */
const BOUND_SLACK = 1e-9;

/** The range of sizes a figure near `mine` can have; null when none can be. */
function sizeRange(mine: Detail): [number, number] | null {
  const size = sizeOf(mine);
  if (mine.kind === "date") return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  if (!Number.isFinite(size)) return null;
  if (mine.kind === "time") return [size - MAX_MINUTES_APART - BOUND_SLACK, size + MAX_MINUTES_APART + BOUND_SLACK];
  if (size === 0) return null;
  return [(size / MAX_FIGURE_RATIO) * (1 - BOUND_SLACK), size * MAX_FIGURE_RATIO * (1 + BOUND_SLACK)];
}

/**
 * The figure of the article nearest `mine` (the first in the article's order among equally near
 * ones) and how near the next nearest is, as sorting every near figure by distance would give.
 */
export function nearest<P>(
  mine: Detail,
  figures: ArticleFigures<P>,
): { closest: Figure<P> & { distance: number }; runnerUp?: number } | null {
  const list = figures.byKind.get(mine.kind);
  const range = isAlignable(mine) ? sizeRange(mine) : null;
  if (!list || !range) return null;
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.size < range[0]) low = middle + 1;
    else high = middle;
  }
  let closest: (Figure<P> & { distance: number }) | null = null;
  let runnerUp: number | undefined;
  for (let i = low; i < list.length && list[i]!.size <= range[1]; i += 1) {
    const figure = list[i]!;
    if (!near(mine, figure.theirs)) continue;
    const d = distance(mine, figure.theirs);
    if (!closest) closest = { ...figure, distance: d };
    else if (d < closest.distance || (d === closest.distance && figure.order < closest.order)) {
      runnerUp = closest.distance;
      closest = { ...figure, distance: d };
    } else if (runnerUp === undefined || d < runnerUp) runnerUp = d;
  }
  return closest ? { closest, runnerUp } : null;
}

/**
 * For one article about the same story, the passages whose figures line up with the
 * claim's: a figure of the claim and a figure of the article that are each the only
 * one near the other, or clearly the closest (in the claim, and in the whole article).
 * Equal values agree; others differ. An article with two figures about as near the
 * claim's does not say which one is the claim's fact, so it lines up nothing for that
 * figure; nor does a figure the claim's own article states elsewhere. The article may come
 * indexed ({@link articleFigures}) when many claims are lined up with it.
 */
export function alignWithArticle<P>(
  claimDetails: Detail[],
  article: Array<StoryPassage<P>> | ArticleFigures<P>,
  { sharesWords, statedElsewhere }: AlignmentContext<P>,
): Array<Alignment<P>> {
  const figures = Array.isArray(article) ? articleFigures(article) : article;
  const found = new Map<P, Alignment<P>>();
  for (const mine of claimDetails) {
    const nearestFigure = nearest(mine, figures);
    if (!nearestFigure) continue;
    const { closest, runnerUp } = nearestFigure;
    if (runnerUp !== undefined && !clearlyCloser(closest.distance, runnerUp)) continue;
    const { passage, theirs } = closest;
    const rivals = claimDetails.filter((other) => other !== mine && near(other, theirs));
    if (rivals.some((other) => !clearlyCloser(distance(mine, theirs), distance(other, theirs)))) continue;
    // "Could rise to €55 million" against an article whose one amount is €48 million: when the claim's own
    // article gives that €48 million elsewhere, it is the other fact, the initial fee, not a different total.
    if (!sameValue(mine, theirs) && statedElsewhere.some((other) => other.kind === theirs.kind && sameValue(other, theirs))) continue;
    // A story's percentages and counts measure many things (turnout and vote share, jobs and shares): without an
    // uncommon word in common, a word next to both figures ("a 4.5 percent pay offer" / "an offer of 4%"), or counts
    // of the same thing or of people, the one figure near the claim's may be of something else.
    const needsTie = mine.kind === "percentage" || mine.kind === "number";
    const tied = () =>
      sharesWords(passage) ||
      mine.context.some((term) => theirs.context.includes(term) && !isCalendarWord(term)) ||
      (mine.kind === "number" && mine.unit !== "" && sameCountedUnit(mine, theirs));
    if (needsTie && !tied()) continue;
    const alignment = found.get(passage) ?? { passage, agreements: 0, differences: [] };
    if (sameValue(mine, theirs)) alignment.agreements += 1;
    else alignment.differences.push({ kind: mine.kind, here: mine.raw, there: theirs.raw });
    found.set(passage, alignment);
  }
  return [...found.values()];
}
