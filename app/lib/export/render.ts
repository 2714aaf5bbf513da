import { embeddableJson } from "../embeddable-json";
import { claimReviewOf, claimReviewPublisher } from "./claimreview";
import { csvHeader, csvRows } from "./csv";
import { groupClaimsByFact } from "./fact-groups";
import { htmlClaim, htmlEnd, htmlFactGroup, htmlGroupedStart, htmlSectionStart, htmlStart } from "./html";
import { renderPdf } from "./pdf";
import { historyContextOf } from "./context";
import type { ExportFormat, ReportClaim, ReportHeader } from "./report";

export { historyContextOf };

/**
 * Renders a report as a stream of chunks (HTML and PDF expect the claims grouped by
 * verdict, as startExport reads them, and open a section at each change of verdict): the header first, then one chunk per page of
 * claims as pages arrive, then the footer. Nothing holds more than one page in memory,
 * and a page's objects are garbage as soon as its chunk is out (short-lived objects are
 * what keeps a long export's memory flat). The layout grouped by fact (header.includes.groupByFact)
 * is the exception: a fact's versions can be anywhere in the report, so it reads every claim first.
 */
export async function* renderReport(
  format: ExportFormat,
  header: ReportHeader,
  pages: AsyncIterable<ReportClaim[]>,
  options: { bom?: boolean; appOrigin?: string | null } = {},
): AsyncGenerator<string | Uint8Array> {
  const appOrigin = options.appOrigin ?? null;
  switch (format) {
    case "csv":
      yield csvHeader({ bom: options.bom ?? false });
      for await (const page of pages) yield csvRows(page);
      return;
    case "json": {
      const head = embeddableJson(header, 2);
      yield `${head.slice(0, head.lastIndexOf("}")).trimEnd()},\n  "claims": [`;
      let first = true;
      for await (const page of pages) {
        if (page.length === 0) continue;
        yield page.map((claim, i) => `${first && i === 0 ? "\n" : ",\n"}    ${embeddableJson(claim)}`).join("");
        first = false;
      }
      yield `${first ? "" : "\n  "}]\n}\n`;
      return;
    }
    case "claimreview": {
      const publisher = claimReviewPublisher(header);
      yield "[";
      let first = true;
      for await (const page of pages) {
        let chunk = "";
        for (const claim of page) {
          const review = claimReviewOf(claim, publisher);
          if (!review) continue;
          chunk += `${first ? "\n" : ",\n"}  ${embeddableJson(review)}`;
          first = false;
        }
        if (chunk) yield chunk;
      }
      yield `${first ? "" : "\n"}]\n`;
      return;
    }
    case "html": {
      const context = { history: historyContextOf(header), projectSlug: header.project.slug, timeZone: header.project.timeZone, appOrigin };
      if (header.includes?.groupByFact) {
        // A fact's versions can be anywhere in the report: the grouped layout reads every claim first.
        const groups = groupClaimsByFact(await allClaims(pages));
        yield htmlStart(header, { groups: groups.length });
        if (groups.length > 0) yield htmlGroupedStart(groups.length);
        for (const group of groups) yield htmlFactGroup(group, context);
        yield htmlEnd(header, groups.length > 0);
        return;
      }
      yield htmlStart(header);
      let section: ReportClaim["status"] | null = null;
      for await (const page of pages) {
        let chunk = "";
        for (const claim of page) {
          if (claim.status !== section) {
            chunk += htmlSectionStart(claim.status, header.summary[claim.status], section);
            section = claim.status;
          }
          chunk += htmlClaim(claim, context);
        }
        yield chunk;
      }
      yield htmlEnd(header, section !== null);
      return;
    }
    case "pdf":
      yield* renderPdf(header, claimsOf(pages), { appOrigin });
      return;
  }
}

async function allClaims(pages: AsyncIterable<ReportClaim[]>): Promise<ReportClaim[]> {
  const claims: ReportClaim[] = [];
  for await (const page of pages) claims.push(...page);
  return claims;
}

async function* claimsOf(pages: AsyncIterable<ReportClaim[]>): AsyncGenerator<ReportClaim> {
  for await (const page of pages) yield* page;
}
