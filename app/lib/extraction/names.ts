// Names as newsrooms write them around a speaker: titles and roles before a person's
// name ("Interior Minister Katrin Sollberg", "Cllr Derek Ambrose", "retired teacher
// Bernard Lowe"), organisations and the nouns they are later called by ("the agency",
// "the auditors"). Word lists are written for Claimdesk from general news usage.
import { startsUppercase } from "./letters";

/** Honorifics and office words that precede a name and are not part of it. */
const TITLE_WORDS = new Set(
  (
    "mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady rev rev. reverend fr fr. father sister brother " +
    "cllr cllr. councillor councilor alderman mayor deputy vice president chancellor minister premier secretary governor senator sen. sen " +
    "representative rep rep. congressman congresswoman commissioner ambassador judge justice prosecutor attorney general admiral colonel col. " +
    "major captain capt capt. lieutenant lt lt. sergeant sgt sgt. corporal cpl constable pc insp insp. inspector superintendent supt " +
    "commander chief sheriff officer detective det det. bishop archbishop cardinal pope king queen prince princess emir sheikh speaker " +
    "chairman chairwoman chair chairperson director executive ceo cfo coo founder head leader manager coach spokesman spokeswoman spokesperson " +
    "spokesman official mp mep mla msp lawmaker legislator economist analyst editor correspondent reporter headteacher headmaster " +
    "headmistress principal teacher campaigner activist resident pupil student nurse doctor farmer driver owner landlord tenant " +
    "shopkeeper volunteer lawyer barrister solicitor researcher scientist physicist historian author novelist singer actor striker " +
    "midfielder defender goalkeeper manager referee umpire pastor imam rabbi canon vicar presenter rector dean provost anchor host " +
    // People as local news introduces them: "Parent Joe Kettering", "Pensioner Iris Dale", "Shop owner Raj Patel".
    "parent mother father grandmother grandfather grandparent widow widower pensioner commuter passenger shopper worker employee " +
    "paramedic firefighter soldier veteran survivor witness victim neighbour neighbor homeowner householder businessman businesswoman " +
    "entrepreneur investor trader fisherman fisherwoman angler builder plumber electrician mechanic chef publican landlady caretaker " +
    "carer midwife surgeon consultant dentist pharmacist lecturer academic expert adviser advisor strategist pollster commentator " +
    "columnist photographer filmmaker artist musician poet writer designer architect planner councilman councilwoman trustee steward " +
    "organiser organizer coordinator co-founder cofounder boss treasurer clerk registrar coroner magistrate juror defendant claimant " +
    "candidate nominee delegate ranger warden skipper player athlete cyclist jockey trainer supporter engineer technician " +
    "headteacher head-teacher scholar inventor campaigner protester protestor organiser"
  ).split(" "),
);

/** Head nouns that make a capitalized phrase an organisation rather than a person. */
const ORGANISATION_WORDS = new Set(
  (
    "authority agency council ministry department office party union institute institution court commission committee bank society " +
    "association group systems laboratories labs media service services police school academy university college trust federation forum " +
    "front inspectorate inquiry board company corporation corp inc ltd plc co foundation fund capital partners network networks airline " +
    "airlines airways railways wire herald courier mercury television radio hospital surgery practice clinic church club league " +
    "guardians coalition alliance movement campaign charity watchdog regulator tribunal parliament senate congress assembly government " +
    "administration cabinet army navy force forces brigade command centre center motors industries holdings chemicals pharmaceuticals " +
    "technologies solutions consulting observatory exchange yards rescue procession bureau directorate unit taskforce panel"
  ).split(" "),
);

/** The word a group of people is counted by ("the auditors" → an office of audit). */
const DESCRIPTOR_STEMS: Record<string, string[]> = {
  auditors: ["audit"],
  inspectors: ["inspectorate", "inspection"],
  regulator: ["authority", "regulator", "inspectorate", "commission", "agency"],
  watchdog: ["authority", "regulator", "inspectorate", "commission", "agency"],
  court: ["court", "tribunal"],
  school: ["academy", "school", "college"],
  bank: ["bank"],
  police: ["police", "constabulary"],
  officers: ["police"],
  federation: ["federation"],
  firm: ["company", "corporation", "group", "systems", "laboratories", "labs", "inc", "ltd", "plc", "capital", "partners", "media"],
  company: ["company", "corporation", "group", "systems", "laboratories", "labs", "inc", "ltd", "plc", "capital", "media", "chemicals"],
  ministry: ["ministry", "department"],
  department: ["department", "ministry"],
  union: ["union", "association", "federation"],
  party: ["party", "front", "alliance", "coalition"],
};

