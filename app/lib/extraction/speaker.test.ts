import { describe, expect, it } from "vitest";
import { extractClaims } from "./extract";
import { nameInPhrase } from "./names";

const speakers = (text: string) => extractClaims(text).map((c) => c.speaker);

describe("speaker forms newsrooms use", () => {
  it.each([
    // X, title, said / wrote
    ["Sean Okoro, the energy minister, said the plant would close in June.", "Sean Okoro"],
    ["Sean Okoro, chief Pentagon spokesperson, wrote in a post on Chirp that the offer stands.", "Sean Okoro"],
    ['"Allow the ministry to use the model," Sean Okoro, chief ministry spokesperson wrote on Chirp.', "Sean Okoro"],
    ["But the offer reverts to any lawful use, the source briefed on the talks said.", "the source briefed on the talks"],
    ["The current transport minister, Petra Vallance, said the government accepted the findings.", "Petra Vallance"],
    ["Colin Haddow, 66, whose father opened the shop in 1964, said costs had tripled.", "Colin Haddow"],
    ["Sgt Kieran Abbott, of the Morrow Bay policing team, said thefts had doubled.", "Kieran Abbott"],
    // title X said
    ["Interior Minister Katrin Sollberg said the powers were temporary.", "Katrin Sollberg"],
    ["Council leader Sandra Pike said the drains had been cleared.", "Sandra Pike"],
    ["Dr. Pia Lorca said the river had recovered.", "Pia Lorca"],
    // inverted
    ['"It is a genuine achievement," said Professor Ruben Castellane, a physicist at the University of Haldor.', "Ruben Castellane"],
    // anonymous sources
    ["An official briefed on the talks said the lawyers were preparing a case.", "An official briefed on the talks"],
    ["A person familiar with the matter said the price fell twice.", "A person familiar with the matter"],
    [
      "The ministry gave the company until Dec. 12, according to three people familiar with the negotiations who spoke on condition of anonymity.",
      "three people familiar with the negotiations",
    ],
    // according to X
    ["The smelter uses 11% of the grid's power, according to grid operator Tarsgrid.", "Tarsgrid"],
    ["Sales rose 6%, according to land registry figures.", "land registry figures"],
    // X told Y
    ["Health board chair Daniel Kowalski told the Courier that funding rose.", "Daniel Kowalski"],
    ["Year 11 pupil Ellie Marsh, 15, told the Mercury: “Half of us will be relieved.”", "Ellie Marsh"],
    // organisations and what they publish
    ["The Competition Authority said on Monday that it had opened an investigation.", "Competition Authority"],
    ["The number of listings fell by a fifth, Tenora’s data show.", "Tenora"],
    ["A report by council engineers says six properties have made claims.", "council engineers"],
    ["Official figures show 8,240 patients had waited more than a year.", "Official figures"],
  ])("%s", (sentence, speaker) => {
    expect(extractClaims(sentence)[0]!.speaker).toBe(speaker);
  });

  it("leaves the outlet's own voice without a speaker, and refusals to speak unattributed", () => {
    expect(speakers("The bridge opened in 1932. She would not say whether the funding would be renewed.")).toEqual([null, null]);
  });

  it("resolves a pronoun to the person last named, not to a place", () => {
    expect(
      speakers(
        'Gillian Poole, 68, of Quarry Hill Road, had the converter cut from her car. "I turned the key and it sounded like a tractor," she said.',
      ),
    ).toEqual([null, "Gillian Poole"]);
    expect(speakers("Corvina said it had no record of the fault. It said the sensor had been replaced.")).toEqual(["Corvina", "Corvina"]);
  });

  it("expands a surname or a short name to the name first given", () => {
    expect(speakers("Professor Annika Brede said the bar was low. Brede noted that the act has no definition.")).toEqual([
      "Annika Brede",
      "Annika Brede",
    ]);
    expect(speakers("Halcyne Systems makes the software. Halcyne said in a statement that the curbs were lawful.")[1]).toBe(
      "Halcyne Systems",
    );
  });

  it("resolves 'the agency', 'the auditors' and 'the company' to the organisation meant", () => {
    expect(
      speakers(
        "An investigation by the Quellan Environment Agency found a discharge. The agency said in its report that it was the worst in 30 years.",
      ),
    ).toEqual(["Quellan Environment Agency", "Quellan Environment Agency"]);
    expect(
      speakers(
        "A report by the National Audit Office puts the cost at 96 billion crowns. The auditors say trains will not run before 2031.",
      )[1],
    ).toBe("National Audit Office");
  });

  it("gives a quotation that carries on the sentence before its speaker", () => {
    expect(
      speakers(
        '"The test is whether the minister reasonably believes there is a threat," said Annika Brede. "That is an extraordinarily low bar."',
      ),
    ).toEqual(["Annika Brede", "Annika Brede"]);
  });

  it("refers 'the official' and 'one of the officials' back to the source described earlier", () => {
    expect(
      speakers(
        "The zone will be extended, two officials briefed on the talks said. The quota would fall by 15%, one of the officials said. It would also ban trawling, the official added.",
      ),
    ).toEqual([
      "two officials briefed on the talks",
      "one of the officials briefed on the talks",
      "one of the officials briefed on the talks",
    ]);
  });
});

