import { type Segment, describeEvent } from "../history";
import { quoted } from "../text";
import type { ReportClaim } from "./report";
import { reviewLines } from "./review-lines";
import { articleView, decisionInWords, sourceView, verdictWord } from "./words";
import { INK, MUTED, type PdfClaimContext, RULE, STANCE_COLORS, VERDICT_COLORS, keepTogether, smallHeading, startEntry } from "./pdf-parts";
import { writeComments, writeFact } from "./pdf-fact";

export { INK, MUTED, RULE, VERDICT_COLORS, keepTogether, type PdfClaimContext };

// One claim of the PDF report: verdict, quote, article, decision, rationale, sources, the
// other outlets' versions, the discussion (when asked), history.

/** Writes a sentence's segments on one flowing paragraph: titles in italics, addresses as links. */
export function writeSegments(doc: PDFKit.PDFDocument, segments: Segment[], options: PDFKit.Mixins.TextOptions = {}) {
  segments.forEach((segment, i) => {
    const continued = i < segments.length - 1;
    if (typeof segment === "string") doc.font("body").text(segment, { ...options, continued, link: null, underline: false });
    else if ("em" in segment) doc.font("italic").text(segment.em, { ...options, continued, link: null, underline: false });
    else doc.font("body").text(segment.text, { ...options, continued, link: segment.href, underline: false });
  });
  doc.font("body");
}

/** A quotation set off by a rule on its left, drawn on each page the quotation runs over. */
function blockQuote(doc: PDFKit.PDFDocument, text: string, ctx: PdfClaimContext, options: { size: number; font: string }) {
  const indent = 12;
  let top = doc.y;
  let page = doc.page;
  const rule = (from: number, to: number) => {
    doc
      .save()
      .lineWidth(2.5)
      .strokeColor(RULE)
      .moveTo(ctx.left + 1.5, from)
      .lineTo(ctx.left + 1.5, to)
      .stroke()
      .restore();
  };
  const onPage = () => {
    rule(top, doc.page.maxY());
    top = doc.page.margins.top;
    page = doc.page;
  };
  doc.on("pageAdded", onPage);
  doc
    .font(options.font)
    .fontSize(options.size)
    .fillColor(INK)
    .text(text, ctx.left + indent, doc.y, { width: ctx.width - indent });
  doc.off("pageAdded", onPage);
  if (doc.page === page) rule(top, doc.y - 2);
  doc.x = ctx.left;
}

export function writeClaim(doc: PDFKit.PDFDocument, claim: ReportClaim, ctx: PdfClaimContext) {
  const { left, width } = ctx;
  startEntry(doc, ctx, 130);
  doc
    .font("bold")
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(`CLAIM ${claim.id}   `, left, doc.y, { continued: true, characterSpacing: 0.5 })
    .fillColor(VERDICT_COLORS[claim.status])
    .text(verdictWord(claim.status).toUpperCase(), { characterSpacing: 0.5 });
  doc.moveDown(0.3);
  blockQuote(doc, quoted(claim.text), ctx, { size: 11.5, font: "serif" });

  const article = articleView(claim.document, ctx.timeZone);
  doc.moveDown(0.3).font("body").fontSize(8.5).fillColor(MUTED);
  doc.x = left;
  doc.text(`${claim.speaker ? `Said by ${claim.speaker} · ` : ""}From `, { continued: true, width });
  doc.font("italic").text(article.title, { continued: Boolean(article.byline || article.url), link: article.url, underline: false });
  if (article.byline) doc.font("body").text(` · ${article.byline}`, { continued: Boolean(article.url), link: null });
  if (article.url) doc.font("body").text(` · ${article.url}`, { link: article.url });

  doc.moveDown(0.4).fontSize(9.5).fillColor(INK);
  doc.font("bold").text(`Verdict: ${verdictWord(claim.status)}. `, left, doc.y, { continued: true, width });
  doc.font("body").text(`${decisionInWords(claim, ctx.timeZone)}.`);
  if (claim.rationale) {
    doc.moveDown(0.2).font("bold").text("Rationale: ", left, doc.y, { continued: true, width });
    doc.font("serif").text(claim.rationale);
  }
  const review = reviewLines(claim.review, ctx.timeZone);
  if (review.length > 0) {
    smallHeading(doc, "Editorial review", ctx);
    doc.font("body").fontSize(8.5).fillColor(INK);
    for (const line of review) doc.text(line, left, doc.y, { width, lineGap: 0.5 });
  }

  smallHeading(doc, "Sources", ctx);
  if (claim.sources.length === 0) doc.font("body").fontSize(8.5).fillColor(MUTED).text("No sources linked.", left, doc.y, { width });
  for (const source of claim.sources) {
    const s = sourceView(source, ctx);
    keepTogether(doc, 36, ctx.bottom);
    doc
      .font("bold")
      .fontSize(8.5)
      .fillColor(STANCE_COLORS[source.stance])
      .text(`${s.stance.toUpperCase()}  `, left, doc.y, { continued: true, width, characterSpacing: 0.4 });
    const where = [s.outlet, s.kind === "passage" ? "passage of an imported article" : null].filter(Boolean).join(", ");
    doc
      .font(s.kind === "passage" ? "italic" : "body")
      .fontSize(9)
      .fillColor(INK)
      .text(s.title, { continued: Boolean(where), characterSpacing: 0, link: s.kind === "external" ? s.url : null });
    if (where) doc.font("body").fillColor(MUTED).text(` (${where})`, { link: null });
    if (s.urlLabel && (s.kind === "passage" || s.urlLabel !== s.title))
      doc
        .font("body")
        .fontSize(8)
        .fillColor(MUTED)
        .text(s.urlLabel, left + 12, doc.y, { width: width - 12, link: s.url });
    if (s.quote) {
      doc.moveDown(0.15);
      blockQuote(doc, s.quote, { ...ctx, left: left + 12, width: width - 12 }, { size: 9, font: "serif-italic" });
    }
    if (s.note)
      doc
        .font("body")
        .fontSize(8)
        .fillColor(MUTED)
        .text(`Note: ${s.note}`, left + 12, doc.y, { width: width - 12 });
    doc
      .font("body")
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(s.added, left + 12, doc.y, { width: width - 12 });
    doc.moveDown(0.3);
  }

  writeFact(doc, claim.fact, ctx);
  writeComments(doc, claim.comments, ctx);

  if (claim.history.length > 0) {
    smallHeading(doc, "History", ctx);
    doc.fontSize(7.8).fillColor(MUTED);
    for (const entry of claim.history) {
      const line = describeEvent({ ...entry, actorName: entry.actor, createdAt: entry.at }, ctx.history);
      doc.x = left;
      writeSegments(doc, [`${line.at} · ${line.actor} `, ...line.did], { width, lineGap: 0.5 });
    }
  }
  doc.x = left;
}
