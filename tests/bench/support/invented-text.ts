// Invented council-spending text for the import benches and probes: checkable figures in the
// shapes of local news, never text from the sample corpus.

const places = ["Harbourside", "Millbrook", "Eastfield", "Norcross", "Wexley", "Dunmore", "Ashby", "Kelton"];
const things = ["bus fares", "school places", "rents", "water bills", "hospital waits", "bridge tolls", "library hours", "tram journeys"];
function sentence(i: number): string {
  const place = places[i % places.length];
  const thing = things[(i * 7) % things.length];
  const forms = [
    `${place} council said ${thing} rose by ${(i % 40) + 2} percent in ${2015 + (i % 10)}.`,
    `According to the ${place} transport office, ${thing} fell to ${1_000 + ((i * 37) % 9_000)} last year.`,
    `"We spent ${(i % 9) + 1}.${i % 10} million euros on ${thing}," the mayor of ${place} told reporters on Tuesday.`,
    `Residents of ${place} complained about ${thing} at a meeting that ran late into the evening.`,
  ];
  return forms[i % forms.length]!;
}
/** Paragraphs of four invented sentences, starting at sentence `offset`. */
export function paragraphs(count: number, offset = 0): string[] {
  return Array.from({ length: count }, (_, p) => Array.from({ length: 4 }, (_, s) => sentence(offset + p * 4 + s)).join(" "));
}

/** An invented article of at least `bytes` characters: a headline line, then paragraphs of {@link paragraphs}. */
export function textOfSize(bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let p = 0; size < bytes; p += 1) {
    const paragraph = paragraphs(1, p * 4)[0]!;
    parts.push(paragraph);
    size += paragraph.length + 2;
  }
  return `Invented report on council spending\n\n${parts.join("\n\n")}\n`;
}
