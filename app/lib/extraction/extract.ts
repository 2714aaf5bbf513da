import { type Reason, scoreSentence } from "./checkworthiness";
import { segmentSentences } from "./sentences";
import { findSpeaker } from "./speaker";
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
 * selectors, its check-worthiness and the reasons for it, and its speaker. A
 * pronoun speaker ("she said") is resolved to the last speaker named earlier in
 * the same or the previous paragraph.
 */
export function extractClaims(text: string, threshold = DEFAULT_CHECKWORTHINESS_THRESHOLD): ClaimCandidate[] {
  const candidates: ClaimCandidate[] = [];
  let lastNamed: { speaker: string; paragraph: number } | null = null;
  for (const sentence of segmentSentences(text)) {
    const { score, reasons } = scoreSentence(sentence);
    const match = findSpeaker(sentence.tokens);
    let speaker = match?.speaker ?? null;
    if (
      !speaker &&
      match?.pronoun &&
      lastNamed &&
      sentence.paragraph - lastNamed.paragraph <= 1 &&
      match.pronoun !== "i" &&
      match.pronoun !== "we"
    ) {
      speaker = lastNamed.speaker;
    }
    if (match?.speaker && /[A-Z]/.test(match.speaker)) lastNamed = { speaker: match.speaker, paragraph: sentence.paragraph };
    const attribution = reasons.find((r) => r.kind === "attribution");
    if (attribution && speaker) attribution.evidence = `${attribution.evidence} (${speaker})`;
    // A passage with no sentence end for 1,000 characters is not a claim a reviewer wants proposed.
    if (sentence.cut) reasons.push({ kind: "cut", evidence: `${sentence.text.slice(0, 40)}…` });
    candidates.push({
      start: sentence.start,
      end: sentence.end,
      text: sentence.text,
      ...quoteSelector(text, sentence.start, sentence.end),
      checkworthiness: score,
      reasons,
      speaker,
      dismissed: score < threshold || sentence.cut === true,
    });
  }
  return candidates;
}
