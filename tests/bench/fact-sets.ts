// The labelled fact sets in tests/fixtures/matching: facts-studied-N.ts (open for development)
// and facts-sealed-N.ts (blind sets written by another writer, copied in by the lead only once
// grouping is final, and scored once). Each file exports one FactStory[].
import { readdirSync } from "node:fs";
import type { FactStory } from "../fixtures/matching/fact-set";

export interface FactSet {
  name: string;
  file: string;
  sealed: boolean;
  stories: FactStory[];
}

const FOLDER = new URL("../fixtures/matching/", import.meta.url);

export async function loadFactSets(): Promise<FactSet[]> {
  const files = readdirSync(FOLDER)
    .filter((file) => /^facts-(studied|sealed)-\d+\.ts$/.test(file))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
  const sets: FactSet[] = [];
  for (const file of files) {
    const module = (await import(new URL(file, FOLDER).href)) as Record<string, unknown>;
    const stories = Object.values(module).find((value): value is FactStory[] => Array.isArray(value));
    if (!stories) throw new Error(`${file} exports no FactStory[]`);
    const sealed = file.startsWith("facts-sealed-");
    sets.push({
      name: file
        .replace(/\.ts$/, "")
        .replace(/^facts-/, "")
        .replace("-", " set "),
      file,
      sealed,
      stories,
    });
  }
  return sets;
}
