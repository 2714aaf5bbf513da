import type { ItemEntity, ItemSentence } from "wink-nlp";
import { isCalendarWord } from "./calendar";
import { startsUppercase } from "./letters";
import { sentenceReaderNlp } from "./nlp";

/** A sentence-like unit of the normalized text, with the tokens it is made of. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** Index of the paragraph in the document (paragraphs are separated by a blank line). */
  paragraph: number;
  /** A piece of a passage too long to be one sentence (NLP_LIMITS), cut for length rather than at a sentence end. */
  cut?: true;
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
 * Bounds on what reaches wink-nlp. Its tokenizer is quadratic in the length of a run without
 * spaces ("0a1a2a…", "$7$7$7…"), a paragraph read whole holds memory for all its tokens, and a
 * "sentence" of a whole file with no full stop would be scored and matched whole. Real sentences
 * are far shorter (436 characters at most in the sample corpus), so these bounds only change
 * text no one wrote by hand.
 */
export const NLP_LIMITS = {
  /** Longest run without whitespace wink reads; a longer one is broken with a space every so many characters. */
  maxRunChars: 120,
  /** Longest sentence; a longer one is cut at token boundaries into pieces this long at most, each marked `cut`. */
  maxSentenceChars: 1_000,
  /** Longest text handed to wink at once; a longer paragraph is read in pieces, cut after a sentence end where one is near. */
  maxPieceChars: 10_000,
};
export type NlpLimits = typeof NLP_LIMITS;

/** A stretch of a paragraph wink reads at once: `text` is as long as the stretch, with over-long runs broken by spaces. */
export interface NlpPiece {
  start: number;
  end: number;
  text: string;
  /** The stretch ends at a cut made for length, not at a sentence end. */
  cutAtEnd: boolean;
}

/** What \s matches, by code unit: tested once per character of every text, so no regular expression. */
export function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
const SENTENCE_END = /[.!?]["”’)]?$/;

/** The paragraph as pieces wink-nlp reads in time linear in their length. */
export function piecesForNlp(paragraph: string, limits: NlpLimits = NLP_LIMITS): NlpPiece[] {
  // Length-preserving, so every offset into the broken text is an offset into the paragraph.
  let broken = "";
  let run = 0;
  let from = 0;
  // Most paragraphs have no over-long run: `broken` is then the paragraph itself.
  for (let i = 0; i < paragraph.length; i += 1) {
    if (isSpace(paragraph.charCodeAt(i))) run = 0;
    else if (++run > limits.maxRunChars) {
      broken += `${paragraph.slice(from, i)} `;
      from = i + 1;
      run = 0;
    }
  }
  broken += paragraph.slice(from);

  const pieces: NlpPiece[] = [];
  let start = 0;
  while (broken.length - start > limits.maxPieceChars) {
    const limit = start + limits.maxPieceChars;
    let cut = -1;
    let atSentenceEnd = false;
    // Prefer a sentence end in the second half of the window, else the last space in it.
    for (let i = limit; i > start + limits.maxPieceChars / 2; i -= 1) {
      if (!isSpace(broken.charCodeAt(i))) continue;
      if (cut === -1) cut = i;
      if (SENTENCE_END.test(broken.slice(Math.max(start, i - 2), i))) {
        cut = i;
        atSentenceEnd = true;
        break;
      }
    }
    if (cut === -1) cut = limit;
    pieces.push({ start, end: cut, text: broken.slice(start, cut), cutAtEnd: !atSentenceEnd });
    start = cut;
  }
  pieces.push({ start, end: broken.length, text: broken.slice(start), cutAtEnd: false });
  return pieces;
}

/** A sentence longer than the bound, cut at token boundaries into marked pieces. */
export function cutOverlongSentence(sentence: Sentence, text: string, limits: NlpLimits = NLP_LIMITS): Sentence[] {
  if (sentence.end - sentence.start <= limits.maxSentenceChars) return [sentence];
  const parts: Sentence[] = [];
  let tokens: Token[] = [];
  const close = () => {
    const first = tokens[0]!;
    const last = tokens[tokens.length - 1]!;
    const end = last.start + last.value.length;
    parts.push({ start: first.start, end, text: text.slice(first.start, end), tokens, paragraph: sentence.paragraph, cut: true });
    tokens = [];
  };
  for (const token of sentence.tokens) {
    if (tokens.length > 0 && token.start + token.value.length - tokens[0]!.start > limits.maxSentenceChars) close();
    tokens.push(token);
  }
  if (tokens.length > 0) close();
  return parts;
}

/**
 * Splits text into sentences with wink-nlp, which knows abbreviations (U.S., p.m.,
 * Jan., Dr.) and decimals, paragraph by paragraph so that a headline or a list item
 * never runs into the next line. A quotation of several sentences gives several
 * sentences; the speaker finder carries its attribution to each (speaker.ts).
 * Text reaches wink within NLP_LIMITS, one piece at a time, so time and memory grow
 * linearly with the text and callers can stream the sentences.
 */
export function* iterateSentences(text: string, limits: NlpLimits = NLP_LIMITS): Generator<Sentence> {
  let paragraphStart = 0;
  let paragraphIndex = 0;
  while (paragraphStart < text.length) {
    const breakAt = text.indexOf("\n\n", paragraphStart);
    const paragraphEnd = breakAt === -1 ? text.length : breakAt;
    const paragraph = text.slice(paragraphStart, paragraphEnd);
    if (paragraph.trim() !== "") {
      let cutPending = false;
      for (const piece of piecesForNlp(paragraph, limits)) {
        const read =
          piece.text.trim() === ""
            ? []
            : readPiece(piece.text, { offset: paragraphStart + piece.start, paragraph: paragraphIndex, source: text });
        for (const [index, whole] of read.entries()) {
          // The sentences on either side of a cut made for length are pieces of one.
          const cut = (cutPending && index === 0) || (piece.cutAtEnd && index === read.length - 1);
          yield* cutOverlongSentence(cut ? { ...whole, cut: true } : whole, text, limits);
        }
        cutPending = piece.cutAtEnd;
      }
      paragraphIndex += 1;
    }
    if (breakAt === -1) break;
    paragraphStart = breakAt + 2;
  }
}

export function segmentSentences(text: string, limits: NlpLimits = NLP_LIMITS): Sentence[] {
  return [...iterateSentences(text, limits)];
}

/**
 * The sentences wink finds in one piece, with offsets into the whole text (`offset` is the piece's) and their
 * text as the whole text (`source`) has it: a piece may have over-long runs broken by spaces.
 */
function readPiece(piece: string, where: { offset: number; paragraph: number; source: string }): Sentence[] {
  const { offset, paragraph, source } = where;
  const engine = sentenceReaderNlp();
  const its = engine.its;
  const doc = engine.readDoc(piece);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  const spaces = all.out(its.precedingSpaces) as string[];
  const pos = all.out(its.pos) as string[];
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
    if (piece.startsWith(values[i]!, cursor)) offsets[i] = cursor;
    else {
      const found = piece.indexOf(values[i]!, cursor);
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
    if (!startsUppercase(next)) return false;
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
  return spans.map(([first, last]) => {
    const tokens: Token[] = [];
    for (let i = first; i <= last; i += 1) {
      tokens.push({ value: values[i]!, lower: values[i]!.toLowerCase(), pos: pos[i]!, entity: entityOf[i]!, start: offset + offsets[i]! });
    }
    const start = offset + offsets[first]!;
    const end = offset + offsets[last]! + values[last]!.length;
    return { start, end, text: source.slice(start, end), tokens, paragraph };
  });
}
