import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { decodeVectors } from "./format";
import { WordVectors } from "./word-vectors";

/** The compact vectors, committed with the model trained on them (ADR 005). */
export const WORD_VECTORS_FILE = "models/word-vectors-50k-q8.bin";

/**
 * The project root, found from this module's location by looking for the package
 * named claimdesk, so the same code works from the sources (tsx, Vitest) and from
 * the built server bundle (build/server).
 */
export function projectRoot(from = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string }).name === "claimdesk") return dir;
    if (path.dirname(dir) === dir) throw new Error(`claimdesk: cannot find the project root from ${from}`);
  }
}

let loaded: WordVectors | undefined;

/** The word vectors, read from disk on first use (about 5 MB, tens of milliseconds) and shared by the process. */
export function wordVectors(): WordVectors {
  loaded ??= new WordVectors(decodeVectors(fs.readFileSync(path.join(projectRoot(), WORD_VECTORS_FILE))));
  return loaded;
}
