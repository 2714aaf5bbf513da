import type { HistoryContext } from "../history";

// What every block of a PDF report's claim is drawn with: colours, the context, and the page breaks.

export const INK = "#1d2430";
export const MUTED = "#5a6472";
export const RULE = "#c9d0d9";
export const VERDICT_COLORS = { unverified: "#8a5d00", confirmed: "#1b7f3b", disputed: "#b42318" } as const;
export const STANCE_COLORS = { supports: "#1b7f3b", refutes: "#b42318", context: MUTED } as const;

export interface PdfClaimContext {
  history: HistoryContext;
  projectSlug: string;
  timeZone: string;
  appOrigin?: string | null;
  left: number;
  width: number;
  /** The y below which a new block should start on the next page. */
  bottom: number;
  /** The first claim under its section's heading (no rule above it). */
  firstInSection?: boolean;
}

/** A new page when less than `needed` points are left, so that a heading is never alone at a page's foot. */
export function keepTogether(doc: PDFKit.PDFDocument, needed: number, bottom: number) {
  if (doc.y + needed > bottom) doc.addPage();
}

/**
 * Opens one entry of a section (a claim, a fact): kept with the space it needs on one page, a
 * thin rule above it unless it opens the section; the cursor is left 8 pt under the rule.
 */
export function startEntry(doc: PDFKit.PDFDocument, ctx: PdfClaimContext, needed: number) {
  keepTogether(doc, needed, ctx.bottom);
  doc.moveDown(0.8);
  const top = doc.y;
  if (!ctx.firstInSection)
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(RULE)
      .moveTo(ctx.left, top)
      .lineTo(ctx.left + ctx.width, top)
      .stroke()
      .restore();
  doc.y = top + 8;
}

export function smallHeading(doc: PDFKit.PDFDocument, text: string, ctx: PdfClaimContext) {
  keepTogether(doc, 40, ctx.bottom);
  doc.moveDown(0.4).font("bold").fontSize(7.5).fillColor(MUTED).text(text.toUpperCase(), ctx.left, doc.y, { characterSpacing: 0.6 });
  doc.moveDown(0.15);
}
