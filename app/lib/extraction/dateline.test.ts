import { describe, expect, it } from "vitest";
import { findDateline } from "./dateline";
import { extractClaims } from "./extract";

describe("datelines and agency credits", () => {
  it.each([
    ["(KLB NEWS) – The port will close on Friday.", "The port will close on Friday.", null, "KLB NEWS"],
    ["(Northwire) — The port will close on Friday.", "The port will close on Friday.", null, "Northwire"],
    ["WASHINGTON (Reuters) — The port will close on Friday.", "The port will close on Friday.", "WASHINGTON", "Reuters"],
    ["WASHINGTON (Reuters) - The port will close on Friday.", "The port will close on Friday.", "WASHINGTON", "Reuters"],
    ["LONDON, March 3 — The port will close on Friday.", "The port will close on Friday.", "LONDON", null],
    ["OSTRAVEL, Nov. 28 (Meridian Wire) — The port will close.", "The port will close.", "OSTRAVEL", "Meridian Wire"],
    ["ORSUND, Brennmark, Nov 30 (Tellus Wire) - The port will close.", "The port will close.", "ORSUND", "Tellus Wire"],
    ["NEW YORK — The port will close on Friday.", "The port will close on Friday.", "NEW YORK", null],
    ["BRENNA — The port will close on Friday.", "The port will close on Friday.", "BRENNA", null],
    ["Ostravel, March 3 (Northwire) — The port will close.", "The port will close.", "Ostravel", "Northwire"],
    [
      "AVERHOLT, Drensland, March 9, 2026 /Tallis Wire/ — Quillary today announced a relay.",
      "Quillary today announced a relay.",
      "AVERHOLT",
      "Tallis Wire",
    ],
    // the day before the month, and weekdays
    ["ARDLOW, 4 March 2026 — Velta today opened a plant.", "Velta today opened a plant.", "ARDLOW", null],
    ["MARROWGATE, 14 September — The line opened.", "The line opened.", "MARROWGATE", null],
    ["Ardlow, 4 March 2026 (Tellus Wire) — The line opened.", "The line opened.", "Ardlow", "Tellus Wire"],
    ["LONDON, Tuesday — The port will close.", "The port will close.", "LONDON", null],
    ["NEW YORK, Tuesday, March 3 (Reuters) - The port will close.", "The port will close.", "NEW YORK", "Reuters"],
    ["EXCLUSIVE — The minister resigned.", "The minister resigned.", null, null],
    // live-blog timestamps
    ["22:00 — Polls have now closed.", "Polls have now closed.", null, null],
    ["14:58 GMT — We're hearing from the hall.", "We're hearing from the hall.", null, null],
    ["6:02 a.m.: Buses are running.", "Buses are running.", null, null],
    ["Updated 6:40 a.m. — The metro is suspended.", "The metro is suspended.", null, null],
    ["Just now: Police say a station was evacuated.", "Police say a station was evacuated.", null, null],
  ])("strips %j", (sentence, rest, place, credit) => {
    const dateline = findDateline(sentence)!;
    expect(sentence.slice(dateline.length)).toBe(rest);
    expect(dateline.place).toBe(place);
    expect(dateline.credit).toBe(credit);
  });

  it.each([
    "Meanwhile — the port will close on Friday.",
    "The port (which opened in 1990) — will close.",
    "NATO officials said the port would close.",
    "BREAKING NEWS — PORT TO CLOSE",
    "Q: Will the port close?",
    "Updated 11:40 a.m.",
    "At 10:30 the port closed.",
    // a heading in capitals is no place, and a hyphen inside a name is no dash
    "FOR IMMEDIATE RELEASE — 1 December 2026",
    "MEDIA RELEASE — Velta opens its plant",
    "OSEI-LUND: Good morning, Jon.",
    "HART-OSRIC: The dock stays.",
    "10:30-11:00 The road is closed.",
  ])("leaves %j alone", (sentence) => {
    expect(findDateline(sentence)).toBeNull();
  });

  it("keeps the dateline in the document, quotes the claim without it, and never takes the credited outlet for the speaker", () => {
    const text =
      "(KLB NEWS) – According to KLB News, the ministry on Wednesday sent its final offer, according to sources familiar with the talks.";
    const [claim] = extractClaims(text);
    expect(claim!.text).toBe(
      "According to KLB News, the ministry on Wednesday sent its final offer, according to sources familiar with the talks.",
    );
    expect(text.slice(claim!.start, claim!.end)).toBe(claim!.text);
    expect(claim!.speaker).toBe("sources familiar with the talks");
  });

  it("strips only at the start of a paragraph", () => {
    const [first, second] = extractClaims("The council met. LONDON, March 3 — is where it met.");
    expect(first!.text).toBe("The council met.");
    expect(second!.text).toBe("LONDON, March 3 — is where it met.");
  });
});