describe("names in speaker phrases", () => {
  it.each([
    ["Interior Minister Katrin Sollberg", "Katrin Sollberg"],
    ["union rep Darren Kilby", "Darren Kilby"],
    ["the Rev Carol Beattie", "Carol Beattie"],
    ["Dr. Lucia Ferro of the Castrel School of Economics", "Lucia Ferro"],
    ["a spokesperson for Harnley General Hospital", "a spokesperson for Harnley General Hospital"],
    ["the Lowmoor Ambulance Service", "Lowmoor Ambulance Service"],
    ["Bank of Lustrava", "Bank of Lustrava"],
    ["Finance Ministry estimates", "Finance Ministry"],
    ["a person familiar with the matter", "a person familiar with the matter"],
  ])("%s → %s", (phrase, name) => {
    expect(nameInPhrase(phrase.split(" ")).join(" ")).toBe(name);
  });
});

describe("documents whose shape names the speaker", () => {
  it("gives every sentence of an interview turn to the person of its label", () => {
    const text = [
      "Transport Minister Ines Valtorre spoke to Jonas Kettering on The Early Hour on Tuesday.",
      "KETTERING: Minister, how late is the tunnel?",
      "VALTORRE: The machines hit waterlogged clay in March. That alone cost us most of a year.",
      "INTERVIEWER: And the cost?",
    ].join("\n\n");
    expect(speakers(text)).toEqual([null, "Jonas Kettering", "Ines Valtorre", "Ines Valtorre", "Jonas Kettering"]);
  });

  it("gives 'A:' to the person interviewed and an unnamed 'Q:' to no one", () => {
    const text =
      "Nadim Arkwright, who has run Pallwater since 2019, spoke to us at the company's laboratories.\n\nQ: Why did you pause the trial? A: Our safety board saw four cases. None were in the placebo group.";
    expect(speakers(text)).toEqual([null, null, "Nadim Arkwright", "Nadim Arkwright"]);
  });

  it("gives what a press release says in its own voice to the organisation that issued it, and quotes to the person quoted", () => {
    const text = [
      "AVERHOLT, Drensland, March 9, 2026 /Tallis Wire/ — Quillary Systems today announced Lumen Relay 7.",
      '"Lumen Relay 7 changes that," said Ilse Varnquist, chief executive of Quillary Systems.',
      "Each unit stores enough energy for 11 days without sunlight.",
      "About Quillary Systems",
      "Media contact: Hanne Solvik, Quillary Systems, press@quillary.example",
    ].join("\n\n");
    expect(speakers(text)).toEqual(["Quillary Systems", "Ilse Varnquist", "Quillary Systems", "Quillary Systems", "Quillary Systems"]);
  });

  it("names readers who ask in a live blog", () => {
    expect(speakers("09:48 — Reader question: “Are bins still being collected today?”")).toEqual(["a reader"]);
  });
});
