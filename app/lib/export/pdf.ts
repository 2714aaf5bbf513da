import PDFDocument from "pdfkit";
import { shortUrl } from "../text";
import { historyContextOf } from "./context";
import { setReportFonts } from "./pdf-fonts";
import { INK, MUTED, RULE, VERDICT_COLORS, keepTogether, writeClaim } from "./pdf-claim";
import { groupClaimsByFact } from "./fact-groups";
import { writeFactGroup } from "./pdf-fact-group";
import type { ReportClaim, ReportHeader } from "./report";
import {
  APPENDIX_TITLE,
  GROUPED_ANCHOR,
  GROUPED_INCLUDES,
  GROUPED_SUMMARY,
  GROUPED_TITLE,
  type ReportStatus,
  generatedInWords,
  integrityInWords,
  periodInWords,
  plural,
  scopeInWords,
  sectionAnchor,
  sectionTitle,
  verdictWord,
} from "./words";

const MARGIN = { top: 72, bottom: 64, left: 62, right: 62 };

interface Section {
  title: string;
  anchor: string;
  /** 0-based index of the page the section starts on. */
  page: number;
}

/**
 * The audit report as a PDF: cover, contents, summary, the claims grouped by verdict
 * (each group from a new page), and the appendix on checking the report. Pages are held
 * until the last claim is written, because every page's footer says "Page N of M" and
 * the contents page gives each section's page (ADR 016); then they are written out.
 */
export async function* renderPdf(
  header: ReportHeader,
  claims: AsyncIterable<ReportClaim>,
  options: { appOrigin?: string | null } = {},
): AsyncGenerator<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margins: MARGIN,
    bufferPages: true,
    info: {
      Title: `Audit report: ${header.project.name}`,
      Author: header.project.publisherName ?? header.generatedBy,
      Subject: `${scopeInWords(header)}; ${periodInWords(header)}`,
      Creator: "Claimdesk",
    },
    lang: "en",
    displayTitle: true,
  });
  const chunks: Uint8Array[] = [];
  let ended = false;
  let wake: (() => void) | null = null;
  doc.on("data", (chunk: Uint8Array) => {
    chunks.push(chunk);
    wake?.();
  });
  doc.on("end", () => {
    ended = true;
    wake?.();
  });
  setReportFonts(doc);
  const left = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const bottom = doc.page.height - MARGIN.bottom;
  const sections: Section[] = [];
  const startSection = (title: string, anchor: string) => {
    doc.addPage();
    sections.push({ title, anchor, page: doc.bufferedPageRange().count - 1 });
    doc.addNamedDestination(anchor);
    doc.outline.addItem(title);
    doc.font("bold").fontSize(17).fillColor(INK).text(title, left, doc.y, { width });
    const y = doc.y + 4;
    doc
      .save()
      .lineWidth(1.5)
      .strokeColor(INK)
      .moveTo(left, y)
      .lineTo(left + width, y)
      .stroke()
      .restore();
    doc.y = y + 10;
  };

  writeCover(doc, header, { left, width });
  doc.addPage(); // the contents, written at the end
  startSection("Summary", "summary");
  writeSummary(doc, header, { left, width, bottom });

  const context = {
    history: historyContextOf(header),
    projectSlug: header.project.slug,
    timeZone: header.project.timeZone,
    appOrigin: options.appOrigin ?? null,
    left,
    width,
    bottom,
  };
  let section: ReportStatus | null = null;
  if (header.includes?.groupByFact) {
    const all: ReportClaim[] = [];
    for await (const claim of claims) all.push(claim);
    const groups = groupClaimsByFact(all);
    if (groups.length > 0) startSection(`${GROUPED_TITLE} (${plural(groups.length, "fact")})`, GROUPED_ANCHOR);
    groups.forEach((group, i) => writeFactGroup(doc, group, { ...context, firstInSection: i === 0 }));
  } else
    for await (const claim of claims) {
      const first = claim.status !== section;
      if (first) {
        section = claim.status;
        startSection(`${sectionTitle(section)} (${header.summary[section]})`, sectionAnchor(section));
      }
      writeClaim(doc, claim, { ...context, firstInSection: first });
    }
  if (section === null && header.summary.total === 0)
    doc.moveDown().font("body").fontSize(10).fillColor(MUTED).text("No claims match this report's filters.", left, doc.y, { width });

  startSection(APPENDIX_TITLE, "appendix");
  writeAppendix(doc, header, { left, width, bottom });

  const pages = doc.bufferedPageRange().count;
  writeContents(doc, sections, { left, width, page: 1 });
  for (let i = 0; i < pages; i += 1) writePageFurniture(doc, header, { index: i, pages, left, width });
  doc.flushPages();
  doc.end();
  while (!ended || chunks.length > 0) {
    if (chunks.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    while (chunks.length > 0) yield chunks.shift()!;
  }
}

