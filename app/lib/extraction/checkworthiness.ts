import type { Reason, ReasonKind } from "./reasons";
import type { Sentence } from "./sentences";
import { type SentenceFeatures, sentenceFeatures } from "./features";
import { checkworthinessModel, explain, predict } from "./model";

export type { Reason, ReasonKind };

export interface Score {
  /** The model's probability, rounded to three decimals, that the sentence is worth checking. */
  score: number;
  /** The signals that moved the score most, for and against. */
  reasons: Reason[];
}

export function scoreFeatures(features: SentenceFeatures): Score {
  const model = checkworthinessModel();
  const prediction = predict(model, features);
  return { score: Math.round(prediction.probability * 1000) / 1000, reasons: explain(model, features, prediction) };
}

/** Scores one sentence with the trained model (models/checkworthiness.json; ADR 005). */
export function scoreSentence(sentence: Pick<Sentence, "text" | "tokens"> & { opensInQuotation?: boolean }): Score {
  return scoreFeatures(sentenceFeatures(sentence));
}
