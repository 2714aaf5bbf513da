import { type ClaimQuery } from "../lib/claim-query";
import { ClaimReviewConfigError } from "../lib/export/claimreview";
import { historyContextOf, renderReport } from "../lib/export/render";
import type { ExportFormat } from "../lib/export/report";
import { getDb } from "../db.server";
import type { ProjectRole } from "../lib/roles";
import { beginExport, exportClaims } from "./export.server";
import type { Actor } from "./user.server";

export { ClaimReviewConfigError };

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
    /**
     * The reader's role in the project, for the blind second review: below editor, the
     * open proposals of others are left out. Unset, the reader is treated as blind.
     */
    viewerRole?: ProjectRole;
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
  const header = await beginExport(project, format, query, actor, viewerId);
  const pages = exportClaims(project.id, query, viewerId, {
    withHistory: format === "json" || format === "html" || format === "pdf",
    asOfSeq: header.integrity.events,
    history: historyContextOf(header),
    viewer: { userId: viewerId, role: options.viewerRole ?? "reviewer" },
  });
  const encoder = new TextEncoder();
  return (async function* () {
    for await (const chunk of renderReport(format, header, pages, options)) yield typeof chunk === "string" ? encoder.encode(chunk) : chunk;
  })();
}
