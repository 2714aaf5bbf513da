// Words that news reports use interchangeably for one thing ("14 homes" / "sixteen
// houses", "production starts" / "output begins"). Each group is one concept; a word
// in several senses is left out when its other sense is common in news ("fire" the
// blaze and "fire" an employee). Words are stemmed before they are looked up, so a group
// lists only forms with a stem of their own ("began", "children", not "houses", "killed"). Written for Claimdesk from general news usage, not
// from a thesaurus: WordNet's senses are too fine ("home" is not "house" there).
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["home", "house", "dwelling"],
  ["resident", "inhabitant"],
  ["people", "person"],
  ["landslide", "slide", "mudslide", "landslip"],
  ["production", "output"],
  ["start", "begin", "began", "begun", "commence"],
  ["resume", "restart"],
  ["worker", "employee", "staff"],
  ["buy", "bought", "purchase"],
  ["die", "dead", "death", "kill", "fatality"],
  ["injure", "injury", "hurt", "wound"],
  ["vote", "ballot"],
  ["cancel", "scrap"],
  ["close", "closure", "shut"],
  ["increase", "rise", "rose", "risen", "hike"],
  ["decrease", "decline", "fall", "fell", "fallen", "drop"],
  ["company", "firm"],
  ["car", "vehicle"],
  ["ship", "vessel", "boat"],
  ["plane", "aircraft", "airliner", "jet"],
  ["child", "children", "kid"],
  ["wage", "salary", "pay"],
  ["strike", "walkout", "stoppage"],
  ["crash", "collision"],
  ["earthquake", "quake", "tremor"],
  ["explosion", "blast"],
  ["steal", "stole", "stolen", "theft"],
  ["thief", "thieves", "burglar", "robber"],
  ["painting", "artwork", "canvas"],
  ["doctor", "physician"],
  ["rain", "rainfall", "downpour"],
  ["delay", "postpone"],
  ["arrest", "detain"],
  ["deal", "agreement", "accord"],
  ["award", "win", "won"],
  ["reward", "bounty"],
];
