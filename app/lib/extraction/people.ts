// The people a document has named, most recent last, and what it has said about whether
// each is a "he" or a "she": what a pronoun in reported speech ("she said") is resolved
// against. The gender comes only from the document itself (a title such as "Mrs", a noun
// such as "spokeswoman" or "his wife", a pronoun the document used for the person), never
// from the name.

export type Pronoun = "he" | "she";

const FEMININE = new Set(
  (
    "mrs ms miss dame lady queen princess duchess countess baroness sister mother grandmother wife widow daughter niece aunt " +
    "spokeswoman chairwoman businesswoman congresswoman councilwoman policewoman fisherwoman sportswoman landlady headmistress actress"
  ).split(" "),
);
const MASCULINE = new Set(
  (
    "mr sir lord king prince duke baron brother father grandfather husband widower son nephew uncle " +
    "spokesman chairman businessman congressman councilman policeman fisherman sportsman landlord headmaster"
  ).split(" "),
);

/** The pronoun a title or noun implies ("Mrs", "spokeswoman", "wife"), or null. */
export function pronounOfWord(word: string): Pronoun | null {
  const lower = word.toLowerCase().replace(/\.$/, "");
  if (FEMININE.has(lower)) return "she";
  if (MASCULINE.has(lower)) return "he";
  return null;
}

/** The pronoun the words imply, when they agree: "Mrs Naomi Fairclough" → she. */
export function pronounOfWords(words: string[]): Pronoun | null {
  const found = new Set(words.map(pronounOfWord).filter((p): p is Pronoun => p !== null));
  return found.size === 1 ? [...found][0]! : null;
}

/** The pronoun a sentence uses outside quotations, when it uses only one kind: "said she was thrilled" → she. */
export function pronounUsed(words: string[]): Pronoun | null {
  let he = false;
  let she = false;
  for (const word of words) {
    if (word === "he" || word === "him" || word === "his" || word === "himself") he = true;
    else if (word === "she" || word === "her" || word === "hers" || word === "herself") she = true;
  }
  return he === she ? null : he ? "he" : "she";
}

export interface PersonMemory {
  speaker: string;
  paragraph: number;
  sentence: number;
}

const REMEMBERED = 12;

export class RecentPeople {
  private readonly people: PersonMemory[] = [];
  private readonly pronouns = new Map<string, Pronoun>();

  /** Records a mention of a person (a name, or an anonymous source such as "a council spokeswoman"), as the most recent. */
  note(memory: PersonMemory, pronoun: Pronoun | null = null): void {
    const at = this.people.findIndex((p) => p.speaker === memory.speaker);
    if (at !== -1) this.people.splice(at, 1);
    this.people.push(memory);
    if (this.people.length > REMEMBERED) this.people.shift();
    if (pronoun) this.learn(memory.speaker, pronoun);
  }

  /** What the document calls the person; the first evidence wins. */
  learn(speaker: string, pronoun: Pronoun): void {
    if (!this.pronouns.has(speaker)) this.pronouns.set(speaker, pronoun);
  }

  /** The pronoun the document has used for the person, if any: a name with one is a person, not a company. */
  pronounOf(speaker: string): Pronoun | null {
    return this.pronouns.get(speaker) ?? null;
  }

  last(): PersonMemory | null {
    return this.people[this.people.length - 1] ?? null;
  }

  /** The person last named within `window` paragraphs, whoever they are: "the 54-year-old said". */
  resolveAny(paragraph: number, window = 2): string | null {
    const person = this.last();
    return person && paragraph - person.paragraph <= window ? person.speaker : null;
  }

  /**
   * The person a "he" or "she" in the given paragraph refers to: the most recent person
   * named within `window` paragraphs whom the document has not called the other pronoun.
   */
  resolve(pronoun: Pronoun, paragraph: number, window = 2): string | null {
    for (let i = this.people.length - 1; i >= 0; i -= 1) {
      const person = this.people[i]!;
      if (paragraph - person.paragraph > window) return null;
      const known = this.pronouns.get(person.speaker);
      if (!known || known === pronoun) return person.speaker;
    }
    return null;
  }
}
