import { describe, expect, it } from "vitest";
import { quoteSelector, reanchor, wordSimilarity } from "../anchoring";
import { extractClaims } from "./extract";
import { segmentSentences } from "./sentences";

const texts = (text: string) => segmentSentences(text).map((s) => s.text);

describe("sentence segmentation", () => {
  it("does not split at abbreviations, initials, times or decimals", () => {
    expect(texts("The U.S. Navy said Dr. Okoye arrived on Jan. 5 at 5 p.m. with 3.5 tonnes of supplies. Officials confirmed it.")).toEqual([
      "The U.S. Navy said Dr. Okoye arrived on Jan. 5 at 5 p.m. with 3.5 tonnes of supplies.",
      "Officials confirmed it.",
    ]);
  });

  it("ends a sentence after an abbreviated amount, but not inside one", () => {
    expect(texts("Each strike day would cost roughly €14m. Hundreds of flights would go. It cost $1.2bn in 2024.")).toEqual([
      "Each strike day would cost roughly €14m.",
      "Hundreds of flights would go.",
      "It cost $1.2bn in 2024.",
    ]);
    expect(texts("It reached 31C. About 4,800 runners had started. John C. Smith ran.")).toEqual([
      "It reached 31C.",
      "About 4,800 runners had started.",
      "John C. Smith ran.",
    ]);
  });

  it("ends a sentence after a clock time's p.m. before a new subject, not before a day or a time zone", () => {
    expect(
      texts("The mayor conceded at 11:40 p.m. Reinholt took 52% of the vote. Polls closed at 8 p.m. Sunday, or 9 a.m. ET Monday."),
    ).toEqual([
      "The mayor conceded at 11:40 p.m.",
      "Reinholt took 52% of the vote.",
      "Polls closed at 8 p.m. Sunday, or 9 a.m. ET Monday.",
    ]);
  });

  it("splits a quotation of several sentences into its sentences, each with the speaker of the quotation", () => {
    expect(texts('"The bridge is unsafe. It must close today," Councillor Reyes said. The vote is on Friday.')).toEqual([
      '"The bridge is unsafe.',
      'It must close today," Councillor Reyes said.',
      "The vote is on Friday.",
    ]);
    expect(
      extractClaims('"The bridge is unsafe. It must close today," Councillor Reyes said. The vote is on Friday.').map((c) => c.speaker),
    ).toEqual(["Reyes", "Reyes", null]);
    expect(extractClaims("“Prices rose. Wages did not. We want 6%,” the union said.").map((c) => c.speaker)).toEqual([
      "the union",
      "the union",
      "the union",
    ]);
  });

  it("never joins across a paragraph break, so headlines stand alone", () => {
    expect(texts("Port to expand\n\nThe port will add two berths.")).toEqual(["Port to expand", "The port will add two berths."]);
  });
});

