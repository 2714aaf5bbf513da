export interface HighlightClaim {
  id: number;
  start: number;
  end: number;
  status: string;
}

export interface TextSegment {
  start: number;
  end: number;
  /** The innermost (shortest) claim covering this stretch, if any. */
  claim: HighlightClaim | null;
}

/**
 * Splits each paragraph of the text into stretches covered by the same claims, so
 * overlapping claims render as adjacent highlights without nesting.
 */
export function segmentParagraphs(text: string, claims: HighlightClaim[]): TextSegment[][] {
  const paragraphs: TextSegment[][] = [];
  let paragraphStart = 0;
  while (paragraphStart <= text.length) {
    const breakAt = text.indexOf("\n\n", paragraphStart);
    const paragraphEnd = breakAt === -1 ? text.length : breakAt;
    const inside = claims.filter((c) => c.start < paragraphEnd && c.end > paragraphStart);
    const cuts = new Set<number>([paragraphStart, paragraphEnd]);
    for (const claim of inside) {
      cuts.add(Math.max(claim.start, paragraphStart));
      cuts.add(Math.min(claim.end, paragraphEnd));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const segments: TextSegment[] = [];
    for (let i = 0; i < points.length - 1; i += 1) {
      const start = points[i]!;
      const end = points[i + 1]!;
      if (end <= start) continue;
      const covering = inside.filter((c) => c.start <= start && c.end >= end).sort((a, b) => a.end - a.start - (b.end - b.start));
      segments.push({ start, end, claim: covering[0] ?? null });
    }
    if (paragraphEnd > paragraphStart) paragraphs.push(segments);
    if (breakAt === -1) break;
    paragraphStart = breakAt + 2;
  }
  return paragraphs;
}
