import { type Dateline, findDateline } from "./dateline";
import { type SentenceFeatures, sentenceFeatures } from "./features";
import { type Sentence, quoteOpenAfter, segmentSentences } from "./sentences";
import { resolveSpeakers, traceSpeakers } from "./speaker";
import { type CandidateSentence, type SpeakerCandidate, speakerCandidates } from "./speaker-candidates";
import { pickSpeaker, speakerModel } from "./speaker-model";

/** A sentence, and whether it carries on a quotation opened in the sentence before (the attribution may be sentences away). */
export type QuotedSentence = Sentence & { opensInQuotation: boolean };

export interface AnalysedSentence {
  /** The sentence as a claim quotes it: without an opening dateline or agency credit. */
  sentence: QuotedSentence;
  dateline: Dateline | null;
  features: SentenceFeatures;
  speaker: string | null;
}

/** Drops an opening dateline from a sentence that starts a paragraph; the document keeps it. */
function withoutDateline(sentence: Sentence, startsParagraph: boolean): { sentence: Sentence; dateline: Dateline | null } {
  const dateline = startsParagraph ? findDateline(sentence.text) : null;
  if (!dateline) return { sentence, dateline: null };
  const skipped = sentence.text.slice(dateline.length);
  const start = sentence.start + dateline.length + (skipped.length - skipped.trimStart().length);
  return {
    sentence: {
      ...sentence,
      start,
      text: sentence.text.slice(start - sentence.start),
      tokens: sentence.tokens.filter((t) => t.start >= start),
    },
    dateline,
  };
}

export interface AnalyseOptions {
  /** false: the rules' speakers whatever models/speakers.json says (training reads the rules, and must not need a model first). */
  learnedSpeakers?: boolean;
}

/** Every sentence of the text with its features and its speaker: what scoring and training both start from. */
export function analyseText(text: string, options: AnalyseOptions = {}): AnalysedSentence[] {
  return sentencesWithSpeakers(text, options).map(({ sentence, dateline, speaker }) => ({
    sentence,
    dateline,
    features: sentenceFeatures(sentence),
    speaker,
  }));
}

/**
 * analyseText without the features: extraction computes each sentence's features just before
 * scoring it, so they die young instead of surviving, all of them, until the document is done.
 */
export function sentencesWithSpeakers(text: string, options: AnalyseOptions = {}): Array<Omit<AnalysedSentence, "features">> {
  let previousParagraph = -1;
  let quoteOpen = false;
  const sentences = segmentSentences(text).map((raw) => {
    const startsParagraph = raw.paragraph !== previousParagraph;
    previousParagraph = raw.paragraph;
    // A quotation never runs past its paragraph.
    const opensInQuotation = !startsParagraph && quoteOpen;
    quoteOpen = quoteOpenAfter(raw.text, opensInQuotation);
    const { sentence, dateline } = withoutDateline(raw, startsParagraph);
    // Either sentence is this call's own object (segmentSentences makes each anew): marked in place rather than copied.
    const quoted = sentence as QuotedSentence;
    quoted.opensInQuotation = opensInQuotation;
    return { sentence: quoted, dateline };
  });
  const credited = sentences.flatMap(({ dateline }) => (dateline?.credit ? [dateline.credit] : []));
  const { speakers } = analyseSpeakers(
    sentences.map(({ sentence }) => sentence),
    { outlets: credited, learned: options.learnedSpeakers },
  );
  return sentences.map(({ sentence, dateline }, i) => ({ sentence, dateline, speaker: speakers[i]! }));
}

export interface SpeakerAnalysis {
  /** The speaker of each sentence as the app gives it: the learned model's pick when it is enabled, else the rules'. */
  speakers: Array<string | null>;
  rules: Array<string | null>;
  candidates: SpeakerCandidate[][];
}

/** Each sentence's speaker: the rules, then (when models/speakers.json is enabled) the learned ranking of the candidates. */
export function analyseSpeakers(sentences: CandidateSentence[], context: { outlets: string[]; learned?: boolean }): SpeakerAnalysis {
  if (context.learned === false || !speakerModel().enabled) {
    const rules = resolveSpeakers(sentences, context);
    return { speakers: rules, rules, candidates: [] };
  }
  const model = speakerModel();
  const { speakers: rules, traces } = traceSpeakers(sentences, context);
  const candidates = speakerCandidates(sentences, traces);
  return { speakers: candidates.map((c, i) => (c.length === 0 ? rules[i]! : (pickSpeaker(model, c)?.speaker ?? null))), rules, candidates };
}
