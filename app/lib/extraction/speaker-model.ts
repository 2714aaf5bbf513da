// The learned speaker model: a linear score over the candidate features of
// speaker-candidates.ts, read from the versioned weights file npm run train:speakers
// writes (models/speakers.json). The app only loads it. Each sentence's speaker is its
// highest-scoring candidate; when the file says the model did not beat the rules in
// cross-validation (enabled: false), the rules' answer stands (ADR 022).
import { z } from "zod";
import weightsFile from "../../../models/speakers.json";
import { SPEAKER_FEATURES, type SpeakerCandidate } from "./speaker-candidates";

export const SPEAKER_MODEL_FILE = "models/speakers.json";

const modelSchema = z.object({
  format: z.literal(1),
  version: z.string(),
  /** Whether the app uses the model: true only when its cross-validated accuracy beat the rules'. */
  enabled: z.boolean(),
  features: z.array(z.string()),
  weights: z.array(z.number()),
  bias: z.number(),
});
export type SpeakerModel = z.infer<typeof modelSchema>;

export function parseSpeakerModel(raw: unknown): SpeakerModel {
  const model = modelSchema.parse(raw);
  if (model.features.length !== SPEAKER_FEATURES.length || model.features.some((name, i) => name !== SPEAKER_FEATURES[i])) {
    throw new Error(`${SPEAKER_MODEL_FILE} was trained on other features than speaker-candidates.ts: run npm run train:speakers`);
  }
  if (model.weights.length !== SPEAKER_FEATURES.length) throw new Error(`${SPEAKER_MODEL_FILE} is malformed: one weight per feature`);
  return model;
}

let current: SpeakerModel | undefined;
export function speakerModel(): SpeakerModel {
  current ??= parseSpeakerModel(weightsFile);
  return current;
}

export function candidateScore(model: Pick<SpeakerModel, "weights" | "bias">, candidate: SpeakerCandidate): number {
  let z = model.bias;
  for (let j = 0; j < candidate.values.length; j += 1) z += model.weights[j]! * candidate.values[j]!;
  return z;
}

/** The highest-scoring candidate; on a tie the earlier one (the rules' answer comes first). */
export function pickSpeaker(model: Pick<SpeakerModel, "weights" | "bias">, candidates: SpeakerCandidate[]): SpeakerCandidate | null {
  let best: SpeakerCandidate | null = null;
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    const score = candidateScore(model, candidate);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
