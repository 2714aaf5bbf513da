import type { QuantizedVectors } from "./format";

/** Cosine similarity of two vectors of the same length; 0 when either is all zeros. */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`cosine of vectors of length ${a.length} and ${b.length}`);
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i += 1) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/**
 * Word vectors looked up by lower-cased word. Words outside the vocabulary have no
 * vector; a sentence's vector is the mean of its known words' unit vectors, so long
 * and short words weigh alike and cosine compares meaning, not length.
 */
export class WordVectors {
  readonly dimensions: number;
  readonly size: number;
  private readonly index = new Map<string, number>();
  private readonly scales: Float32Array;
  private readonly components: Int8Array;
  /** 1 / |quantized components|: turns a stored row into a unit vector without the scale. */
  private readonly inverseNorms: Float32Array;

  constructor(vectors: QuantizedVectors) {
    this.dimensions = vectors.dimensions;
    this.size = vectors.words.length;
    this.scales = vectors.scales;
    this.components = vectors.components;
    this.inverseNorms = new Float32Array(this.size);
    vectors.words.forEach((word, i) => {
      if (!this.index.has(word)) this.index.set(word, i);
      let sum = 0;
      for (let d = 0; d < this.dimensions; d += 1) sum += this.components[i * this.dimensions + d]! ** 2;
      this.inverseNorms[i] = sum === 0 ? 0 : 1 / Math.sqrt(sum);
    });
  }

  has(word: string): boolean {
    return this.index.has(word.toLowerCase());
  }

  /** The word's vector (approximately the package's original values), or null when it is not in the vocabulary. */
  wordVector(word: string): Float32Array | null {
    const row = this.index.get(word.toLowerCase());
    if (row === undefined) return null;
    const out = new Float32Array(this.dimensions);
    const scale = this.scales[row]!;
    for (let d = 0; d < this.dimensions; d += 1) out[d] = this.components[row * this.dimensions + d]! * scale;
    return out;
  }

  /**
   * The mean of the known words' unit vectors, and how many words were known; null
   * when none is. Callers choose the words (for example without stop words).
   */
  sentenceVector(words: Iterable<string>): { vector: Float32Array; known: number } | null {
    const sum = new Float32Array(this.dimensions);
    let known = 0;
    for (const word of words) {
      const row = this.index.get(word.toLowerCase());
      if (row === undefined) continue;
      const inverse = this.inverseNorms[row]!;
      if (inverse === 0) continue;
      const offset = row * this.dimensions;
      for (let d = 0; d < this.dimensions; d += 1) sum[d]! += this.components[offset + d]! * inverse;
      known += 1;
    }
    if (known === 0) return null;
    for (let d = 0; d < this.dimensions; d += 1) sum[d]! /= known;
    return { vector: sum, known };
  }

  /** The row of a word in the vocabulary, or -1 when it has none. */
  rowOf(word: string): number {
    const row = this.index.get(word);
    if (row !== undefined) return row;
    // Content words arrive lower-cased already: a second lookup of the same key would miss again.
    const lower = word.toLowerCase();
    return lower === word ? -1 : (this.index.get(lower) ?? -1);
  }

  /**
   * Every word's unit vector dotted with `direction` (one number per row): a linear model
   * over averaged word vectors is then the mean of its words' projections.
   */
  project(direction: ArrayLike<number>): Float32Array {
    if (direction.length !== this.dimensions) throw new RangeError(`project onto ${direction.length} dimensions, not ${this.dimensions}`);
    const out = new Float32Array(this.size);
    for (let row = 0; row < this.size; row += 1) {
      let dot = 0;
      const offset = row * this.dimensions;
      for (let d = 0; d < this.dimensions; d += 1) dot += this.components[offset + d]! * direction[d]!;
      out[row] = dot * this.inverseNorms[row]!;
    }
    return out;
  }

  /** Cosine similarity of two words; null when either is not in the vocabulary. */
  similarity(a: string, b: string): number | null {
    const va = this.wordVector(a);
    const vb = this.wordVector(b);
    return va && vb ? cosine(va, vb) : null;
  }
}
