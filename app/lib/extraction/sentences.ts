import type { ItemEntity, ItemSentence } from "wink-nlp";
import { isCalendarWord } from "./calendar";
import { nlp } from "./nlp";

/** A sentence-like unit of the normalized text, with the tokens it is made of. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** Index of the paragraph in the document (paragraphs are separated by a blank line). */
  paragraph: number;
}

export interface Token {
  value: string;
  lower: string;
  pos: string;
  /** Entity type from the model (DATE, TIME, MONEY, PERCENT, CARDINAL, ORDINAL, DURATION...), or "". */
  entity: string;
  start: number;
}

/**
 * For each token, whether it stands inside quotation marks (the marks themselves do not):
 * curly quotes open and close, a straight quote toggles. `openAtStart` is for a sentence
 * that carries on a quotation opened in the sentence before.
 */
export function insideQuotes(tokens: Array<{ value: string }>, openAtStart = false): boolean[] {
  let inside = openAtStart;
  return tokens.map((token) => {
    if (token.value === "“") inside = true;
    else if (token.value === "”") inside = false;
    else if (token.value === '"') inside = !inside;
    else return inside;
    return false;
  });
}

const TIME_ZONES =
  /^(ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|EET|EEST|WET|IST|JST|AEST|AEDT|Eastern|Central|Mountain|Pacific|local)$/;

/** Whether a quotation is open at the end of this text, given whether one was open at its start. */
export function quoteOpenAfter(text: string, openAtStart: boolean): boolean {
  let open = openAtStart;
  for (const mark of text.match(/["“”]/g) ?? []) open = mark === "“" ? true : mark === "”" ? false : !open;
  return open;
}

/**
 * Splits text into sentences with wink-nlp, which knows abbreviations (U.S., p.m.,
 * Jan., Dr.) and decimals, paragraph by paragraph so that a headline or a list item
 * never runs into the next line. A quotation of several sentences gives several
 * sentences; the speaker finder carries its attribution to each (speaker.ts).
 */
export function segmentSentences(text: string): Sentence[] {
  const engine = nlp();
  const its = engine.its;
  const sentences: Sentence[] = [];
  let paragraphStart = 0;
  let paragraphIndex = 0;
  while (paragraphStart < text.length) {
    const breakAt = text.indexOf("\n\n", paragraphStart);
    const paragraphEnd = breakAt === -1 ? text.length : breakAt;
    const paragraph = text.slice(paragraphStart, paragraphEnd);
    if (paragraph.trim() !== "") {
      const doc = engine.readDoc(paragraph);
      const values = doc.tokens().out(its.value) as string[];
      const spaces = doc.tokens().out(its.precedingSpaces) as string[];
      const pos = doc.tokens().out(its.pos) as string[];
      const entityOf = new Array<string>(values.length).fill("");
      doc.entities().each((entity: ItemEntity) => {
        const [first, last] = entity.out(its.span) as unknown as [number, number];
        const type = entity.out(its.type) as string;
        for (let i = first; i <= last; i += 1) entityOf[i] = type;
      });
      const offsets = new Array<number>(values.length);
      let cursor = 0;
      for (let i = 0; i < values.length; i += 1) {
        cursor += spaces[i]!.length;
        // wink keeps the original characters; find them to stay exact if it normalized anything.
        if (paragraph.startsWith(values[i]!, cursor)) offsets[i] = cursor;
        else {
          const found = paragraph.indexOf(values[i]!, cursor);
          offsets[i] = found === -1 ? cursor : found;
          cursor = offsets[i]!;
        }
        cursor += values[i]!.length;
      }
      // wink reads "14m." as one abbreviation token ("€14m. Hundreds of flights..."): an
      // amount's scale letter or a temperature's unit ("31C.") with a full stop, before a
      // capital, ends the sentence. So does
      // "p.m." before a capital that is not a day, a month or a time zone ("conceded at
      // 11:40 p.m. Reinholt took 52%", but "at 5 p.m. Friday", "at 9 a.m. ET").
      const endsSentenceBefore = (i: number) => {
        const next = values[i + 1]!;
        if (!/^\p{Lu}/u.test(next)) return false;
        if (/^(m|bn|k|mn|c|f)\.$/i.test(values[i]!)) return pos[i - 1] === "NUM";
        return /^[ap]\.m\.$/i.test(values[i]!) && !isCalendarWord(next) && !TIME_ZONES.test(next);
      };
      const spans: Array<[number, number]> = [];
      doc.sentences().each((sentence: ItemSentence) => {
        const [first, last] = sentence.out(its.span) as unknown as [number, number];
        let from = first;
        for (let i = first + 1; i < last; i += 1) {
          if (endsSentenceBefore(i)) {
            spans.push([from, i]);
            from = i + 1;
          }
        }
        spans.push([from, last]);
      });
      for (const [first, last] of spans) {
        const start = paragraphStart + offsets[first]!;
        const end = paragraphStart + offsets[last]! + values[last]!.length;
        const tokens: Token[] = [];
        for (let i = first; i <= last; i += 1) {
          tokens.push({
            value: values[i]!,
            lower: values[i]!.toLowerCase(),
            pos: pos[i]!,
            entity: entityOf[i]!,
            start: paragraphStart + offsets[i]!,
          });
        }
        sentences.push({ start, end, text: text.slice(start, end), tokens, paragraph: paragraphIndex });
      }
      paragraphIndex += 1;
    }
    if (breakAt === -1) break;
    paragraphStart = breakAt + 2;
  }
  return sentences;
}