interface Box {
  left: number;
  width: number;
}

function writeCover(doc: PDFKit.PDFDocument, header: ReportHeader, { left, width }: Box) {
  const { project, summary } = header;
  doc.y = 190;
  doc.font("bold").fontSize(9).fillColor(MUTED).text("FACT-CHECK AUDIT REPORT", left, doc.y, { width, characterSpacing: 1.5 });
  doc.moveDown(0.6).font("bold").fontSize(28).fillColor(INK).text(project.name, { width });
  if (project.publisherName) {
    doc
      .moveDown(0.3)
      .font("body")
      .fontSize(12)
      .fillColor(INK)
      .text(project.publisherName, { width, continued: Boolean(project.publisherUrl) });
    if (project.publisherUrl) doc.fillColor(MUTED).text(` · ${shortUrl(project.publisherUrl)}`, { link: project.publisherUrl });
  }
  const y = doc.y + 18;
  doc
    .save()
    .lineWidth(2)
    .strokeColor(INK)
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke()
    .restore();
  doc.y = y + 18;
  const facts: Array<[string, string]> = [
    ["Period", periodInWords(header)],
    ["Claims", `${scopeInWords(header)} (${plural(summary.total, "claim")})`],
    ["Generated", generatedInWords(header)],
    ...(header.includes?.comments || header.includes?.groupByFact
      ? ([
          [
            "Includes",
            [header.includes.comments ? "Each claim's discussion" : null, header.includes.groupByFact ? GROUPED_INCLUDES : null]
              .filter(Boolean)
              .join("; "),
          ],
        ] as Array<[string, string]>)
      : []),
    ["Audit trail", `Stated up to entry ${header.integrity.events}; the appendix explains how to check it`],
  ];
  for (const [label, value] of facts) {
    const top = doc.y;
    doc.font("bold").fontSize(9.5).fillColor(MUTED).text(label, left, top, { width: 90 });
    doc
      .font("body")
      .fontSize(10.5)
      .fillColor(INK)
      .text(value, left + 100, top, { width: width - 100 });
    doc.y = Math.max(doc.y, top + 14) + 8;
  }
}

function writeContents(doc: PDFKit.PDFDocument, sections: Section[], { left, width, page }: Box & { page: number }) {
  doc.switchToPage(page);
  doc.outline.addItem("Contents");
  doc.x = left;
  doc.y = MARGIN.top;
  doc.font("bold").fontSize(17).fillColor(INK).text("Contents", left, doc.y, { width });
  const y = doc.y + 4;
  doc
    .save()
    .lineWidth(1.5)
    .strokeColor(INK)
    .moveTo(left, y)
    .lineTo(left + width, y)
    .stroke()
    .restore();
  doc.y = y + 16;
  for (const section of sections) {
    const top = doc.y;
    const number = String(section.page + 1);
    doc.font("body").fontSize(11).fillColor(INK);
    const numberWidth = doc.widthOfString(number);
    doc.text(section.title, left, top, { width: width - 40, goTo: section.anchor, lineBreak: false });
    const titleEnd = left + doc.widthOfString(section.title) + 6;
    const leaderEnd = left + width - numberWidth - 6;
    if (leaderEnd > titleEnd)
      doc
        .save()
        .lineWidth(0.6)
        .dash(1, { space: 3 })
        .strokeColor(RULE)
        .moveTo(titleEnd, top + 9)
        .lineTo(leaderEnd, top + 9)
        .stroke()
        .restore();
    doc.text(number, left + width - numberWidth, top, { lineBreak: false, goTo: section.anchor });
    doc.y = top + 22;
  }
}

/** Running header (from the second page) and "Page N of M" footer, written once every page exists. */
function writePageFurniture(
  doc: PDFKit.PDFDocument,
  header: ReportHeader,
  o: { index: number; pages: number; left: number; width: number },
) {
  doc.switchToPage(o.index);
  const margins = doc.page.margins;
  doc.page.margins = { ...margins, top: 0, bottom: 0 };
  doc.font("body").fontSize(7.5).fillColor(MUTED);
  if (o.index > 0) {
    const title = `Audit report · ${header.project.name}`;
    doc.text(title, o.left, 40, { width: o.width * 0.62, lineBreak: false, ellipsis: true, height: 10 });
    const right = header.project.publisherName ?? generatedInWords(header).replace(/ by .*$/, "");
    doc.text(right, o.left + o.width * 0.62, 40, { width: o.width * 0.38, align: "right", lineBreak: false, ellipsis: true, height: 10 });
    doc
      .save()
      .lineWidth(0.5)
      .strokeColor(RULE)
      .moveTo(o.left, 52)
      .lineTo(o.left + o.width, 52)
      .stroke()
      .restore();
  }
  doc.text(`Page ${o.index + 1} of ${o.pages}`, o.left, doc.page.height - 40, { width: o.width, align: "center", lineBreak: false });
  doc.page.margins = margins;
}

