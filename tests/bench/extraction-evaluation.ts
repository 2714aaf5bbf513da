// The labelled extraction sets as the app meets them: each article becomes the text an
// import would store (paragraphs separated by a blank line), runs through the same
// analysis as an import, and every sentence the app produces is matched to the labelled
// sentence it covers. Shared by npm run train:checkworthiness and npm run bench:extract.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type AnalyseOptions, type AnalysedSentence, analyseText } from "../../app/lib/extraction/analyse";
import type { LabelledNewsArticle, LabelledNewsSentence } from "../fixtures/extraction/news-set";
import type { LabelledArticle } from "../fixtures/extraction/labelled-set";
import { speakerKey } from "../../app/lib/extraction/speaker-candidates";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/extraction");

export interface EvaluationArticle extends LabelledNewsArticle {
  /** "train-wire.ts#3": the file and the article's place in it. */
  id: string;
  file: string;
}

function isNewsArticle(value: unknown): value is LabelledNewsArticle {
  return typeof value === "object" && value !== null && "style" in value && "paragraphs" in value && Array.isArray(value.paragraphs);
}

/** Every LabelledNewsArticle exported by the files whose names match, in file order then article order. */
export async function loadArticles(filePattern: RegExp): Promise<EvaluationArticle[]> {
  const files = fs
    .readdirSync(FIXTURES)
    .filter((f) => filePattern.test(f))
    .sort();
  const articles: EvaluationArticle[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(FIXTURES, file)).href)) as Record<string, unknown>;
    let index = 0;
    for (const exported of Object.values(module)) {
      if (!Array.isArray(exported)) continue;
      for (const article of exported) {
        if (!isNewsArticle(article)) continue;
        articles.push({ ...article, file, id: `${file}#${index}` });
        index += 1;
      }
    }
  }
  return articles;
}

/** The round-1 sets (written by the developers, one voice, no speakers) in the round-2 shape. */
export function roundOneArticles(sets: Array<[file: string, articles: LabelledArticle[]]>): EvaluationArticle[] {
  return sets.flatMap(([file, articles]) =>
    articles.map((article, index) => ({
      id: `${file}#${index}`,
      file,
      style: "local" as const,
      outlet: "",
      title: article.title,
      paragraphs: article.paragraphs.map((paragraph) => paragraph.map(([text, checkworthy]) => ({ text, checkworthy }))),
    })),
  );
}

export interface LabelledSpan {
  label: LabelledNewsSentence;
  start: number;
  end: number;
  article: EvaluationArticle;
}

export interface ArticleEvaluation {
  article: EvaluationArticle;
  text: string;
  labelled: LabelledSpan[];
  analysed: AnalysedSentence[];
  /** For each analysed sentence, the labelled sentence it overlaps most (index into labelled), or -1. */
  labelOf: number[];
  /** For each labelled sentence, the analysed sentences that overlap it. */
  coveredBy: number[][];
}

/**
 * The article as an import would store it: paragraphs separated by a blank line, and a
 * line that does not end like a sentence (a heading such as "About Quillary Systems", a
 * contact line, "Read more: …") on its own, as it stands in any real document.
 */
export function articleText(article: LabelledNewsArticle): { text: string; spans: Array<{ start: number; end: number }> } {
  let text = "";
  const spans: Array<{ start: number; end: number }> = [];
  article.paragraphs.forEach((paragraph, p) => {
    if (p > 0) text += "\n\n";
    paragraph.forEach((sentence, s) => {
      if (s > 0) text += /[.!?…:;"”’)\]]$/.test(paragraph[s - 1]!.text) ? " " : "\n\n";
      spans.push({ start: text.length, end: text.length + sentence.text.length });
      text += sentence.text;
    });
  });
  return { text, spans };
}

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

export function evaluateArticle(article: EvaluationArticle, options: AnalyseOptions = {}): ArticleEvaluation {
  const { text, spans } = articleText(article);
  const labels = article.paragraphs.flat();
  const labelled = labels.map((label, i) => ({ label, ...spans[i]!, article }));
  const analysed = analyseText(text, options);
  const coveredBy = labelled.map(() => [] as number[]);
  const labelOf = analysed.map(({ sentence }, a) => {
    let best = -1;
    let bestOverlap = 0;
    labelled.forEach((span, l) => {
      const o = overlap(sentence, span);
      if (o > 0) coveredBy[l]!.push(a);
      if (o > bestOverlap) {
        best = l;
        bestOverlap = o;
      }
    });
    return best;
  });
  return { article, text, labelled, analysed, labelOf, coveredBy };
}

/** Whether the app produced exactly this labelled sentence (or its dateline-free text) as one unit. */
export function segmentedExactly(evaluation: ArticleEvaluation, l: number): boolean {
  const span = evaluation.labelled[l]!;
  const covering = evaluation.coveredBy[l]!;
  if (covering.length !== 1) return false;
  const { sentence, dateline } = evaluation.analysed[covering[0]!]!;
  const start = dateline ? sentence.start - dateline.length : sentence.start;
  return sentence.end === span.end && (start <= span.start || sentence.start === span.start);
}

/** A speaker as the labels write it, for comparison: case, a leading article and punctuation do not matter (speakerKey in the app). */
export const normalizeSpeaker = speakerKey;
