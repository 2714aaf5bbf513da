import { createRequire } from "node:module";
import PDFDocument from "pdfkit";
import { type Segment, describeEvent } from "../history";
import { quoted } from "../text";
import { historyContextOf } from "./context";
import { reviewLines } from "./review-lines";
import type { ReportClaim, ReportHeader } from "./report";

// DejaVu Sans (Bitstream Vera licence) is embedded, subset, so claims in Greek, Cyrillic
// and most alphabetic scripts print; pdfkit's built-in fonts cover only Western Europe.
const require = createRequire(import.meta.url);
const FONT_REGULAR = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf");
const FONT_BOLD = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf");
const FONT_ITALIC = require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf");

/** Writes a sentence's segments on one flowing paragraph: titles in italics, addresses as links. */
function writeSegments(doc: PDFKit.PDFDocument, segments: Segment[], options: PDFKit.Mixins.TextOptions = {}) {
  segments.forEach((segment, i) => {
    const continued = i < segments.length - 1;
    if (typeof segment === "string") doc.font("body").text(segment, { ...options, continued, link: null, underline: false });
    else if ("em" in segment) doc.font("italic").text(segment.em, { ...options, continued, link: null, underline: false });
    else doc.font("body").text(segment.text, { ...options, continued, link: segment.href, underline: true });
  });
  doc.font("body");
}

const COLORS = { unverified: "#9a6700", confirmed: "#1b7f3b", disputed: "#b42318" } as const;

/**
 * The audit report as a PDF, written claim by claim: pdfkit emits finished pages as
 * they fill, and this generator passes each chunk on before reading the next claim.
 */
export async function* renderPdf(header: ReportHeader, claims: AsyncIterable<ReportClaim>): AsyncGenerator<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { Title: `Audit report: ${header.project.name}`, Author: header.generatedBy, Creator: "Claimdesk" },
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
  const drain = function* () {
    while (chunks.length > 0) yield chunks.shift()!;
  };
  doc.registerFont("body", FONT_REGULAR);
  doc.registerFont("bold", FONT_BOLD);
  doc.registerFont("italic", FONT_ITALIC);
  const context = historyContextOf(header);

  doc.font("bold").fontSize(20).text(`Audit report: ${header.project.name}`);
  doc.moveDown(0.5).font("body").fontSize(10).fillColor("#5a6472");
  doc.text(`Generated ${header.generatedAt} by ${header.generatedBy}`);
  doc.text(
    `Period: ${header.period.from ? `${header.period.from.slice(0, 10)} to ${header.period.to?.slice(0, 10)}` : "no decisions yet"}`,
  );
  doc.text(
    `Filters: ${
      Object.entries(header.filters)
        .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
        .join("; ") || "none"
    }`,
  );
  doc.moveDown().fillColor("#1d2430").font("bold").fontSize(14).text("Summary");
  doc
    .font("body")
    .fontSize(10)
    .text(
      `${header.summary.total} claims: ${header.summary.confirmed} confirmed, ${header.summary.disputed} disputed, ${header.summary.unverified} unverified.`,
    );
  const max = Math.max(1, header.summary.confirmed, header.summary.disputed, header.summary.unverified);
  let y = doc.y + 6;
  for (const status of ["confirmed", "disputed", "unverified"] as const) {
    doc.fillColor("#1d2430").text(status, 50, y, { width: 80 });
    doc.rect(130, y, Math.max(1, (header.summary[status] / max) * 300), 10).fill(COLORS[status]);
    doc.fillColor("#1d2430").text(String(header.summary[status]), 440, y);
    y += 16;
  }
  doc.x = 50;
  doc.y = y + 10;
  doc.font("bold").fontSize(14).text("Claims");
  yield* drain();

  for await (const claim of claims) {
    doc
      .moveDown(0.6)
      .font("bold")
      .fontSize(11)
      .fillColor("#1d2430")
      .text(`Claim ${claim.id} `, { continued: true })
      .fillColor(COLORS[claim.status])
      .text(claim.status.toUpperCase());
    doc.fillColor("#1d2430").font("body").fontSize(10).text(claim.text, { indent: 10 });
    doc
      .fontSize(8.5)
      .fillColor("#5a6472")
      .text(
        `${claim.document.title}${claim.document.url ? ` · ${claim.document.url}` : ""}${claim.speaker ? ` · speaker: ${claim.speaker}` : ""}`,
      );
    if (claim.rationale || claim.decidedByName)
      doc
        .fillColor("#1d2430")
        .text(
          `Verdict: ${claim.status}${claim.rationale ? ` — ${claim.rationale}` : ""}${claim.decidedByName ? ` (decided by ${claim.decidedByName}, ${claim.decidedAt})` : ""}`,
        );
    for (const line of reviewLines(claim.review, header.project.timeZone)) doc.fillColor("#1d2430").text(line, { indent: 10 });
    for (const source of claim.sources) {
      doc
        .fillColor("#1d2430")
        .text(
          `• ${source.stance}: ${source.title ?? source.url ?? "imported article"}${source.url && source.title ? ` <${source.url}>` : ""}${source.quote ? ` — ${quoted(source.quote)}` : ""}`,
          { indent: 10 },
        );
    }
    for (const entry of claim.history) {
      const line = describeEvent({ ...entry, actorName: entry.actor, createdAt: entry.at }, context);
      doc.fillColor("#5a6472");
      writeSegments(doc, [`${line.at} · ${line.actor} `, ...line.did], { indent: 10 });
    }
    yield* drain();
  }

  doc.moveDown().fillColor("#1d2430").font("bold").fontSize(14).text("Reviewers");
  doc.font("body").fontSize(10);
  for (const reviewer of header.reviewers) doc.text(`${reviewer.name}: ${reviewer.decisions} decisions`);
  if (header.reviewers.length === 0) doc.text("No decisions recorded.");
  doc.moveDown().font("bold").fontSize(14).text("Integrity");
  doc
    .font("body")
    .fontSize(10)
    .text(`The project's audit trail is a SHA-256 hash chain of ${header.integrity.events} events. Head hash at the time of this report:`);
  doc.font("body").fontSize(8.5).text(header.integrity.headHash);
  doc
    .fontSize(10)
    .text(
      `To verify: export the same report as JSON and run ${header.integrity.verify}; it checks that the chain still holds this head hash at event ${header.integrity.events} and recomputes every verdict from the trail up to it.`,
    );
  doc.end();
  while (!ended || chunks.length > 0) {
    if (chunks.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    yield* drain();
  }
}