describe("claim extraction", () => {
  const text = [
    "The city spent $4.2 million on the stadium, 30 percent more than planned, according to the auditor's report.",
    "It was a lovely evening.",
    "Mayor Ines Varga said turnout fell because of the rain.",
    '"We will appeal," she told reporters.',
  ].join(" ");

  it("gives every sentence a score with reasons, and anchors that round-trip", () => {
    const claims = extractClaims(text);
    expect(claims).toHaveLength(4);
    for (const claim of claims) {
      expect(text.slice(claim.start, claim.end)).toBe(claim.text);
      expect(claim).toMatchObject(quoteSelector(text, claim.start, claim.end));
      expect(claim.checkworthiness).toBeGreaterThanOrEqual(0);
      expect(claim.checkworthiness).toBeLessThanOrEqual(1);
    }
    const [spending, evening, varga, appeal] = claims;
    expect(spending!.reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(["percentage", "attribution"]));
    expect(spending!.dismissed).toBe(false);
    expect(spending!.speaker).toBe("the auditor");
    expect(evening!.dismissed).toBe(true);
    expect(evening!.checkworthiness).toBeLessThan(0.3);
    // Reasons against are reported too, with their weight: "a lovely evening" is worded like scene-setting.
    expect(evening!.reasons.find((r) => r.kind === "wording")!.weight).toBeLessThan(0);
    expect(varga!.speaker).toBe("Ines Varga");
    expect(varga!.reasons.map((r) => r.kind)).toEqual(expect.arrayContaining(["attribution"]));
    for (const reason of varga!.reasons) expect(reason.evidence).not.toBe("");
    // "she" refers back to the last named speaker.
    expect(appeal!.speaker).toBe("Ines Varga");
  });

  it.each([
    ['"Two bids is not a competition," said Councillor Tomas Reyes.', "Tomas Reyes"],
    ["Councillor Tomas Reyes, who voted against the award, said the tender was rushed.", "Tomas Reyes"],
    ["A person familiar with the matter said the price fell twice.", "A person familiar with the matter"],
    ["The deal was signed on Friday, according to two officials.", "two officials"],
    ["Health board chair Daniel Kowalski told the Courier that funding rose.", "Daniel Kowalski"],
    ['"People were told to go home," Reyes said.', "Reyes"],
  ])("finds the speaker in %j", (sentence, speaker) => {
    expect(extractClaims(sentence)[0]!.speaker).toBe(speaker);
  });

  it("resolves a pronoun to the sentence's own subject, past an adverb, before looking back", () => {
    const text =
      "Spokesman Sean Parnell said the deadline stands.\n\nMichael did not confirm the plan, but he said that no company would block it. He also said the board would meet.";
    const [, own, next] = extractClaims(text);
    expect(own!.speaker).toBe("Michael");
    expect(next!.speaker).toBe("Michael");
  });

  it("scores reported speech as a claim and an opinion quoted word for word as not", () => {
    const [reported, quoted] = extractClaims(
      'Deputy minister Sara Quist said the ministry had offered to share the cost of temporary masts. "We have been more than patient," Quist said.',
    );
    expect(reported!.dismissed).toBe(false);
    expect(quoted!.dismissed).toBe(true);
    expect(reported!.checkworthiness).toBeGreaterThan(quoted!.checkworthiness + 0.15);
  });

  it("weighs a clock time above a weekday", () => {
    const [withTime, withDay] = extractClaims(
      "The ministry gave the firm until Friday at 5:01 p.m. to restore service. The ministry gave the firm until Friday to restore service.",
    );
    expect(withTime!.checkworthiness).toBeGreaterThan(withDay!.checkworthiness);
    expect(withTime!.dismissed).toBe(false);
  });

  it("honours the threshold", () => {
    const sentence = "Mayor Ines Varga said the bridge carried 31,000 vehicles a day.";
    expect(extractClaims(sentence, 0.99)[0]!.dismissed).toBe(true);
    expect(extractClaims(sentence, 0.1)[0]!.dismissed).toBe(false);
  });
});

describe("re-anchoring", () => {
  const original = "The council met on Monday. It approved a $48 million contract for the bridge. Residents protested outside.";
  const exact = "It approved a $48 million contract for the bridge.";
  const start = original.indexOf(exact);
  const anchor = { exact, ...quoteSelector(original, start, start + exact.length), start };

  it("finds the exact quote when text moved", () => {
    const edited = `A new opening paragraph was added.\n\n${original}`;
    const placed = reanchor(edited, anchor)!;
    expect(placed.method).toBe("exact");
    expect(edited.slice(placed.start, placed.end)).toBe(exact);
  });

  it("uses the context to choose between repeated quotes", () => {
    const repeated =
      "Intro. It approved a $48 million contract for the bridge. Later: The council met on Monday. It approved a $48 million contract for the bridge. Residents protested outside.";
    const placed = reanchor(repeated, anchor)!;
    expect(placed.start).toBe(repeated.lastIndexOf(exact));
  });

  it("places a lightly edited sentence fuzzily", () => {
    const edited = "The council met on Monday. It approved a $48 million contract for the old bridge. Residents protested outside.";
    const placed = reanchor(edited, anchor)!;
    expect(placed.method).toBe("fuzzy");
    expect(placed.exact).toBe("It approved a $48 million contract for the old bridge.");
    expect(edited.slice(placed.start, placed.end)).toBe(placed.exact);
  });

  it("gives up on a sentence that is gone", () => {
    expect(reanchor("The council met on Monday. Residents protested outside.", anchor)).toBeNull();
  });

  it("measures word overlap", () => {
    expect(wordSimilarity("a b c", "a b c")).toBe(1);
    expect(wordSimilarity("a b c", "x y z")).toBe(0);
  });
});
