// Words as comparable search terms: lower case, stop words out, Porter2 stems (wink-nlp),
// number words as digits, thousands separators dropped, months written out.
import type { ItsFunction } from "wink-nlp";
import { MONTH_ABBREVIATIONS } from "../extraction/calendar";
import { nlp } from "../extraction/nlp";
import { SYNONYM_GROUPS } from "./synonyms";

export const STOP_WORDS = new Set([
  "the",
  "a",
  "an",
  "of",
  "to",
  "in",
  "on",
  "and",
  "or",
  "for",
  "at",
  "by",
  "with",
  "that",
  "this",
  "is",
  "was",
  "were",
  "be",
  "been",
  "it",
  "its",
  "as",
  "from",
  "has",
  "had",
  "have",
  "said",
  "says",
  "would",
  "will",
  "their",
  "they",
  "there",
  "which",
  "who",
  "but",
  "not",
  "are",
  "so",
  "far",
  "some",
  "about",
  "around",
  "roughly",
  "nearly",
  "almost",
  "up",
  "after",
  "over",
  "into",
  "than",
  "if",
  "told",
  "according",
  "he",
  "she",
  "his",
  "her",
  "we",
  "our",
  "also",
  "all",
  "any",
  "could",
  "should",
  "may",
  "can",
  "per",
  // A unit, written as a sign just as often ("6%"): two figures in percent are not alike for it.
  "percent",
  "cent",
]);

/** Counts written as words, for search terms here and for comparable details (details.ts). */
export const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};

/** The search term of one word: its Porter2 stem, or the digits of a number. */
export function termOf(word: string): string | null {
  const lower = word.toLowerCase();
  if (lower in WORD_NUMBERS) return String(WORD_NUMBERS[lower]);
  if (lower in MONTH_ABBREVIATIONS) return concept(MONTH_ABBREVIATIONS[lower]!);
  if (/^\d[\d,]*(\.\d+)?$/.test(lower)) return lower.replace(/,/g, "");
  if (!/^\p{L}[\p{L}'’]*$/u.test(lower) || lower.length < 2 || STOP_WORDS.has(lower)) return null;
  return concept(lower);
}

const stems = new Map<string, string>();
/** Porter2 stem of a lower-case word ("contracts" -> "contract", "cancelled" -> "cancel"), memoized. */
export function stem(word: string): string {
  let found = stems.get(word);
  if (found === undefined) {
    const engine = nlp();
    // The typings declare the stemmer with the model add-ons it receives at run time.
    const stemOf = engine.its.stem as unknown as ItsFunction<string>;
    found = (engine.readDoc(word).tokens().out(stemOf) as string[]).join("");
    if (stems.size > 200_000) stems.clear();
    stems.set(word, found);
  }
  return found;
}

let concepts: Map<string, string> | undefined;
/**
 * The term a lower-case word stands for: its stem, or the stem of the first word of
 * its synonym group ("houses" -> "home", "output" -> "product").
 */
export function concept(word: string): string {
  concepts ??= new Map(SYNONYM_GROUPS.flatMap((group) => group.map((member) => [stem(member), stem(group[0]!)] as const)));
  const stemmed = stem(word);
  return concepts.get(stemmed) ?? stemmed;
}

/** Words and numbers as search terms: "Contracts worth $200,000 were awarded" -> contract, worth, 200000, award. */
export function terms(text: string): string[] {
  const found: string[] = [];
  for (const word of text.match(/\d[\d,]*(?:\.\d+)?|[\p{L}][\p{L}'’]*/gu) ?? []) {
    // Possessives: "the council's", "runners'".
    const term = termOf(word.replace(/['’]s?$/, ""));
    if (term) found.push(term);
  }
  return found;
}
