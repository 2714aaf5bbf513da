import { DEFAULT_TIME_ZONE } from "../datetime";
import { type HistoryContext, type Segment, describeEvent } from "../history";
import type { ReportClaim, ReportHeader } from "./report";
import { reviewLines } from "./review-lines";

export function escapeHtml(value: string | number | null | undefined): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Only http(s) links are written as links; anything else is shown as text. */
function safeHref(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? escapeHtml(url) : null;
}

const STYLE = `body{font-family:Georgia,serif;color:#1d2430;max-width:52rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
h1,h2,h3{font-family:system-ui,sans-serif}.cover{border-bottom:3px solid #1d2430;margin-bottom:2rem;padding-bottom:1rem}
.meta{color:#5a6472;font-family:system-ui,sans-serif;font-size:.9rem}.claim{border-top:1px solid #d6dbe2;padding:1rem 0;page-break-inside:avoid}
blockquote{margin:.5rem 0;padding-left:.8rem;border-left:4px solid #d6dbe2}.status{font-family:system-ui,sans-serif;font-weight:700;text-transform:uppercase;font-size:.85rem}
.confirmed{color:#1b7f3b}.disputed{color:#b42318}.unverified{color:#9a6700}table{border-collapse:collapse}td,th{border:1px solid #d6dbe2;padding:.25rem .6rem;text-align:left}
code{font-size:.85rem;word-break:break-all}@media print{a{color:inherit}}`;

const COLORS = { unverified: "#e0b100", confirmed: "#1b7f3b", disputed: "#b42318" } as const;

function chart(summary: ReportHeader["summary"]): string {
  const statuses = ["confirmed", "disputed", "unverified"] as const;
  const max = Math.max(1, ...statuses.map((s) => summary[s]));
  const bars = statuses
    .map((status, i) => {
      const width = Math.round((summary[status] / max) * 300);
      return `<text x="0" y="${i * 30 + 18}" font-family="sans-serif" font-size="13">${status}</text><rect x="90" y="${i * 30 + 4}" width="${width}" height="18" fill="${COLORS[status]}"/><text x="${96 + width}" y="${i * 30 + 18}" font-family="sans-serif" font-size="13">${summary[status]}</text>`;
    })
    .join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Claims by status" width="460" height="95" viewBox="0 0 460 95">${bars}</svg>`;
}

export function htmlStart(header: ReportHeader): string {
  const period = header.period.from ? `${header.period.from.slice(0, 10)} to ${header.period.to?.slice(0, 10)}` : "no decisions yet";
  const filters =
    Object.entries(header.filters)
      .map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(JSON.stringify(v))}`)
      .join("; ") || "none";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Audit report: ${escapeHtml(header.project.name)}</title><style>${STYLE}</style></head><body>
<section class="cover"><h1>Audit report: ${escapeHtml(header.project.name)}</h1>
<p class="meta">Period: ${escapeHtml(period)} · Generated ${escapeHtml(header.generatedAt)} by ${escapeHtml(header.generatedBy)} · Filters: ${filters}</p>
${header.project.publisherName ? `<p class="meta">Published by ${escapeHtml(header.project.publisherName)}</p>` : ""}</section>
<section><h2>Summary</h2><p>${header.summary.total} claims: ${header.summary.confirmed} confirmed, ${header.summary.disputed} disputed, ${header.summary.unverified} unverified.</p>${chart(header.summary)}</section>
<section><h2>Claims</h2>
`;
}

/** A history sentence's segments as HTML: titles in italics, addresses as links. */
export function segmentsToHtml(segments: Segment[]): string {
  return segments
    .map((segment) => {
      if (typeof segment === "string") return escapeHtml(segment);
      if ("em" in segment) return `<em>${escapeHtml(segment.em)}</em>`;
      const href = safeHref(segment.href);
      return href ? `<a href="${href}" rel="noopener noreferrer">${escapeHtml(segment.text)}</a>` : escapeHtml(segment.text);
    })
    .join("");
}

