import type { FactGroup } from "./fact-groups";
import { INK, MUTED, type PdfClaimContext, RULE, VERDICT_COLORS, keepTogether, startEntry } from "./pdf-parts";
import { DIFFERS_FLAG, decisionInWords, factGroupInWords, versionView } from "./words";

// One fact of the PDF report grouped by fact: its label, what the versions differ on, then
// each outlet's version. A differing version is marked in words ("DIFFERS"), by a double rule
// on its left and by its differing value underlined in bold, not by colour alone.

const INDENT = 12;

export function writeFactGroup(doc: PDFKit.PDFDocument, group: FactGroup, ctx: PdfClaimContext) {
  const { left, width } = ctx;
  const words = factGroupInWords(group);
  startEntry(doc, ctx, 150);
  doc.font("bold").fontSize(8.5).fillColor(MUTED).text(words.kicker.toUpperCase(), left, doc.y, { width, characterSpacing: 0.5 });
  doc.moveDown(0.2).font("bold").fontSize(12).fillColor(INK).text(words.label, left, doc.y, { width });
  doc
    .moveDown(0.2)
    .font("body")
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(`${words.stated}${words.notInReport ? ` · ${words.notInReport}` : ""}`, left, doc.y, { width });

  if (words.differences.length > 0) {
    doc.moveDown(0.4);
    const boxTop = doc.y;
    doc
      .font("bold")
      .fontSize(8.5)
      .fillColor(INK)
      .text("VERSIONS DIFFER ON", left + INDENT, boxTop + 4, { width: width - INDENT, characterSpacing: 0.5 });
    for (const line of words.differences)
      doc
        .font("body")
        .fontSize(9)
        .fillColor(INK)
        .text(`• ${line}`, left + INDENT, doc.y, { width: width - INDENT });
    const boxBottom = doc.y + 4;
    if (doc.y > boxTop)
      doc
        .save()
        .lineWidth(3)
        .strokeColor(VERDICT_COLORS.disputed)
        .moveTo(left + 1.5, boxTop)
        .lineTo(left + 1.5, boxBottom)
        .stroke()
        .restore();
    doc.y = boxBottom;
  }

  for (const member of group.members) {
    const v = versionView(member);
    const differing = v.differs.length > 0;
    keepTogether(doc, 70, ctx.bottom);
    doc.moveDown(0.6);
    const start = doc.y;
    const page = doc.page;
    const x = left + INDENT;
    const w = width - INDENT;
    doc.font("bold").fontSize(9).fillColor(INK).text(v.who, x, doc.y, { width: w, continued: true });
    if (v.article) doc.font("italic").fillColor(INK).text(` — ${v.article}`, { continued: true });
    doc.font("body").fillColor(MUTED).text(`  · Claim ${member.claimId}`);
    doc.moveDown(0.15);
    // The text in runs on one flowing paragraph, a differing value bold and underlined.
    doc.x = x;
    doc.fontSize(10.5).fillColor(INK);
    v.text.forEach((run, i) => {
      const options = { width: w, continued: i < v.text.length - 1, underline: run.marked };
      doc.font(run.marked ? "bold" : "serif");
      if (i === 0) doc.text(run.text, x, doc.y, options);
      else doc.text(run.text, options);
    });
    doc.moveDown(0.2);
    doc
      .font("bold")
      .fontSize(8.5)
      .fillColor(VERDICT_COLORS[member.status])
      .text(`${v.verdict.toUpperCase()}  `, x, doc.y, { width: w, continued: true, characterSpacing: 0.4 });
    doc
      .font("body")
      .fillColor(MUTED)
      .text(`${decisionInWords(member.claim, ctx.timeZone)}.`, { characterSpacing: 0 });
    if (member.rationale) {
      doc.moveDown(0.15).font("bold").fontSize(9).fillColor(INK).text("Rationale: ", x, doc.y, { width: w, continued: true });
      doc.font("serif").text(member.rationale);
    }
    for (const line of v.differs) {
      doc.moveDown(0.15);
      doc
        .font("bold")
        .fontSize(8.5)
        .fillColor(VERDICT_COLORS.disputed)
        .text(`${DIFFERS_FLAG.toUpperCase()}  `, x, doc.y, { width: w, continued: true, characterSpacing: 0.4 });
      doc.font("body").fillColor(INK).text(line.slice(DIFFERS_FLAG.length).trim(), { characterSpacing: 0 });
    }
    // The version's rule on its left: double for a version that differs. Only when it stayed on one page.
    if (doc.page === page) {
      const rule = (at: number, color: string, lineWidth: number) =>
        doc.save().lineWidth(lineWidth).strokeColor(color).moveTo(at, start).lineTo(at, doc.y).stroke().restore();
      if (differing) {
        rule(left + 1, VERDICT_COLORS.disputed, 1.2);
        rule(left + 4.5, VERDICT_COLORS.disputed, 1.2);
      } else rule(left + 1.5, RULE, 2.5);
    }
  }
  doc.x = left;
}
