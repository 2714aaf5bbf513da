import { claimReviewOf, claimReviewPublisher } from "./claimreview";
import { csvHeader, csvRow } from "./csv";
import { htmlClaim, htmlEnd, htmlStart } from "./html";
import { renderPdf } from "./pdf";
import type { ExportFormat, ReportClaim, ReportHeader } from "./report";

/**
 * Renders a report as a stream of chunks: the header first, then each claim as it
 * arrives, then the footer. Nothing holds all claims in memory.
 */
export async function* renderReport(format: ExportFormat, header: ReportHeader, claims: AsyncIterable<ReportClaim>, options: { bom?: boolean } = {}): AsyncGenerator<string | Uint8Array> {
  switch (format) {
    case "csv":
      yield csvHeader({ bom: options.bom ?? false });
      for await (const claim of claims) yield csvRow(claim);
      return;
    case "json": {
      const head = JSON.stringify(header, null, 2);
      yield `${head.slice(0, head.lastIndexOf("}")).trimEnd()},\n  "claims": [`;
      let first = true;
      for await (const claim of claims) {
        yield `${first ? "\n" : ",\n"}    ${JSON.stringify(claim)}`;
        first = false;
      }
      yield `${first ? "" : "\n  "}]\n}\n`;
      return;
    }
    case "claimreview": {
      const publisher = claimReviewPublisher(header);
      yield "[";
      let first = true;
      for await (const claim of claims) {
        const review = claimReviewOf(claim, publisher);
        if (!review) continue;
        yield `${first ? "\n" : ",\n"}  ${JSON.stringify(review)}`;
        first = false;
      }
      yield `${first ? "" : "\n"}]\n`;
      return;
    }
    case "html":
      yield htmlStart(header);
      for await (const claim of claims) yield htmlClaim(claim);
      yield htmlEnd(header);
      return;
    case "pdf":
      yield* renderPdf(header, claims);
      return;
  }
}
