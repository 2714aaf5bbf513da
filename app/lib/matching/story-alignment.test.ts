import { describe, expect, it } from "vitest";
import { extractDetails } from "./details";
import { buildSentenceIndex } from "./sentence-index";
import { alignWithArticle } from "./story-alignment";

// Invented reports of one event, worded so that the sentences share no words but their figures.
const article = (sentences: string[]) => sentences.map((text) => ({ passage: text, details: extractDetails(text) }));
const align = (claim: string, sentences: string[], sharesWords = true, claimArticle: string[] = []) =>
  alignWithArticle(extractDetails(claim), article(sentences), {
    sharesWords: () => sharesWords,
    statedElsewhere: claimArticle.flatMap((text) => extractDetails(text)),
  });

describe("figures lined up with another article of the story", () => {
  it("pairs the one clock time near the claim's, however the sentences are worded", () => {
    const found = align("Trains were running again at 6:15 p.m.", [
      "The signal fault began at 9 a.m.",
      "Normal service resumed shortly before 7 p.m.",
      "Commuters were angry.",
    ]);
    expect(found).toEqual([
      {
        passage: "Normal service resumed shortly before 7 p.m.",
        agreements: 0,
        differences: [{ kind: "time", here: "6:15 p.m.", there: "7 p.m." }],
      },
    ]);
  });

  it("counts an equal figure as agreement", () => {
    expect(align("The fine is set at €2,500.", ["Offenders will pay €2,500.", "The rule starts in May."])).toEqual([
      { passage: "Offenders will pay €2,500.", agreements: 1, differences: [] },
    ]);
  });

  it("lines up nothing when the article holds two figures near the claim's, or none close enough", () => {
    expect(align("Repairs will cost €1.2 million.", ["The new depot cost €1.1 million.", "Repairs are put at €1.4 million."])).toEqual([]);
    expect(align("Repairs will cost €1.2 million.", ["The council has a budget of €40 million."])).toEqual([]);
    // Clearly the closest of two (a third as far or less) still stands for the claim's figure.
    expect(
      align("The film cost $140 million to make.", [
        "It took $91 million in its first weekend.",
        "The $150 million production opened widely.",
      ]),
    ).toEqual([
      {
        passage: "The $150 million production opened widely.",
        agreements: 0,
        differences: [{ kind: "money", here: "$140 million", there: "$150 million" }],
      },
    ]);
    expect(align("Repairs will cost €1.2 million.", ["Repairs will cost $1.2 million."])).toEqual([]);
  });

  it("needs a word in common for percentages and counts, which measure many things in one story", () => {
    const sentences = ["Turnout was 58 percent.", "The new mayor won with 52% of the vote."];
    expect(align("She took 54 percent of the vote.", sentences, false)).toEqual([]);
    expect(align("She took 54 percent of the vote.", sentences, true)).toHaveLength(0); // two percentages near 54: no single counterpart
    expect(align("She took 54 percent of the vote.", ["The new mayor won with 52% of the vote."], true)).toHaveLength(1);
    // A word next to both figures ties them even when it is common in the project.
    expect(align("Nurses rejected a 4.5 percent pay offer.", ["The offer of 4% was turned down."], false)).toHaveLength(1);
    expect(align("Nurses rejected a 4.5 percent pay offer.", ["Prices rose 4% last year."], false)).toEqual([]);
  });

  it("does not line up a figure that the claim's own article states elsewhere", () => {
    const other = ["The club paid €48 million for the striker."];
    expect(align("The fee could rise to €55 million.", other)).toHaveLength(1);
    expect(align("The fee could rise to €55 million.", other, true, ["The striker cost €48 million, a club record."])).toEqual([]);
  });

  it("lines up a measure only with a figure in the same unit", () => {
    expect(align("The miners were trapped 600 metres underground.", ["The mine has a workforce of 950."])).toEqual([]);
    expect(align("The miners were trapped 600 metres underground.", ["They were stuck at a depth of 650 metres."])).toHaveLength(1);
  });

  it("ignores small counts, weekdays and months, which recur across a story", () => {
    expect(align("Three people were hurt on Monday.", ["Four were taken to hospital on Tuesday."])).toEqual([]);
  });
});

describe("suggestions read alongside articles of the same story", () => {
  const documents = [
    {
      id: 1,
      title: "Wire",
      text: "A power cut hit the Harlow district of Brennstad on Friday. Electricity came back at 6:15 p.m., the grid operator Norvolt said. About 12,000 homes were affected.",
    },
    {
      id: 2,
      title: "Daily",
      text: "Brennstad's Harlow district lost power on Friday afternoon after a Norvolt substation failed. Supplies were restored at around 7 p.m. Some 12,000 homes in Harlow were left in the dark.",
    },
    // Another story, with a clock time near the claim's.
    { id: 3, title: "Sport", text: "Brennstad Rovers won 3-1 at home on Saturday. The match kicked off at 6:30 p.m." },
  ];
  const index = buildSentenceIndex(documents);
  const claim = "Electricity came back at 6:15 p.m., the grid operator Norvolt said.";

  it("finds the differing time in a sentence with no words in common, given the claim's article", () => {
    const found = index.search(claim, (p) => p.documentId === 1, 5, 1);
    expect(found.find((s) => s.text === "Supplies were restored at around 7 p.m.")).toMatchObject({
      relation: "contradicts",
      differences: [{ kind: "time", here: "6:15 p.m.", there: "7 p.m." }],
    });
    // Another story's clock time is not read against the claim.
    expect(found.some((s) => s.documentId === 3 && s.relation === "contradicts")).toBe(false);
  });

  it("without the claim's article, finds only what shares words", () => {
    const found = index.search(claim, (p) => p.documentId === 1, 5);
    expect(found.find((s) => s.text === "Supplies were restored at around 7 p.m.")?.relation ?? "related").toBe("related");
  });
});
