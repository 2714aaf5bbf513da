import { stringify } from "csv-stringify/sync";
import type { ReportClaim } from "./report";

export const CSV_COLUMNS = [
  "claim_id",
  "document_title",
  "document_url",
  "claim_text",
  "speaker",
  "status",
  "rationale",
  "decided_by",
  "decided_by_name",
  "decided_at",
  "source_count",
  "source_urls",
  "version",
  // Editorial review (docs/decisions/010-editorial-review.md), after the original columns so existing imports keep working.
  "review_state",
  "proposed_status",
  "proposed_by",
  "proposed_at",
  "second_review_status",
  "second_review_by",
  "second_review_at",
  "adjudicated_status",
  "adjudicated_by",
  "adjudicated_at",
  "approved_by",
  "approved_at",
  // The claim's fact (claimdesk facts), last so that existing imports keep working: rows of one fact share it.
  "fact_id",
] as const;

// Spreadsheet programs run a cell that starts with one of these as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Cells that a spreadsheet would evaluate get a leading apostrophe (OWASP's advice for CSV injection). */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

type Cell = string | number | null;

function rows(records: Cell[][]): string {
  // RFC 4180: CRLF line ends, fields with commas, quotes or line breaks quoted, quotes doubled.
  return stringify(
    records.map((values) => values.map((v) => (v === null ? "" : typeof v === "number" ? String(v) : neutralizeCell(v)))),
    { record_delimiter: "\r\n", quoted_match: /[\r\n]/ },
  );
}

export function csvHeader(options: { bom: boolean }): string {
  return (options.bom ? "\ufeff" : "") + rows([[...CSV_COLUMNS]]);
}

/** Rows for a page of claims, written in one pass. */
export function csvRows(claims: ReportClaim[]): string {
  return claims.length === 0 ? "" : rows(claims.map(csvRecord));
}

function csvRecord(claim: ReportClaim): Cell[] {
  const urls = claim.sources.map((s) => s.url).filter((u): u is string => Boolean(u));
  return [
    claim.id,
    claim.document.title,
    claim.document.url,
    claim.text,
    claim.speaker,
    claim.status,
    claim.rationale,
    claim.decidedBy,
    claim.decidedByName,
    claim.decidedAt,
    claim.sources.length,
    urls.join(" "),
    claim.version,
    ...reviewCells(claim.review),
    claim.factId,
  ];
}

function reviewCells(review: ReportClaim["review"]): Cell[] {
  const step = (s: { status: string; by: string | null; at: string } | null | undefined): Cell[] => [
    s?.status ?? null,
    s?.by ?? null,
    s?.at ?? null,
  ];
  return [
    review?.state ?? "none",
    ...step(review?.proposal),
    ...step(review?.secondReview),
    ...step(review?.adjudication),
    review?.approval?.by ?? null,
    review?.approval?.at ?? null,
  ];
}
