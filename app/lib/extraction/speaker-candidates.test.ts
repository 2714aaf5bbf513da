import { describe, expect, it } from "vitest";
import { analyseText } from "./analyse";
import { traceSpeakers } from "./speaker";
import { SPEAKER_FEATURES, type SpeakerCandidate, type SpeakerFeature, speakerCandidates, speakerKey } from "./speaker-candidates";

/** The candidates of every sentence of an invented text, as the app generates them. */
function candidatesOf(text: string): Array<{ text: string; rules: string | null; candidates: SpeakerCandidate[] }> {
  const sentences = analyseText(text, { learnedSpeakers: false }).map((a) => a.sentence);
  const { traces } = traceSpeakers(sentences, { outlets: [] });
  return speakerCandidates(sentences, traces).map((candidates, i) => ({ text: sentences[i]!.text, rules: traces[i]!.rules, candidates }));
}

const feature = (candidate: SpeakerCandidate | undefined, name: SpeakerFeature) => candidate?.values[SPEAKER_FEATURES.indexOf(name)];
const find = (candidates: SpeakerCandidate[], speaker: string | null) => candidates.find((c) => c.key === speakerKey(speaker));

const MEETING =
  'Councilmember Ola Brandt, who chairs the finance committee, said the library would close in June. "We have no choice," Brandt said. ' +
  '"The budget is gone."\n\nThe council meets again on Monday.';
const TRANSCRIPT = "Dana Kell spoke to us on Tuesday.\n\nQ: Will you resign?\n\nKELL: No. I was elected to finish the job.";

describe("speakerKey", () => {
  it("compares speakers as the labels do: case, a leading 'the' and punctuation aside", () => {
    expect(speakerKey("The Harbour Authority")).toBe("harbour authority");
    expect(speakerKey("Colm O’Hare")).toBe(speakerKey("colm o'hare"));
    expect(speakerKey(null)).toBeNull();
    expect(speakerKey("  ")).toBeNull();
  });
});

describe("speaker candidates", () => {
  const meeting = candidatesOf(MEETING);

  it("puts the rules' answer first and always offers the outlet's own voice", () => {
    for (const sentence of meeting) {
      expect(sentence.candidates[0]!.key).toBe(speakerKey(sentence.rules));
      expect(feature(sentence.candidates[0], "source: the rules' answer")).toBe(1);
      expect(find(sentence.candidates, null)).toBeDefined();
    }
  });

  it("offers a name with a role word the rules do not know dropped", () => {
    const first = meeting[0]!;
    expect(first.rules).toBe("Councilmember Ola Brandt");
    const variant = find(first.candidates, "Ola Brandt");
    expect(feature(variant, "variant: a leading title dropped")).toBe(1);
    expect(feature(variant, "variant: the dropped word reads as a role (-er, -or, -man, -member)")).toBe(1);
  });

  it("marks where a name stands against the attribution verb", () => {
    const named = find(meeting[0]!.candidates, "Councilmember Ola Brandt");
    expect(feature(named, "name: the sentence's subject")).toBe(1);
    expect(feature(named, "name: before the attribution verb")).toBe(1);
    expect(feature(named, "name: followed by a comma (apposition)")).toBe(1);
    const month = find(meeting[0]!.candidates, "June");
    expect(feature(month, "name: after the attribution verb")).toBe(1);
    expect(feature(month, "name: the sentence's subject")).toBe(0);
  });

  it("carries the previous sentence's speaker into a quotation that goes on", () => {
    const carried = meeting[2]!;
    expect(carried.text).toBe('"The budget is gone."');
    const previous = find(carried.candidates, "Councilmember Ola Brandt");
    expect(feature(previous, "source: the previous sentence's speaker")).toBe(1);
    expect(feature(previous, "previous speaker x sentence is a quotation")).toBe(1);
    expect(feature(find(carried.candidates, null), "null x sentence is a quotation")).toBe(1);
  });

  it("tells the null candidate whether the sentence has an attribution", () => {
    expect(feature(find(meeting[0]!.candidates, null), "null x sentence has an attribution verb")).toBe(1);
    const plain = meeting[3]!;
    expect(plain.text).toBe("The council meets again on Monday.");
    expect(feature(find(plain.candidates, null), "null x sentence has an attribution verb")).toBe(0);
    // Names from the paragraph before are still candidates, at a distance (two sentences back: 1/2).
    expect(feature(find(plain.candidates, "Councilmember Ola Brandt"), "name before: closeness in sentences (1 / distance)")).toBe(0.5);
  });

  it("offers the transcript turn, and marks a question turn for the null candidate", () => {
    const transcript = candidatesOf(TRANSCRIPT);
    const question = transcript.find((s) => s.text.startsWith("Q:"))!;
    expect(feature(find(question.candidates, null), "null x a question turn")).toBe(1);
    const answer = transcript.find((s) => s.text.startsWith("I was elected"))!;
    const turn = find(answer.candidates, "Dana Kell");
    expect(feature(turn, "source: the transcript turn")).toBe(1);
    expect(feature(turn, "last person x first person outside quotes")).toBe(1);
  });

  it("expands a surname to the full name the document gives", () => {
    const quoted = meeting[1]!;
    expect(find(quoted.candidates, "Brandt")).toBeDefined();
    expect(feature(find(quoted.candidates, "Councilmember Ola Brandt"), "variant: a surname expanded to the full name")).toBe(1);
  });

  it("is deterministic and one candidate per speaker key", () => {
    const again = candidatesOf(MEETING);
    expect(again.map((s) => s.candidates.map((c) => [c.key, [...c.values]]))).toEqual(
      meeting.map((s) => s.candidates.map((c) => [c.key, [...c.values]])),
    );
    for (const sentence of meeting) expect(new Set(sentence.candidates.map((c) => c.key)).size).toBe(sentence.candidates.length);
  });
});
