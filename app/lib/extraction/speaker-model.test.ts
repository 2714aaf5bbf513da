import { describe, expect, it } from "vitest";
import { analyseText } from "./analyse";
import { traceSpeakers } from "./speaker";
import { SPEAKER_FEATURES, type SpeakerFeature, speakerCandidates, speakerKey } from "./speaker-candidates";
import { parseSpeakerModel, pickSpeaker, speakerModel } from "./speaker-model";
import { type SpeakerExample, crossValidateSpeakers, fitSpeakerRanker } from "./speaker-training";

function examplesOf(text: string, gold: Array<string | null>, group = "invented"): SpeakerExample[] {
  const sentences = analyseText(text, { learnedSpeakers: false }).map((a) => a.sentence);
  const candidates = speakerCandidates(sentences, traceSpeakers(sentences, { outlets: [] }).traces);
  expect(candidates).toHaveLength(gold.length);
  return candidates.map((c, i) => ({ candidates: c, gold: speakerKey(gold[i]), group }));
}

/** A model that weighs only the named features. */
function weighing(weights: Partial<Record<SpeakerFeature, number>>) {
  return { weights: SPEAKER_FEATURES.map((f) => weights[f] ?? 0), bias: 0 };
}

// Invented documents in which the writer drops a role word the rules keep ("Councilmember"), and carries quotations over.
const DOCUMENTS: Array<[string, Array<string | null>]> = [
  [
    'Councilmember Ines Calloway said the quay would reopen on Friday. "The divers found no damage," Calloway said. "We were lucky."',
    ["Ines Calloway", "Ines Calloway", "Ines Calloway"],
  ],
  ["Trooper Piet Ruland said trains would run hourly from May. The line closed in 2019.", ["Piet Ruland", null]],
  [
    'Surveyor Elke Soren said the depot held 40 tonnes of grain. "It will last the winter," Soren said.\n\nThe depot was built in 1952.',
    ["Elke Soren", "Elke Soren", null],
  ],
  ["Boardmember Rui Fenwick said the branch handled 900 parcels a day. The branch opens at nine.", ["Rui Fenwick", null]],
];

describe("the speaker ranker", () => {
  it("picks the highest-scoring candidate, the rules' answer on a tie", () => {
    const [example] = examplesOf("The ferry sank in 1998, the coastguard said.", ["the coastguard"]);
    const candidates = example!.candidates;
    expect(pickSpeaker(weighing({}), candidates)).toBe(candidates[0]);
    expect(pickSpeaker(weighing({ "source: the outlet's own voice (null)": 5 }), candidates)?.speaker).toBeNull();
  });

  it("follows the transcript turn when the weights say so", () => {
    const examples = examplesOf("Dana Kell spoke to us on Tuesday.\n\nQ: Will you resign?\n\nKELL: No. I was elected to finish the job.", [
      null,
      null,
      "Dana Kell",
      "Dana Kell",
    ]);
    const model = weighing({ "source: the transcript turn": 3, "source: the outlet's own voice (null)": 1 });
    expect(examples.map((e) => pickSpeaker(model, e.candidates)?.speaker ?? null)).toEqual([null, null, "Dana Kell", "Dana Kell"]);
  });

  it("learns from labelled examples to drop a role word the rules keep, and keeps null for the outlet's own voice", () => {
    const examples = DOCUMENTS.flatMap(([text, gold], d) => examplesOf(text, gold, `doc ${d}`));
    // The rules keep the role word: the model has something to learn.
    expect(examples[0]!.candidates[0]!.key).toBe("councilmember ines calloway");
    const model = fitSpeakerRanker(examples);
    const [held] = examplesOf("Assessor Gerda Lindqvist said the workshop would hire six apprentices. The workshop opened in 1988.", [
      "Gerda Lindqvist",
      null,
    ]);
    expect(pickSpeaker(model, held!.candidates)?.speaker).toBe("Gerda Lindqvist");
    const folds = crossValidateSpeakers(examples);
    const learned = folds.reduce((sum, f) => sum + f.learnedRight, 0);
    const rules = folds.reduce((sum, f) => sum + f.rulesRight, 0);
    expect(learned).toBeGreaterThan(rules);
  });
});

describe("models/speakers.json", () => {
  it("matches the candidate features and says whether the app uses it", () => {
    const model = speakerModel();
    expect(model.features).toEqual([...SPEAKER_FEATURES]);
    expect(typeof model.enabled).toBe("boolean");
  });

  it("refuses a file trained on other features", () => {
    const raw = { format: 1, version: "x", enabled: true, features: ["one"], weights: [1], bias: 0 };
    expect(() => parseSpeakerModel(raw)).toThrow(/train:speakers/);
  });
});
