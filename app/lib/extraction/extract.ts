import { sentencesWithSpeakers } from "./analyse";
import { sentenceFeatures } from "./features";
import { type Reason, scoreFeatures } from "./checkworthiness";
import { quoteSelector } from "../anchoring";

import { DEFAULT_CHECKWORTHINESS_THRESHOLD } from "./threshold";

export { DEFAULT_CHECKWORTHINESS_THRESHOLD };

export interface ClaimCandidate {
  start: number;
  end: number;
  text: string;
  prefix: string;
  suffix: string;
  checkworthiness: number;
  reasons: Reason[];
  speaker: string | null;
  dismissed: boolean;
}

/**
 * Every sentence of the text as a claim candidate: its position and quote
 * selectors (without an opening dateline), its check-worthiness and the reasons for
 * it, and its speaker.
 */
export function extractClaims(text: string, threshold = DEFAULT_CHECKWORTHINESS_THRESHOLD): ClaimCandidate[] {
  // The features as analyseText gives them, each made just before its sentence is scored (analyse.ts).
  return sentencesWithSpeakers(text).map(({ sentence, speaker }) => {
    const { score, reasons } = scoreFeatures(sentenceFeatures(sentence));
    // A passage with no sentence end for 1,000 characters is not a claim a reviewer wants proposed.
    if (sentence.cut) reasons.push({ kind: "cut", evidence: `${sentence.text.slice(0, 40)}…`, weight: -1 });
    return {
      start: sentence.start,
      end: sentence.end,
      text: sentence.text,
      ...quoteSelector(text, sentence.start, sentence.end),
      checkworthiness: score,
      reasons,
      speaker,
      dismissed: score < threshold || sentence.cut === true,
    };
  });
}
