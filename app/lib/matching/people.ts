// People as outlets name them: a title before the name ("Defense Secretary Pete Hegseth",
// "chief executive Lena Varga", "former mayor Victor Kane") and a given name. Two reports
// of one person that give different titles or given names differ in a detail a reviewer
// must check. Title words are written for Claimdesk from general news usage.
import { stem } from "./terms";

const TITLE_WORDS = [
  "president",
  "chancellor",
  "minister",
  "premier",
  "secretary",
  "governor",
  "mayor",
  "senator",
  "representative",
  "congressman",
  "congresswoman",
  "councillor",
  "councilor",
  "commissioner",
  "ambassador",
  "judge",
  "justice",
  "prosecutor",
  "attorney",
  "general",
  "admiral",
  "colonel",
  "major",
  "captain",
  "lieutenant",
  "sergeant",
  "commander",
  "chief",
  "executive",
  "director",
  "chairman",
  "chairwoman",
  "chair",
  "chairperson",
  "ceo",
  "cfo",
  "coo",
  "founder",
  "head",
  "leader",
  "manager",
  "coach",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "officer",
  "official",
  "inspector",
  "superintendent",
  "sheriff",
  "professor",
  "dr",
  "bishop",
  "archbishop",
  "pope",
  "king",
  "queen",
  "prince",
  "princess",
  "speaker",
  "deputy",
  "vice",
  "former",
  "acting",
  "interim",
  "ex",
];
/** Words that change who someone is, not only how their office is named: "former mayor" is not "mayor". */
const STATUS_WORDS = ["former", "acting", "interim", "ex", "deputy", "vice"];

let titles: Set<string> | undefined;
let statuses: Set<string> | undefined;
function isTitleWord(word: string): boolean {
  titles ??= new Set(TITLE_WORDS.map((w) => stem(w)));
  return titles.has(stem(word.toLowerCase().replace(/\.$/, "")));
}

export interface PersonName {
  /** The title as written terms ("defens secretari"), empty when none is given. */
  title: string;
  /** The given name, lower case, empty when only the family name is given. */
  forename: string;
  /** How many tokens before the name run the title starts (lower-case title words: "chief executive"). */
  titleTokensBefore: number;
}

/**
 * Reads a run of proper-noun tokens and the words just before it as a person's title
 * and name: the title is every word up to the last title word (capitalized within the
 * run, or lower case just before it); what follows is the name. Runs with no title word
 * and more than one word read as a given and a family name.
 */
export function readPersonName(run: Array<{ value: string }>, before: Array<{ value: string; pos: string }>): PersonName {
  let lastTitle = -1;
  run.forEach((token, i) => {
    if (i < run.length - 1 && isTitleWord(token.value)) lastTitle = i;
  });
  const titleWords = run.slice(0, lastTitle + 1).map((t) => t.value);
  // Title words just before the run, with the lower-case words that qualify them: "county sheriff",
  // "science minister", "Former mayor" (a sentence's first word is capitalized whatever it is).
  let titleTokensBefore = 0;
  if (lastTitle === -1 && before.length > 0 && isTitleWord(before[before.length - 1]!.value)) {
    for (let i = before.length - 1; i >= 0 && titleTokensBefore < 3; i -= 1) {
      const token = before[i]!;
      const qualifier = /^\p{Ll}[\p{L}-]*$/u.test(token.value) && ["NOUN", "ADJ", "PROPN"].includes(token.pos);
      if (!qualifier && !isTitleWord(token.value)) break;
      titleTokensBefore += 1;
    }
    titleWords.push(...before.slice(before.length - titleTokensBefore).map((t) => t.value));
  }
  const person = run.slice(lastTitle + 1);
  return {
    title: titleWords.map((w) => stem(w.toLowerCase().replace(/\.$/, ""))).join(" "),
    forename: person.length > 1 ? person[0]!.value.toLowerCase().replace(/\.$/, "") : "",
    titleTokensBefore,
  };
}

/** "Secretary" and "Defense Secretary" name one office; "former mayor" and "mayor", "Defense Secretary" and "War Secretary" do not. */
function titlesDiffer(a: string, b: string): boolean {
  statuses ??= new Set(STATUS_WORDS.map((w) => stem(w)));
  const words = (title: string) => new Set(title.split(" "));
  const x = words(a);
  const y = words(b);
  const status = (set: Set<string>) =>
    [...set]
      .filter((w) => statuses!.has(w))
      .sort()
      .join(" ");
  if (status(x) !== status(y)) return true;
  const within = (small: Set<string>, large: Set<string>) => [...small].every((w) => large.has(w));
  return !within(x, y) && !within(y, x);
}

/** "Pete" and "Peter", "J." and "John" may be one person; "Anna" and "Anne" are not. */
function forenamesDiffer(a: string, b: string): boolean {
  return !a.startsWith(b) && !b.startsWith(a);
}

export interface NamedPerson {
  raw: string;
  /** The family name as a stem, which ties two mentions of one person together. */
  value: string;
  title?: string;
  forename?: string;
}

/** One person named in both passages with different titles or given names: "Defense Secretary Pete Hegseth" / "War Secretary Pete Hegseth". */
export function personDifferences(here: NamedPerson[], there: NamedPerson[]): Array<{ here: string; there: string }> {
  const found: Array<{ here: string; there: string }> = [];
  for (const mine of here) {
    const theirs = there.find((other) => other.value === mine.value);
    if (!theirs) continue;
    const titled = mine.title && theirs.title && titlesDiffer(mine.title, theirs.title);
    // A title says the name is a person's: "Harbour Logistics" and "Castle Logistics" are two firms, not one person.
    const person = Boolean(mine.title || theirs.title);
    const forenamed = person && mine.forename && theirs.forename && forenamesDiffer(mine.forename, theirs.forename);
    if ((titled || forenamed) && !found.some((d) => d.here === mine.raw && d.there === theirs.raw))
      found.push({ here: mine.raw, there: theirs.raw });
  }
  return found;
}
