import { describe, expect, it } from "vitest";
import { type Detail, extractDetails } from "./details";
import { type StoryPassage, alignWithArticle, articleFigures, distance, near, nearest } from "./story-alignment";
import { FACTS_STUDIED_1 } from "../../../tests/fixtures/matching/facts-studied-1";
import { FACTS_STUDIED_2 } from "../../../tests/fixtures/matching/facts-studied-2";

// The search by size must find what a scan of every figure, sorted by distance, finds: the same
// closest figure (the first in the article's order among equally near ones) and runner-up distance.
function byScan(mine: Detail, article: Array<StoryPassage<string>>) {
  const candidates = article
    .flatMap(({ passage, details }) =>
      details.filter((theirs) => near(mine, theirs)).map((theirs) => ({ passage, theirs, d: distance(mine, theirs) })),
    )
    .sort((a, b) => a.d - b.d);
  const [closest, runnerUp] = candidates;
  return closest ? { passage: closest.passage, theirs: closest.theirs, distance: closest.d, runnerUp: runnerUp?.d } : null;
}

const stories = [...FACTS_STUDIED_1, ...FACTS_STUDIED_2];
const articles = stories.flatMap((story) =>
  Object.values(story.articles).map((a) => a.sentences.map((text) => ({ passage: text, details: extractDetails(text) }))),
);

/** Figures of every kind, made to crowd one another: equal values, values a rounding apart, the bounds of `near`. */
function crowdedArticle(): Array<StoryPassage<string>> {
  const sentences = [
    "The fare rose to €2.50 on Monday, and to €5.00 a year later.",
    "Officials put it at €2.50, not €1.25.",
    "About 1,200 people marched, police said; organisers counted 2,400.",
    "Some 600 marched at noon and 1,201 by 3:30 p.m.",
    "Service resumed at 4:30 p.m., or at 3:30 p.m. by another account.",
    "Turnout was 48.5%, against 24.25% in 2021 and 97% in 2017.",
    "The strike lasted 19 months; talks took 38 months.",
    "Work started on March 4, 2026 and stopped on May 5, 2026.",
    "It reopened on March 4, 2026.",
  ];
  return sentences.map((text) => ({ passage: text, details: extractDetails(text) }));
}

describe("figures found by size, as a scan of the article finds them", () => {
  it("finds the same nearest figure and runner-up for every claim figure of the labelled sets", () => {
    let compared = 0;
    for (const article of [...articles, crowdedArticle()]) {
      const figures = articleFigures(article);
      for (const other of [...articles.slice(0, 12), crowdedArticle()])
        for (const { details } of other)
          for (const mine of details) {
            const expected = byScan(mine, article);
            const found = nearest(mine, figures);
            if (expected === null) expect(found).toBeNull();
            else {
              compared += 1;
              expect(found?.closest.passage).toBe(expected.passage);
              expect(found?.closest.theirs).toBe(expected.theirs);
              expect(found?.closest.distance).toBe(expected.distance);
              expect(found?.runnerUp).toBe(expected.runnerUp);
            }
          }
    }
    // The comparison means something only if many figures had a near one.
    expect(compared).toBeGreaterThan(500);
  });

  it("aligns alike with the article indexed once and given as a list", () => {
    const article = crowdedArticle();
    const figures = articleFigures(article);
    const context = { sharesWords: () => true, statedElsewhere: [] };
    for (const { details } of [...crowdedArticle(), ...articles.flat()]) {
      expect(alignWithArticle(details, figures, context)).toEqual(alignWithArticle(details, article, context));
    }
  });
});
