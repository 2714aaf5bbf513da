import { type ClaimQuery } from "../lib/claim-query";
import { ClaimReviewConfigError } from "../lib/export/claimreview";
import { historyContextOf, renderReport } from "../lib/export/render";
import type { ExportFormat, ReportClaim } from "../lib/export/report";
import { VERDICT_ORDER } from "../lib/export/words";
import { getDb } from "../db.server";
import type { ProjectRole } from "../lib/roles";
import { beginExport, exportClaims } from "./export.server";
import type { Actor } from "./user.server";

export { ClaimReviewConfigError };

const PRINTED = new Set<ExportFormat>(["html", "pdf"]);
/** The formats that carry each claim's history, fact and (when asked) discussion. */
const FULL = new Set<ExportFormat>(["json", "html", "pdf"]);

/** The claims a report for people lists, grouped by verdict in reading order (disputed first), each group by id. */
async function* byVerdict(query: ClaimQuery, claimsOf: (query: ClaimQuery) => AsyncGenerator<ReportClaim[]>) {
  for (const status of VERDICT_ORDER) {
    if (query.status.length > 0 && !query.status.includes(status)) continue;
    yield* claimsOf({ ...query, status: [status] });
  }
}

/**
 * Starts an export: checks what the format needs before anything is written, records
 * the export, and returns the report as an async stream of bytes.
 */
export async function startExport(
  project: { id: number; slug: string },
  format: ExportFormat,
  query: ClaimQuery,
  actor: Actor & { displayName: string },
  viewerId: number,
  options: {
    bom?: boolean;
    /** Where passage sources link to their article in the app. */
    appOrigin?: string | null;
    /**
     * The reader's role in the project, for the blind second review: below editor, the
     * open proposals of others are left out. Unset, the reader is treated as blind.
     */
    viewerRole?: ProjectRole;
    /** Each claim's discussion in the JSON, HTML and PDF reports. */
    comments?: boolean;
    /** The HTML and PDF reports group the claims by fact (CSV and JSON keep one entry per claim, with its factId). */
    groupByFact?: boolean;
  } = {},
): Promise<AsyncGenerator<Uint8Array>> {
  if (format === "claimreview") {
    const settings = await getDb().project.findUniqueOrThrow({
      where: { id: project.id },
      select: { publisherName: true, publisherUrl: true },
    });
    if (!settings.publisherName || !settings.publisherUrl)
      throw new ClaimReviewConfigError("ClaimReview needs the publisher's name and web address: set them in the project's settings.");
  }
  const full = FULL.has(format);
  const header = await beginExport(project, format, query, actor, viewerId, {
    comments: full && Boolean(options.comments),
    groupByFact: PRINTED.has(format) && Boolean(options.groupByFact),
  });
  const claimsOf = (q: ClaimQuery) =>
    exportClaims(project.id, q, viewerId, {
      withHistory: full,
      withFacts: full,
      withComments: full && Boolean(options.comments),
      asOfSeq: header.integrity.events,
      history: historyContextOf(header),
      viewer: { userId: viewerId, role: options.viewerRole ?? "reviewer" },
    });
  const pages = PRINTED.has(format) ? byVerdict(query, claimsOf) : claimsOf(query);
  const encoder = new TextEncoder();
  return (async function* () {
    for await (const chunk of renderReport(format, header, pages, options)) yield typeof chunk === "string" ? encoder.encode(chunk) : chunk;
  })();
}
