// npx tsx tests/bench/extraction-dump.ts OUT.json — every output of claim extraction on every
// labelled set in tests/fixtures/extraction and on the repeated throughput corpus of
// bench:extract, written as JSON so that a change meant to alter no output (a speed-up) can be
// checked byte for byte: dump before, dump after, `cmp` the two files.
// Per article: each candidate extractClaims gives (text, offsets, quote selectors, score,
// reasons, speaker, dismissed), each analysed sentence's dateline, feature values, evidence and
// content words, and the speaker rules' traces with the learned speaker model's candidates.
// The repeated corpus: every candidate of extractClaims over the one 1 MB document.
import fs from "node:fs";
import { analyseText } from "../../app/lib/extraction/analyse";
import { extractClaims } from "../../app/lib/extraction/extract";
import { traceSpeakers } from "../../app/lib/extraction/speaker";
import { speakerCandidates } from "../../app/lib/extraction/speaker-candidates";
import { BLIND_ARTICLES } from "../fixtures/extraction/blind-set";
import { LABELLED_ARTICLES } from "../fixtures/extraction/labelled-set";
import { THIRD_ARTICLES } from "../fixtures/extraction/third-set";
import { articleText, loadArticles, roundOneArticles } from "./extraction-evaluation";
import { throughputCorpus } from "./extraction-corpus";

const out = process.argv[2];
if (!out) throw new Error("usage: tsx tests/bench/extraction-dump.ts OUT.json");

const articles = [
  ...(await loadArticles(/^(?:train|sealed)-.*\.ts$/)),
  ...roundOneArticles([
    ["labelled-set.ts", LABELLED_ARTICLES],
    ["blind-set.ts", BLIND_ARTICLES],
    ["third-set.ts", THIRD_ARTICLES],
  ]),
];

const fd = fs.openSync(out, "w");
const write = (value: unknown) => fs.writeSync(fd, `${JSON.stringify(value)}\n`);

for (const article of articles) {
  const { text } = articleText(article);
  const analysed = analyseText(text);
  const sentences = analysed.map((a) => a.sentence);
  const outlets = analysed.flatMap((a) => (a.dateline?.credit ? [a.dateline.credit] : []));
  const { speakers, traces } = traceSpeakers(sentences, { outlets });
  write({
    article: article.id,
    claims: extractClaims(text),
    analysed: analysed.map((a) => ({
      start: a.sentence.start,
      end: a.sentence.end,
      text: a.sentence.text,
      paragraph: a.sentence.paragraph,
      cut: a.sentence.cut ?? false,
      opensInQuotation: a.sentence.opensInQuotation,
      tokens: a.sentence.tokens,
      dateline: a.dateline,
      values: Array.from(a.features.values),
      evidence: [...a.features.evidence.entries()],
      vectorWords: a.features.vectorWords,
      speaker: a.speaker,
    })),
    tracedSpeakers: speakers,
    traces,
    candidates: speakerCandidates(sentences, traces),
  });
}

const repeated = throughputCorpus(articles.filter((a) => /^train-|-set\.ts$/.test(a.file)));
const claims = extractClaims(repeated.text);
write({ corpus: "throughput", bytes: repeated.bytes, candidates: claims.length });
for (const claim of claims) write(claim);
fs.closeSync(fd);
console.log(`${articles.length} articles and ${claims.length} candidates of the ${repeated.bytes}-byte corpus written to ${out}`);
