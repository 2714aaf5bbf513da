// The labelled speakers as training examples for the speaker model: every sentence of
// every labelled set (tests/fixtures/extraction/train-*.ts and sealed-*.ts; all studied
// now) whose label names a speaker or null, with the candidates the app generates for
// the sentence it makes of it. Shared by npm run train:speakers and npm run bench:extract.
import { traceSpeakers } from "../../app/lib/extraction/speaker";
import { speakerCandidates } from "../../app/lib/extraction/speaker-candidates";
import { SPEAKER_L2, type SpeakerExample, type SpeakerFoldResult, crossValidateSpeakers } from "../../app/lib/extraction/speaker-training";
import historyFile from "../fixtures/extraction/speaker-rules-history.json";
import { type ArticleEvaluation, evaluateArticle, loadArticles, normalizeSpeaker } from "./extraction-evaluation";

export interface SpeakerData {
  examples: SpeakerExample[];
  /** For each example, the article it came from ("sealed-d-1.ts#3"). */
  articles: string[];
  files: string[];
}

/**
 * The set an article belongs to, by writer: the round-2 training sets were written by two
 * writers (broadsheet, local and wire by one; interview, live blog and press release by
 * another), and each sealed set A to D by a writer of its own. Holding out one writer at a
 * time is the fold a blind set from a new writer resembles.
 */
export function writerOf(file: string): string {
  const sealed = /^sealed-([a-z])-/.exec(file);
  if (sealed) return `set ${sealed[1]!.toUpperCase()}`;
  return /^train-(?:broadsheet|local|wire)-/.test(file) ? "training: news" : "training: documents";
}

/**
 * history: the rules' answers before each set was studied (speaker-rules-history.json), put in place of today's rules'
 * answers: the candidates then carry the rules as they do on a new writer's text.
 */
export function speakerExamples(evaluations: ArticleEvaluation[], history?: Record<string, Array<string | null>>): SpeakerData {
  const examples: SpeakerExample[] = [];
  const articles: string[] = [];
  for (const evaluation of evaluations) {
    const sentences = evaluation.analysed.map((a) => a.sentence);
    const outlets = evaluation.analysed.flatMap((a) => (a.dateline?.credit ? [a.dateline.credit] : []));
    const { traces } = traceSpeakers(sentences, { outlets });
    const blind = history?.[evaluation.article.id];
    if (blind && blind.length !== traces.length)
      throw new Error(`speaker-rules-history.json is stale for ${evaluation.article.id}: run npm run speakers:history`);
    if (blind)
      traces.forEach((trace, i) => {
        trace.own = trace.own === null ? null : blind[i]!;
        trace.rules = blind[i]!;
      });
    const candidates = speakerCandidates(sentences, traces);
    evaluation.labelled.forEach((span, l) => {
      const first = evaluation.coveredBy[l]![0];
      if (span.label.speaker === undefined || first === undefined) return;
      examples.push({
        candidates: candidates[first]!,
        gold: normalizeSpeaker(span.label.speaker),
        group: writerOf(evaluation.article.file),
      });
      articles.push(evaluation.article.id);
    });
  }
  return { examples, articles, files: [...new Set(evaluations.map((e) => e.article.file))] };
}

export async function speakerData(options: { history?: boolean; historyFor?: (writer: string) => boolean } = {}): Promise<SpeakerData> {
  const articles = await loadArticles(/^(?:train|sealed)-.*\.ts$/);
  const all = (historyFile as { answers: Record<string, Array<string | null>> }).answers;
  const keep = options.historyFor ?? (() => true);
  const history = options.history
    ? Object.fromEntries(articles.filter((a) => keep(writerOf(a.file))).map((a) => [a.id, all[a.id]!]))
    : undefined;
  return speakerExamples(
    articles.map((a) => evaluateArticle(a, { learnedSpeakers: false })),
    history,
  );
}

/** Folds of whole articles, by article order: article k goes to fold k mod folds. */
export function articleFolds(data: SpeakerData, folds: number): (example: SpeakerExample) => string {
  const order = [...new Set(data.articles)];
  const foldOf = new Map(order.map((id, k) => [id, `fold ${(k % folds) + 1}`]));
  const byExample = new Map(data.examples.map((e, i) => [e, foldOf.get(data.articles[i]!)!]));
  return (example) => byExample.get(example)!;
}

/** The writers whose rules' answers are taken from before their set was studied: all but the first, which no round-2 rules predate (ADR 022). */
export const HISTORY_FOR = (writer: string) => writer !== "training: news";

export interface SpeakerCrossValidation {
  folds: Array<SpeakerFoldResult & { todayRulesRight: number; todayRulesAttributedRight: number }>;
  byArticle: SpeakerFoldResult[];
  l2: number;
}

/**
 * Leave one writer out: the model trained on the other writers' sentences (with the rules'
 * answers as they stood before each was studied) scores the held-out writer's, beside the
 * rules as they stood before that writer was studied and today's rules on the same sentences.
 * Also 5 folds of whole articles.
 */
export async function speakerCrossValidation(l2 = SPEAKER_L2): Promise<SpeakerCrossValidation & { data: SpeakerData; today: SpeakerData }> {
  const data = await speakerData({ history: true, historyFor: HISTORY_FOR });
  const today = await speakerData();
  const folds = crossValidateSpeakers(data.examples, { l2 }).map((fold) => {
    const held = today.examples.filter((e) => e.group === fold.group);
    const right = held.filter((e) => (e.candidates.find((c) => c.values[0] === 1)?.key ?? null) === e.gold);
    return { ...fold, todayRulesRight: right.length, todayRulesAttributedRight: right.filter((e) => e.gold !== null).length };
  });
  const byArticle = crossValidateSpeakers(data.examples, { l2, groupOf: articleFolds(data, 5) });
  return { folds, byArticle, l2, data, today };
}