export function isTitleWord(word: string): boolean {
  const lower = word.toLowerCase();
  // "Justices Pell and Varga", "Councillors Reyes and Doyle".
  return TITLE_WORDS.has(lower) || (lower.length > 4 && lower.endsWith("s") && TITLE_WORDS.has(lower.slice(0, -1)));
}

export function isOrganisationWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (ORGANISATION_WORDS.has(lower)) return true;
  const last = lower.charCodeAt(lower.length - 1);
  // "Farmers' Union", "Halcyne's": a possessive mark.
  return (last === 39 || last === 8217 || last === 115) && ORGANISATION_WORDS.has(lower.replace(/['’]s?$/, ""));
}

/** A capitalized run names an organisation when its head noun is one ("Quellan Environment Agency") or it is "Bank of X". */
export function isOrganisationName(words: string[]): boolean {
  if (words.length === 0) return false;
  if (isOrganisationWord(words[words.length - 1]!)) return true;
  const of = words.findIndex((w) => w === "of" || w === "for");
  return of > 0 && isOrganisationWord(words[of - 1]!);
}

const capitalized = startsUppercase;

const CONNECTIVE = /^(?:&|and|of|for|de|van|von|der|la|le|du|al|bin)$/;
const AFFILIATION = /^(?:of|from|at|with|in|for|on|to)$/;
const DETERMINER = /^(?:the|a|an)$/i;
/** Nouns for what an organisation publishes: "Finance Ministry estimates" are the ministry's word. */
const DOCUMENT_NOUNS = new Set(
  "estimates figures data report reports statement statements documents document records filings filing analysis survey study research website decision ruling judgment letter review paper assessment audit accounts pages note notice".split(
    " ",
  ),
);

export function isDocumentNoun(word: string): boolean {
  return DOCUMENT_NOUNS.has(word.toLowerCase());
}

/** Words in the names of places: a name ending in one is not a person ("Quarry Hill Road"). */
const PLACE_WORDS = new Set(
  "road street st avenue ave lane close terrace drive way place square park bridge hill hills valley river estate green gardens crescent row court quay harbour port island islands county province district town city village".split(
    " ",
  ),
);
export function isPlaceName(words: string[]): boolean {
  return words.length > 0 && PLACE_WORDS.has(words[words.length - 1]!.toLowerCase());
}

/** Whether a lower-case noun is one an organisation is referred back by ("officers" for the police). */
export function isDescriptorNoun(word: string): boolean {
  return word.toLowerCase() in DESCRIPTOR_STEMS;
}

/** The maximal runs of capitalized words (with connectives inside them: "Bank of Lustrava", "Fenner & Kray"). */
function capitalizedRuns(words: string[]): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  let i = 0;
  while (i < words.length) {
    if (!capitalized(words[i]!)) {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < words.length && (capitalized(words[end]!) || (CONNECTIVE.test(words[end]!) && capitalized(words[end + 1] ?? ""))))
      end += 1;
    runs.push({ start: i, end });
    i = end;
  }
  return runs;
}

/** A person's name without the titles before it: "Interior Minister Katrin Sollberg" → "Katrin Sollberg"; an organisation as named. */
/** A role written as one capitalized word before a name: "Harbourmaster Leon Abara", "Campaigner Holly Brennan". */
const ROLE_SUFFIX = /^\p{Lu}\p{Ll}{2,}(?:master|keeper|man|woman|person|ist|ian|aigner|ner|ger|eer)$/u;

function withoutTitles(run: string[]): string[] {
  if (isOrganisationName(run)) return run;
  let start = 0;
  for (let i = 0; i < run.length - 1; i += 1) if (isTitleWord(run[i]!.replace(/\.$/, ""))) start = i + 1;
  if (start === 0 && run.length >= 3 && ROLE_SUFFIX.test(run[0]!)) start = 1;
  return run.slice(start);
}

/**
 * The name in a speaker phrase, without the title or role before it: "Interior
 * Minister Katrin Sollberg" → "Katrin Sollberg", "union rep Darren Kilby" → "Darren
 * Kilby", "grid operator Tarsgrid" → "Tarsgrid", "Dr. Lucia Ferro of the Castrel
 * School of Economics" → "Lucia Ferro". A description without a name of its own ("a
 * person familiar with the matter", "a spokesperson for Harnley General Hospital",
 * "the agency") is returned as written.
 */
export function nameInPhrase(words: string[]): string[] {
  // "A report by council engineers": the authors.
  const by = words.findIndex((w) => w === "by" || w === "from");
  if (by >= 1 && by <= 3 && DOCUMENT_NOUNS.has(words[by - 1]!.toLowerCase()) && by < words.length - 1)
    return nameInPhrase(words.slice(by + 1));
  let first = 0;
  while (first < words.length - 1 && DETERMINER.test(words[first]!)) first += 1;
  const body = words.slice(first);
  const runs = capitalizedRuns(body);
  if (runs.length === 0) return words;
  const opening = runs[0]!;
  // "Henrik from Marnholt", a reader named by first name and town: the person.
  if (
    first === 0 &&
    opening.start === 0 &&
    opening.end === 1 &&
    /^(?:from|of)$/.test(body[1] ?? "") &&
    !isOrganisationName(body.slice(0, 1)) &&
    !isTitleWord(body[0]!)
  )
    return body.slice(0, 1);
  // A person named first, then where they work: "Dr. Lucia Ferro of the Castrel School of Economics".
  if (opening.start === 0 && opening.end - opening.start >= 2 && opening.end < body.length && AFFILIATION.test(body[opening.end]!)) {
    const run = body.slice(opening.start, opening.end);
    if (!isOrganisationName(run)) return withoutTitles(run);
  }
  const last = runs[runs.length - 1]!;
  // "Chair of the bench Gwen Harlow", "Head of communications Callum Reyes": a title and its portfolio, then the person.
  if (
    first === 0 &&
    runs.length > 1 &&
    last.end === body.length &&
    isTitleWord(body[0]!) &&
    /^[a-z]/.test(body[last.start - 1] ?? "") &&
    !AFFILIATION.test(body[last.start - 1]!) &&
    !DETERMINER.test(body[last.start - 1]!)
  ) {
    const run = body.slice(last.start, last.end);
    if (!isOrganisationName(run) && !isPlaceName(run)) return withoutTitles(run);
  }
  if (last.end === body.length) {
    // A role at an organisation keeps its description: "a spokesperson for Harnley General Hospital".
    let before = last.start - 1;
    while (
      before >= 0 &&
      before >= last.start - 3 &&
      (DETERMINER.test(body[before]!) || /^[a-z]+$/.test(body[before]!)) &&
      !AFFILIATION.test(body[before]!)
    )
      before -= 1;
    if (before >= 0 && AFFILIATION.test(body[before]!)) return words;
    return withoutTitles(body.slice(last.start, last.end));
  }
  // "Finance Ministry estimates", "Tenora's data": the organisation behind the document ("Official figures" stay as written).
  const owner = body.slice(last.start, last.end);
  if (DOCUMENT_NOUNS.has(body[last.end]!.toLowerCase()) && last.end === body.length - 1 && (owner.length > 1 || /['’]s$/.test(owner[0]!))) {
    return body.slice(last.start, last.end).map((w, i, all) => (i === all.length - 1 ? w.replace(/['’]s$/, "") : w));
  }
  return words;
}

const BUSINESS_DESCRIPTORS = new Set(
  "company firm operator airline carrier business retailer chain maker producer insurer developer supplier contractor manufacturer provider utility startup brand lender broadcaster publisher charity body organisation organization regulator watchdog".split(
    " ",
  ),
);

/** An entity named in the document, most recent mention last. */
export interface Mention {
  name: string;
  kind: "person" | "organisation";
  /** Lower-cased nouns it has been called by ("airline" in "Aerovane, Brennmark's largest airline"). */
  descriptors: Set<string>;
  /** Sentence index of the last mention. */
  last: number;
}

/**
 * The names met in a document, indexed by their words so that every lookup costs about
 * the same however long the document is.
 */
export class MentionRegistry {
  private readonly byName = new Map<string, Mention>();
  /** Name words as written ("Annika", "Brede"). */
  private readonly byWord = new Map<string, Set<Mention>>();
  /** Lower-cased name words and descriptors ("agency", "airline"). */
  private readonly byTerm = new Map<string, Set<Mention>>();
  private latestPerson: Mention | null = null;
  /** One-word names a relative clause showed to be organisations ("Brennock, which …"). */
  private readonly declared = new Set<string>();

  private index(mention: Mention): void {
    const put = (map: Map<string, Set<Mention>>, key: string) => {
      const set = map.get(key) ?? new Set<Mention>();
      set.add(mention);
      map.set(key, set);
    };
    this.byName.set(mention.name, mention);
    for (const word of mention.name.split(" ")) {
      put(this.byWord, word);
      put(this.byTerm, word.toLowerCase());
    }
    for (const descriptor of mention.descriptors) put(this.byTerm, descriptor);
  }

  private withWord(word: string): Mention[] {
    return [...(this.byWord.get(word) ?? [])];
  }

  private touch(mention: Mention, sentence: number): void {
    mention.last = sentence;
    if (mention.kind === "person" && (!this.latestPerson || this.latestPerson.last <= sentence)) this.latestPerson = mention;
  }

  /** Records a name (and what it was called), refreshing its recency. */
  add(name: string, sentence: number, descriptors: string[] = [], hint: Mention["kind"] | null = null): Mention {
    const words = name.split(" ");
    if (hint === "organisation" && words.length === 1) {
      this.declared.add(name);
      // "Brennock, which maintains …": a longer name opening with it is the organisation's ("Brennock Signalling"), not a person's.
      for (const m of this.withWord(name)) {
        if (m.kind !== "person" || m.name.split(" ")[0] !== name) continue;
        m.kind = "organisation";
        if (this.latestPerson === m) this.latestPerson = null;
      }
    }
    // "Korvath" after "Governor Anneliese Korvath" is the same person, not a new name.
    const known = words.length === 1 && hint !== "organisation" ? this.withWord(name).find((m) => m.kind === "person") : undefined;
    if (known) {
      this.touch(known, sentence);
      return known;
    }
    const before = this.byName.get(name);
    if (before && descriptors.length === 0) {
      this.touch(before, sentence);
      return before;
    }
    // "Brennock Signalling" after "Brennock, which …": the organisation's full name.
    // "Pinecrest and Wexley" names two things; "Colin and Wendy Haddow" is a couple.
    const and = words.indexOf("and");
    const twoNames = and !== -1 && words.length - and - 1 < 2;
    const kind =
      hint ?? (isOrganisationName(words) || words.length === 1 || twoNames || this.declared.has(words[0]!) ? "organisation" : "person");
    const existing =
      this.byName.get(name) ??
      (kind === "person"
        ? [...this.withWord(words[0]!), ...this.withWord(words[words.length - 1]!)].find(
            (m) => m.kind === "person" && samePerson(m.name, name),
          )
        : undefined);
    const mention = existing ?? { name, kind, descriptors: new Set<string>(), last: sentence };
    // A longer form of a person's name wins ("Brede" then "Annika Brede").
    if (existing && words.length > existing.name.split(" ").length) existing.name = name;
    for (const d of descriptors) mention.descriptors.add(d.toLowerCase());
    for (const w of words) if (isOrganisationWord(w)) mention.descriptors.add(w.toLowerCase());
    // "The power company Coastlink Power": described as a business, it is one.
    if (
      mention.kind === "person" &&
      hint !== "person" &&
      descriptors.some((d) => isOrganisationWord(d) || BUSINESS_DESCRIPTORS.has(d.toLowerCase()))
    ) {
      mention.kind = "organisation";
      if (this.latestPerson === mention) this.latestPerson = null;
    }
    this.index(mention);
    this.touch(mention, sentence);
    return mention;
  }

  /** The full name for a surname, a given name or an organisation's short name already met ("Brede" → "Annika Brede", "Halcyne" → "Halcyne Systems"). */
  fullName(name: string): string | null {
    if (name.includes(" ")) return null;
    const matches = [...this.withWord(name), ...this.withWord(`${name}'s`)].filter((m) => {
      const words = m.name.split(" ");
      if (words.length < 2) return false;
      // A surname is one person's, never a pair's ("Pentagon and Halcyne", "Colin and Wendy Haddow").
      if (m.kind === "person") return words.includes(name) && !words.includes("and");
      // "Halcyne" → "Halcyne Systems", but not "Nimbra" → "Nimbra Fold" (a product).
      return (words[0] === name || words[0] === `${name}'s`) && (isOrganisationName(words) || m.descriptors.size > 0);
    });
    return mostRecent(matches)?.name ?? null;
  }

  /** The organisation a definite description points back to ("the agency", "the auditors", "the company"). */
  resolveDescription(noun: string): string | null {
    const lower = noun.toLowerCase();
    if (lower === "government") return null;
    const singular = lower.replace(/s$/, "");
    const wanted = DESCRIPTOR_STEMS[lower] ?? DESCRIPTOR_STEMS[singular] ?? [lower, singular];
    const terms = new Set([...wanted, lower, singular]);
    const candidates = new Set<Mention>();
    for (const term of terms)
      for (const m of this.byTerm.get(term) ?? []) if (m.kind === "organisation" && m.name.includes(" ")) candidates.add(m);
    const organisations = [...candidates];
    const byHead = organisations.filter((m) => terms.has(m.name.toLowerCase().split(" ").pop()!));
    const byDescriptor = organisations.filter((m) => [...m.descriptors].some((d) => terms.has(d)));
    return (mostRecent(byHead) ?? mostRecent(byDescriptor) ?? mostRecent(organisations))?.name ?? null;
  }

  /** A longer name met for the same organisation: "Ministry of Defence" → "Kestravan Ministry of Defence". */
  longerOrganisation(name: string): string | null {
    const words = name.split(" ");
    if (words.length < 2 || !isOrganisationName(words)) return null;
    const longer = this.withWord(words[words.length - 1]!).filter(
      (m) => m.kind === "organisation" && m.name !== name && m.name.endsWith(` ${name}`) && !/['’]s\b/.test(m.name),
    );
    return longer.length === 1 ? longer[0]!.name : null;
  }

  /** People named together under one family name: "Colin and Wendy Haddow" for "the Haddows". */
  pairNamed(family: string): string | null {
    const pairs = this.withWord(family).filter((m) => m.name.includes(" and ") && m.name.endsWith(` ${family}`));
    return mostRecent(pairs)?.name ?? null;
  }

  /** The most recently mentioned person. */
  lastPerson(): string | null {
    return this.latestPerson?.name ?? null;
  }

  /** The person last called by a title or role ("the minister" after "Defence Minister Rasmus Ekholt"), if exactly that word was used. */
  personDescribedAs(noun: string): string | null {
    const people = [...(this.byTerm.get(noun) ?? [])].filter((m) => m.kind === "person" && m.descriptors.has(noun));
    return mostRecent(people)?.name ?? null;
  }

  /** What the document has shown a name to be, when it has met it. */
  kindOf(name: string): Mention["kind"] | null {
    return this.byName.get(name)?.kind ?? null;
  }

  /** Whether the name is a person met in the document (a full name, or a part of one). */
  isPerson(name: string): boolean {
    return this.byName.get(name)?.kind === "person" || this.withWord(name).some((m) => m.kind === "person");
  }

  /** Whether a one-word name is an organisation: described as one ("aluminium producer Velmont") or short for one ("Halcyne Systems"). */
  isOrganisation(name: string): boolean {
    const own = this.byName.get(name);
    if (own?.kind === "organisation" && own.descriptors.size > 0) return true;
    return this.withWord(name).some((m) => m.kind === "organisation" && m.name.includes(" ") && m.name.split(" ")[0] === name);
  }
}

function samePerson(a: string, b: string): boolean {
  const [short, long] = a.split(" ").length <= b.split(" ").length ? [a, b] : [b, a];
  return long.endsWith(` ${short}`) || long.startsWith(`${short} `);
}

function mostRecent(mentions: Mention[]): Mention | null {
  let best: Mention | null = null;
  for (const m of mentions) if (!best || m.last > best.last) best = m;
  return best;
}
