import type { ReportClaim } from "./report";
import { INK, MUTED, type PdfClaimContext, VERDICT_COLORS, keepTogether, smallHeading } from "./pdf-parts";
import { ALSO_STATED_TITLE, DELETED_COMMENT, DISCUSSION_TITLE, commentView, factInWords, otherVersionView } from "./words";

// The PDF report's blocks about what surrounds a claim: the other outlets' versions of its
// fact, and its discussion when the report includes it.

const INDENT = 12;

export function writeFact(doc: PDFKit.PDFDocument, fact: ReportClaim["fact"], ctx: PdfClaimContext) {
  if (!fact) return;
  const { left, width } = ctx;
  const words = factInWords(fact);
  smallHeading(doc, ALSO_STATED_TITLE, ctx);
  doc.font("body").fontSize(7.5).fillColor(MUTED).text(words.heading, left, doc.y, { width });
  for (const other of fact.others) {
    const v = otherVersionView(other);
    keepTogether(doc, 28, ctx.bottom);
    doc.moveDown(0.2);
    doc.font("bold").fontSize(8.5).fillColor(INK).text(`${v.who} — `, left, doc.y, { continued: true, width });
    doc.font("serif").text(`${v.text} `, { continued: true });
    // The verdict with its brackets in one run, so that a line never ends with "(".
    doc.font("bold").fillColor(VERDICT_COLORS[other.status]).text(`(${v.verdict})`);
    if (v.differs)
      doc
        .font("bold")
        .fontSize(8)
        .fillColor(VERDICT_COLORS.disputed)
        .text(v.differs, left + INDENT, doc.y, { width: width - INDENT });
  }
  if (words.leftOut) doc.moveDown(0.2).font("body").fontSize(8).fillColor(MUTED).text(words.leftOut, left, doc.y, { width });
  doc.x = left;
}

export function writeComments(doc: PDFKit.PDFDocument, comments: ReportClaim["comments"], ctx: PdfClaimContext) {
  // A claim nobody discussed says nothing: "No comments" under most claims of a long report is noise.
  if (!comments || comments.length === 0) return;
  const { left, width } = ctx;
  smallHeading(doc, DISCUSSION_TITLE, ctx);
  for (const comment of comments) {
    const c = commentView(comment, ctx.timeZone);
    keepTogether(doc, 24, ctx.bottom);
    doc.moveDown(0.15).font("body").fontSize(7.5).fillColor(MUTED).text(c.byline, left, doc.y, { width });
    if (c.text === null)
      doc
        .font("italic")
        .fontSize(8.5)
        .fillColor(MUTED)
        .text(DELETED_COMMENT, left + INDENT, doc.y, { width: width - INDENT });
    else
      doc
        .font("serif")
        .fontSize(9)
        .fillColor(INK)
        .text(c.text, left + INDENT, doc.y, { width: width - INDENT });
  }
  doc.x = left;
}
