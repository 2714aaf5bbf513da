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
  ];
}
