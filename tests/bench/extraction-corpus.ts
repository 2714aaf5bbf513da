// The throughput corpus of bench:extract: every training article as an import stores it,
// joined into one document and repeated to about 1 MB. Shared by the bench, the CPU-time
// throughput probe and the extraction dump, so all three read the same text.
import type { LabelledNewsArticle } from "../fixtures/extraction/news-set";
import { articleText } from "./extraction-evaluation";

export function throughputCorpus(articles: LabelledNewsArticle[], bytes = 1_000_000): { corpus: string; text: string; bytes: number } {
  const corpus = articles.map((a) => articleText(a).text).join("\n\n");
  const text = Array.from({ length: Math.ceil(bytes / corpus.length) }, () => corpus).join("\n\n");
  return { corpus, text, bytes: Buffer.byteLength(text) };
}
