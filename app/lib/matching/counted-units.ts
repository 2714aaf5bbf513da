// What a number counts, in two classes written for Claimdesk from general news usage:
// nouns that count people (or posts held by people), which news uses interchangeably for
// one headcount ("4,800 runners" / "5,000 people", "700 workers" / "640 jobs"), and units
// of measure, which never stand for one another ("5.8 magnitude" / "15 km"). Words are
// stemmed before they are looked up.
import { concept } from "./terms";

const PERSON_NOUNS = [
  "people", "person", "individual", "resident", "inhabitant", "citizen", "villager",
  "passenger", "traveller", "traveler", "commuter", "tourist", "visitor", "guest", "attendee", "participant", "spectator", "fan",
  "supporter", "runner", "athlete", "player", "competitor", "entrant", "worker", "employee", "staff", "staffer", "personnel", "crew",
  "job", "member", "patient", "student", "pupil", "undergraduate", "child", "children", "kid", "adult", "teenager", "youth",
  "baby", "infant", "man", "men", "woman", "women", "boy", "girl", "pensioner", "retiree", "senior", "veteran", "voter",
  "customer", "client", "user", "subscriber", "shopper", "consumer", "tenant", "homeowner", "driver", "motorist", "cyclist",
  "pedestrian", "pilot", "soldier", "troop", "officer", "police", "firefighter", "rescuer", "paramedic", "medic", "doctor", "nurse",
  "teacher", "protester", "demonstrator", "striker", "refugee", "migrant", "victim", "survivor", "casualty",
  "hostage", "prisoner", "inmate", "detainee", "suspect", "applicant", "candidate", "delegate", "volunteer", "farmer", "miner",
  "engineer", "scientist", "researcher", "journalist", "reporter", "lawyer", "judge", "official", "councillor", "lawmaker",
  "legislator", "senator", "investor", "shareholder", "donor", "carer", "caregiver", "evacuee",
];

let persons: Set<string> | undefined;
/** Whether a counted unit (a concept, as `concept()` gives it) is people. */
export function countsPeople(unit: string): boolean {
  persons ??= new Set(PERSON_NOUNS.map((noun) => concept(noun)));
  return unit !== "" && persons.has(unit);
}

const MEASURES = [
  "km", "kilometre", "kilometer", "mile", "metre", "meter", "cm", "mm", "foot", "feet", "inch", "yard", "kg", "kilogram", "gram",
  "tonne", "ton", "lb", "litre", "liter", "gallon", "barrel", "acre", "hectare", "degree", "c", "f", "mph", "kmh", "knot",
  "magnitude", "mw", "kw", "gw", "kwh", "mwh", "gb", "tb", "mb", "percent", "point", "storey", "floor", "lane",
];

let measures: Set<string> | undefined;
/** Whether a counted unit is a unit of measure (distance, weight, area, power...). */
export function isMeasure(unit: string): boolean {
  measures ??= new Set(MEASURES.map((word) => concept(word)));
  return unit !== "" && measures.has(unit);
}
