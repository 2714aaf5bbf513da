import { quoteSelector } from "../anchoring";
import { type ClaimCandidate, extractClaims } from "./extract";

/**
 * Text read by the language model at once. The model's working memory grows with the text it is
 * given (issue 11 measured about 0.7 GB per MB), so a long article is read in parts of about
 * this size, cut at paragraph breaks: memory stays bounded whatever the file's size.
 */
export const EXTRACTION_PART_CHARS = 200_000;

/** Where each part starts and ends: paragraph breaks ("\n\n") at or before `partChars`, else the paragraph's own end. */
export function partBounds(text: string, partChars = EXTRACTION_PART_CHARS): Array<[start: number, end: number]> {
  const bounds: Array<[number, number]> = [];
  let start = 0;
  while (text.length - start > partChars) {
    let cut = text.lastIndexOf("\n\n", start + partChars);
    // One paragraph longer than a part stays whole (its sentences are already capped in length).
    if (cut <= start) cut = text.indexOf("\n\n", start + partChars);
    if (cut === -1) break;
    bounds.push([start, cut]);
    start = cut + 2;
  }
  bounds.push([start, text.length]);
  return bounds;
}

/**
 * extractClaims over the whole text, read part by part: positions are the whole text's, and each
 * quote's context is read from the whole text. A pronoun at the start of a part cannot reach
 * back to a speaker named in the part before; a part holds hundreds of paragraphs, so that is rare.
 */
export function extractClaimsInParts(text: string, threshold?: number, partChars = EXTRACTION_PART_CHARS): ClaimCandidate[] {
  if (text.length <= partChars) return extractClaims(text, threshold);
  return partBounds(text, partChars).flatMap(([start, end]) =>
    extractClaims(text.slice(start, end), threshold).map((candidate) => ({
      ...candidate,
      start: candidate.start + start,
      end: candidate.end + start,
      ...quoteSelector(text, candidate.start + start, candidate.end + start),
    })),
  );
}