function writeSummary(doc: PDFKit.PDFDocument, header: ReportHeader, { left, width, bottom }: Box & { bottom: number }) {
  const { summary } = header;
  doc
    .font("serif")
    .fontSize(10.5)
    .fillColor(INK)
    .text(
      `This report lists ${plural(summary.total, "claim")}: ${summary.disputed} disputed, ${summary.confirmed} confirmed and ${summary.unverified} unverified. ` +
        (header.includes?.groupByFact
          ? GROUPED_SUMMARY
          : "Each claim shows its verdict, who set it and when, the desk's rationale and sources, what other outlets said of the same fact, and its history."),
      left,
      doc.y,
      { width },
    );
  doc.moveDown(1);
  const statuses = ["disputed", "confirmed", "unverified"] as const;
  const max = Math.max(1, ...statuses.map((s) => summary[s]));
  let y = doc.y;
  for (const status of statuses) {
    doc.font("bold").fontSize(10).fillColor(VERDICT_COLORS[status]).text(verdictWord(status), left, y, { width: 90 });
    const bar = Math.max(1, (summary[status] / max) * (width - 170));
    doc.rect(left + 100, y, bar, 11).fill(VERDICT_COLORS[status]);
    doc
      .font("body")
      .fillColor(INK)
      .text(String(summary[status]), left + 106 + bar, y, { width: 60 });
    y += 20;
  }
  doc.font("bold").fontSize(10).fillColor(INK).text("Total", left, y, { width: 90 });
  doc.font("body").text(String(summary.total), left + 100, y, { width: 60 });
  doc.y = y + 30;

  keepTogether(doc, 80, bottom);
  doc.font("bold").fontSize(12).fillColor(INK).text("Reviewers", left, doc.y, { width });
  doc.moveDown(0.4);
  if (header.reviewers.length === 0) {
    doc.font("body").fontSize(10).text("Nobody has set a verdict on these claims yet.", left, doc.y, { width });
    return;
  }
  doc.font("bold").fontSize(8).fillColor(MUTED);
  let top = doc.y;
  doc.text("REVIEWER", left, top, { width: 240 }).text("VERDICTS SET", left + 250, top, { width: 100, align: "right" });
  doc.y = top + 14;
  for (const reviewer of header.reviewers) {
    keepTogether(doc, 18, bottom);
    top = doc.y;
    doc.font("body").fontSize(10).fillColor(INK).text(reviewer.name, left, top, { width: 240 });
    doc.text(String(reviewer.decisions), left + 250, top, { width: 100, align: "right" });
    doc.y = Math.max(doc.y, top + 14) + 3;
    doc
      .save()
      .lineWidth(0.4)
      .strokeColor(RULE)
      .moveTo(left, doc.y - 2)
      .lineTo(left + 350, doc.y - 2)
      .stroke()
      .restore();
  }
}

function writeAppendix(doc: PDFKit.PDFDocument, header: ReportHeader, { left, width, bottom }: Box & { bottom: number }) {
  const words = integrityInWords(header);
  const paragraph = (text: string) => {
    doc.font("serif").fontSize(10.5).fillColor(INK).text(text, left, doc.y, { width, lineGap: 1.5 });
    doc.moveDown(0.7);
  };
  paragraph(words.record);
  paragraph(words.proves);
  keepTogether(doc, 50, bottom);
  const top = doc.y;
  doc
    .font("mono")
    .fontSize(9)
    .fillColor(INK)
    .text(header.integrity.headHash, left + 10, top + 8, { width: width - 20 });
  doc
    .rect(left, top, width, doc.y - top + 8)
    .lineWidth(0.6)
    .strokeColor(RULE)
    .stroke();
  doc.y += 20;
  paragraph(words.limits);
  keepTogether(doc, 60, bottom);
  doc.font("bold").fontSize(10).fillColor(INK).text("For a technical reader", left, doc.y, { width });
  doc.moveDown(0.3).font("body").fontSize(8.5).fillColor(MUTED).text(words.technical, left, doc.y, { width, lineGap: 1 });
}