export function htmlClaim(claim: ReportClaim, context: HistoryContext = {}): string {
  const sources = claim.sources
    .map((s) => {
      const href = safeHref(s.url);
      const label = escapeHtml(s.title ?? s.url ?? "Imported article");
      return `<li><strong>${escapeHtml(s.stance)}</strong>: ${href ? `<a href="${href}" rel="noopener noreferrer">${label}</a>` : label}${s.outlet ? ` (${escapeHtml(s.outlet)})` : ""}${s.quote ? `<blockquote>${escapeHtml(s.quote)}</blockquote>` : ""}${s.note ? `<p class="meta">Note: ${escapeHtml(s.note)}</p>` : ""}<p class="meta">Added by ${escapeHtml(s.addedBy ?? "unknown")}, ${escapeHtml(s.addedAt)}</p></li>`;
    })
    .join("");
  const history = claim.history
    .map((h) => {
      const line = describeEvent({ ...h, actorName: h.actor, createdAt: h.at }, context);
      return `<li><time class="meta" datetime="${escapeHtml(h.at)}">${escapeHtml(line.at)}</time> · <strong>${escapeHtml(line.actor)}</strong> ${segmentsToHtml(line.did)}</li>`;
    })
    .join("");
  const review = reviewLines(claim.review, context.timeZone ?? DEFAULT_TIME_ZONE)
    .map((line) => `<li>${escapeHtml(line)}</li>`)
    .join("");
  const documentHref = safeHref(claim.document.url);
  return `<article class="claim" id="claim-${claim.id}"><h3>Claim ${claim.id} <span class="status ${claim.status}">${escapeHtml(claim.status)}</span></h3>
<blockquote>${escapeHtml(claim.text)}</blockquote>
<p class="meta">In ${documentHref ? `<a href="${documentHref}" rel="noopener noreferrer">${escapeHtml(claim.document.title)}</a>` : escapeHtml(claim.document.title)}${claim.document.outlet ? ` (${escapeHtml(claim.document.outlet)})` : ""}${claim.speaker ? ` · speaker: ${escapeHtml(claim.speaker)}` : ""}</p>
<p><strong>Verdict:</strong> ${escapeHtml(claim.status)}${claim.rationale ? `. <strong>Rationale:</strong> ${escapeHtml(claim.rationale)}` : ""}${claim.decidedByName ? ` <span class="meta">(decided by ${escapeHtml(claim.decidedByName)}, ${escapeHtml(claim.decidedAt)})</span>` : ""}</p>
${review ? `<ul class="review">${review}</ul>` : ""}
${sources ? `<h4>Sources</h4><ul>${sources}</ul>` : '<p class="meta">No sources linked.</p>'}
${history ? `<details><summary>History (${claim.history.length})</summary><ol>${history}</ol></details>` : ""}</article>
`;
}

export function htmlEnd(header: ReportHeader): string {
  const reviewers = header.reviewers.map((r) => `<tr><td>${escapeHtml(r.name)}</td><td>${r.decisions}</td></tr>`).join("");
  return `</section>
<section><h2>Reviewers</h2>${reviewers ? `<table><thead><tr><th>Reviewer</th><th>Decisions</th></tr></thead><tbody>${reviewers}</tbody></table>` : "<p>No decisions recorded.</p>"}</section>
<section><h2>Integrity</h2><p>The audit trail of this project is a hash chain: each event stores the SHA-256 of its content and of the previous event.</p>
<p>Events in the chain: ${header.integrity.events}. Head hash at the time of this report:</p><p><code>${escapeHtml(header.integrity.headHash)}</code></p>
<p>To verify: export the same report as JSON and run <code>${escapeHtml(header.integrity.verify)}</code>; it checks that the chain still holds this head hash at event ${header.integrity.events} and recomputes every verdict from the trail up to it.</p></section>
</body></html>
`;
}
