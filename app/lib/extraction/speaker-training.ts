// Fits the speaker ranker: a logistic regression (logistic.ts) of "this candidate is the
// labelled speaker" over the candidate features, on the sentences whose labelled speaker
// is among their candidates. Deterministic, like the check-worthiness model.
import { fitLogistic } from "./logistic";
import type { SpeakerCandidate } from "./speaker-candidates";
import { pickSpeaker } from "./speaker-model";

export interface SpeakerExample {
  candidates: SpeakerCandidate[];
  /** speakerKey of the labelled speaker (null: the outlet's own voice). */
  gold: string | null;
  /** The fold group: the set (writer) or the article. */
  group: string;
}

export const SPEAKER_L2 = 1;

export function fitSpeakerRanker(examples: SpeakerExample[], l2: number | number[] = SPEAKER_L2): { weights: number[]; bias: number } {
  const rows: Float64Array[] = [];
  const labels: number[] = [];
  for (const example of examples) {
    if (!example.candidates.some((c) => c.key === example.gold)) continue;
    for (const candidate of example.candidates) {
      rows.push(candidate.values);
      labels.push(candidate.key === example.gold ? 1 : 0);
    }
  }
  const fit = fitLogistic(rows, labels, { l2 });
  return { weights: fit.weights, bias: fit.bias };
}

export interface SpeakerFoldResult {
  group: string;
  sentences: number;
  /** Labelled speaker not null. */
  attributed: number;
  learnedRight: number;
  learnedAttributedRight: number;
  rulesRight: number;
  rulesAttributedRight: number;
  /** The labelled speaker is among the candidates: the most any ranker could get. */
  reachable: number;
}

const rulesPick = (example: SpeakerExample) => example.candidates.find((c) => c.values[0] === 1)?.key ?? null;

/** Scores one held-out group with a model trained on the others, beside the rules on the same sentences. */
export function crossValidateSpeakers(
  examples: SpeakerExample[],
  options: { groupOf?: (example: SpeakerExample) => string; l2?: number | number[] } = {},
): SpeakerFoldResult[] {
  const groupOf = options.groupOf ?? ((e: SpeakerExample) => e.group);
  const groups = [...new Set(examples.map(groupOf))];
  return groups.map((group) => {
    const held = examples.filter((e) => groupOf(e) === group);
    const model = fitSpeakerRanker(
      examples.filter((e) => groupOf(e) !== group),
      options.l2,
    );
    const result: SpeakerFoldResult = {
      group,
      sentences: held.length,
      attributed: 0,
      learnedRight: 0,
      learnedAttributedRight: 0,
      rulesRight: 0,
      rulesAttributedRight: 0,
      reachable: 0,
    };
    for (const example of held) {
      const learned = pickSpeaker(model, example.candidates)?.key ?? null;
      const rules = rulesPick(example);
      const attributed = example.gold !== null;
      if (attributed) result.attributed += 1;
      if (example.candidates.some((c) => c.key === example.gold)) result.reachable += 1;
      if (learned === example.gold) {
        result.learnedRight += 1;
        if (attributed) result.learnedAttributedRight += 1;
      }
      if (rules === example.gold) {
        result.rulesRight += 1;
        if (attributed) result.rulesAttributedRight += 1;
      }
    }
    return result;
  });
}
