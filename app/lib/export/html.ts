import { type HistoryContext, type Segment, describeEvent } from "../history";
import { quoted, shortUrl } from "../text";
import type { FactGroup } from "./fact-groups";
import type { ReportClaim, ReportHeader } from "./report";
import { reviewLines } from "./review-lines";
import {
  ALSO_STATED_TITLE,
  APPENDIX_TITLE,
  DELETED_COMMENT,
  DIFFERS_FLAG,
  DISCUSSION_TITLE,
  GROUPED_ANCHOR,
  GROUPED_INCLUDES,
  GROUPED_SUMMARY,
  GROUPED_TITLE,
  type ReportStatus,
  articleView,
  commentView,
  decisionInWords,
  factGroupInWords,
  factInWords,
  generatedInWords,
  integrityInWords,
  otherVersionView,
  periodInWords,
  plural,
  reportSections,
  scopeInWords,
  sectionAnchor,
  sectionTitle,
  sourceView,
  verdictWord,
  versionView,
} from "./words";

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

function link(url: string | null, label: string): string {
  const href = safeHref(url);
  return href ? `<a href="${href}" rel="noopener noreferrer">${escapeHtml(label)}</a>` : escapeHtml(label);
}

const STYLE = `:root{--ink:#1d2430;--muted:#5a6472;--rule:#d6dbe2;--confirmed:#1b7f3b;--disputed:#b42318;--unverified:#8a5d00}
*{box-sizing:border-box}body{font-family:Georgia,"DejaVu Serif",serif;color:var(--ink);max-width:50rem;margin:0 auto;padding:1.5rem 1rem 4rem;line-height:1.55;overflow-wrap:anywhere}
h1,h2,h3,h4,.sans,dt,.verdict,.stance,nav{font-family:system-ui,"DejaVu Sans",sans-serif}h2{margin-top:2.5rem;border-bottom:2px solid var(--ink);padding-bottom:.25rem}
h3{margin:0 0 .5rem;font-size:1.05rem}h4{margin:1rem 0 .25rem;font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}
a{color:#1a4f8b}.meta{color:var(--muted);font-size:.9rem}.cover{border-bottom:3px solid var(--ink);padding:2rem 0 1.5rem}
.kicker{font-family:system-ui,sans-serif;text-transform:uppercase;letter-spacing:.12em;font-size:.8rem;color:var(--muted);margin:0}
.cover h1{font-size:2.2rem;margin:.25rem 0}.facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:1.25rem 0 0}
.facts dt{font-weight:600;font-size:.9rem}.facts dd{margin:0}nav ol{padding-left:1.25rem}nav li{margin:.2rem 0}
table{border-collapse:collapse;margin:.5rem 0}td,th{border-bottom:1px solid var(--rule);padding:.3rem .9rem .3rem 0;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
.chart{max-width:28rem;width:100%;height:auto;display:block;margin:1rem 0}
.claim{border-top:1px solid var(--rule);padding:1.25rem 0;break-inside:avoid-page}h2+.claim{border-top:0}.claim-no{color:var(--muted);font-weight:400}
.verdict,.stance{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.05em;padding:.05rem .45rem;border-radius:3px;border:1px solid currentColor}
.confirmed{color:var(--confirmed)}.disputed{color:var(--disputed)}.unverified{color:var(--unverified)}.supports{color:var(--confirmed)}.refutes{color:var(--disputed)}.context{color:var(--muted)}
blockquote{margin:.5rem 0;padding:.1rem 0 .1rem 1rem;border-left:4px solid var(--rule)}.quote{font-size:1.1rem}blockquote p{margin:.25rem 0}
.decision{margin:.5rem 0}.sources{list-style:none;padding:0;margin:0}.sources li{margin:.5rem 0}
.review{padding-left:1.25rem;margin:.25rem 0;font-size:.92rem}.history{padding-left:1.25rem;font-size:.88rem;color:var(--muted)}.history li{margin:.15rem 0}
.versions,.comments{list-style:none;padding:0;margin:0}.versions li,.comments li{margin:.45rem 0}.versions .who{font-weight:700;font-family:system-ui,"DejaVu Sans",sans-serif}
.differs{display:block;font-size:.88rem;color:var(--disputed)}.comments p{margin:.1rem 0;white-space:pre-wrap}
.hash{font-family:"DejaVu Sans Mono",monospace;font-size:.85rem;word-break:break-all;background:#f3f5f8;padding:.5rem;border-radius:3px}
@media print{body{max-width:none;padding:0}a{color:inherit}section.verdict-section,#appendix{break-before:page}nav{break-after:page}}
@page{margin:18mm 16mm}`;

/** The grouped layout's rules, only in a report grouped by fact (a report by verdict stays as it was). */
const GROUPED_STYLE = `.fact-group{border-top:1px solid var(--rule);padding:1.25rem 0}h2+.fact-group{border-top:0}.fact-group h3{font-size:1.15rem}
.differences{margin:.5rem 0;padding:.5rem .75rem;border-left:4px solid var(--disputed);background:#fbf1f0}.differences ul{margin:.2rem 0;padding-left:1.25rem}
.fact-versions{list-style:none;padding:0;margin:.75rem 0 0}.fact-versions>li{border-left:4px solid var(--rule);padding:.35rem 0 .35rem .9rem;margin:.75rem 0;break-inside:avoid-page}
.fact-versions>li.differing{border-left:4px double var(--disputed)}.fact-versions .who{margin:0;font-family:system-ui,"DejaVu Sans",sans-serif;font-weight:700}.fact-versions .who em{font-weight:400}
.fact-versions blockquote{border:0;padding:0;margin:.25rem 0}mark{background:#fde8c8;color:inherit;font-weight:700;text-decoration:underline;text-decoration-thickness:2px;padding:0 .1em}
.flag{font-family:system-ui,"DejaVu Sans",sans-serif;font-weight:700;text-transform:uppercase;font-size:.75rem;letter-spacing:.05em;border:1px solid currentColor;border-radius:3px;padding:0 .35rem;margin-right:.35rem}
@media print{section.fact-groups{break-before:page}mark{background:none}}`;

const COLORS: Record<ReportStatus, string> = { confirmed: "#1b7f3b", disputed: "#b42318", unverified: "#b88a00" };

function chart(summary: ReportHeader["summary"]): string {
  const statuses = ["disputed", "confirmed", "unverified"] as const;
  const max = Math.max(1, ...statuses.map((s) => summary[s]));
  const bars = statuses
    .map((status, i) => {
      const width = Math.round((summary[status] / max) * 280);
      return `<text x="0" y="${i * 30 + 18}" font-family="sans-serif" font-size="13">${verdictWord(status)}</text><rect x="100" y="${i * 30 + 4}" width="${Math.max(width, 1)}" height="18" fill="${COLORS[status]}"/><text x="${106 + width}" y="${i * 30 + 18}" font-family="sans-serif" font-size="13">${summary[status]}</text>`;
    })
    .join("");
  const label = statuses.map((s) => `${summary[s]} ${s}`).join(", ");
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Claims by verdict: ${label}" viewBox="0 0 440 95">${bars}</svg>`;
}

function reviewersTable(header: ReportHeader): string {
  if (header.reviewers.length === 0) return "<p>Nobody has set a verdict on these claims yet.</p>";
  const rows = header.reviewers.map((r) => `<tr><td>${escapeHtml(r.name)}</td><td class="n">${r.decisions}</td></tr>`).join("");
  return `<table><caption class="meta" style="text-align:left">Who set the verdicts</caption><thead><tr><th scope="col">Reviewer</th><th scope="col">Verdicts set</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The cover, contents and summary; `groups` (the number of facts) for the layout grouped by fact. */
export function htmlStart(header: ReportHeader, options: { groups?: number } = {}): string {
  const { project, summary } = header;
  const grouped = options.groups !== undefined;
  const sections = reportSections(header);
  const contents = [
    `<li><a href="#summary">Summary</a></li>`,
    ...(grouped
      ? [`<li><a href="#${GROUPED_ANCHOR}">${GROUPED_TITLE}</a> <span class="meta">(${plural(options.groups ?? 0, "fact")})</span></li>`]
      : sections.map(
          (s) => `<li><a href="#${sectionAnchor(s.status)}">${sectionTitle(s.status)}</a> <span class="meta">(${s.count})</span></li>`,
        )),
    `<li><a href="#appendix">${APPENDIX_TITLE}</a></li>`,
  ].join("");
  const publisher = project.publisherName
    ? `<p class="sans">${escapeHtml(project.publisherName)}${project.publisherUrl ? ` · ${link(project.publisherUrl, shortUrl(project.publisherUrl))}` : ""}</p>`
    : "";
  const counts = (["disputed", "confirmed", "unverified"] as const)
    .map((s) => `<tr><td><span class="verdict ${s}">${verdictWord(s)}</span></td><td class="n">${summary[s]}</td></tr>`)
    .join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Audit report: ${escapeHtml(project.name)}</title><style>${STYLE}${grouped ? `\n${GROUPED_STYLE}` : ""}</style></head><body>
<header class="cover"><p class="kicker">Fact-check audit report</p><h1>${escapeHtml(project.name)}</h1>${publisher}
<dl class="facts"><dt>Period</dt><dd>${escapeHtml(periodInWords(header))}</dd><dt>Claims</dt><dd>${escapeHtml(scopeInWords(header))} (${plural(summary.total, "claim")})</dd>
<dt>Generated</dt><dd>${escapeHtml(generatedInWords(header))}</dd>${includesInHtml(header)}<dt>Audit trail</dt><dd>Stated up to entry ${header.integrity.events} (see the appendix)</dd></dl></header>
<nav aria-labelledby="contents-title"><h2 id="contents-title">Contents</h2><ol>${contents}</ol></nav>
<main>
<section id="summary" aria-labelledby="summary-title"><h2 id="summary-title">Summary</h2>
<p>This report lists ${plural(summary.total, "claim")}: ${summary.disputed} disputed, ${summary.confirmed} confirmed and ${summary.unverified} unverified. ${grouped ? GROUPED_SUMMARY : "Each claim shows the verdict, who set it and when, the desk's rationale and sources, what other outlets said of the same fact, and its history."}</p>
<table><thead><tr><th scope="col">Verdict</th><th scope="col">Claims</th></tr></thead><tbody>${counts}<tr><th scope="row">Total</th><td class="n">${summary.total}</td></tr></tbody></table>
${chart(summary)}
<h3>Reviewers</h3>${reviewersTable(header)}</section>
`;
}

function includesInHtml(header: ReportHeader): string {
  const parts = [header.includes?.comments ? "Each claim's discussion" : null, header.includes?.groupByFact ? GROUPED_INCLUDES : null];
  const listed = parts.filter((p): p is string => p !== null);
  // The parts' words are the report's own (no reader's text): written as they are.
  return listed.length === 0 ? "" : `<dt>Includes</dt><dd>${listed.join("; ")}</dd>`;
}

/** Opens the section of a verdict group (after closing the one before, if any). */
export function htmlSectionStart(status: ReportStatus, count: number, previous: ReportStatus | null): string {
  return `${previous ? "</section>\n" : ""}<section class="verdict-section" id="${sectionAnchor(status)}" aria-labelledby="${sectionAnchor(status)}-title"><h2 id="${sectionAnchor(status)}-title">${sectionTitle(status)} <span class="meta">(${count})</span></h2>
`;
}

/** A history sentence's segments as HTML: titles in italics, addresses as links. */
export function segmentsToHtml(segments: Segment[]): string {
  return segments
    .map((segment) => {
      if (typeof segment === "string") return escapeHtml(segment);
      if ("em" in segment) return `<em>${escapeHtml(segment.em)}</em>`;
      return link(segment.href, segment.text);
    })
    .join("");
}

export interface HtmlClaimContext {
  history: HistoryContext;
  projectSlug: string;
  timeZone: string;
  appOrigin?: string | null;
}

/** The other outlets' versions of the claim's fact, each with its verdict and the details it states differently. */
function htmlFact(fact: ReportClaim["fact"]): string {
  if (!fact) return "";
  const words = factInWords(fact);
  const items = fact.others
    .map((other) => {
      const v = otherVersionView(other);
      return `<li><span class="who">${escapeHtml(v.who)}</span> — ${escapeHtml(v.text)} <span class="${other.status}">(${escapeHtml(v.verdict)})</span>${v.differs ? `<span class="differs">${escapeHtml(v.differs)}</span>` : ""}</li>`;
    })
    .join("");
  const more = words.leftOut ? `<li class="meta">${escapeHtml(words.leftOut)}</li>` : "";
  return `<h4>${ALSO_STATED_TITLE}</h4><p class="meta">${escapeHtml(words.heading)}</p><ul class="versions">${items}${more}</ul>`;
}

/** The claim's discussion when the report includes it. */
function htmlComments(comments: ReportClaim["comments"], timeZone: string): string {
  // A claim nobody discussed says nothing, as in the PDF.
  if (!comments || comments.length === 0) return "";
  const items = comments
    .map((comment) => {
      const c = commentView(comment, timeZone);
      return `<li><p class="meta">${escapeHtml(c.byline)}</p>${c.text === null ? `<p class="meta"><em>${DELETED_COMMENT}</em></p>` : `<p>${escapeHtml(c.text)}</p>`}</li>`;
    })
    .join("");
  return `<h4>${DISCUSSION_TITLE}</h4><ol class="comments">${items}</ol>`;
}

export function htmlClaim(claim: ReportClaim, context: HtmlClaimContext): string {
  const article = articleView(claim.document, context.timeZone);
  const sources = claim.sources
    .map((source) => {
      const s = sourceView(source, context);
      const title = s.kind === "passage" ? `<em>${escapeHtml(s.title)}</em>` : link(s.url, s.title);
      const where = [s.outlet ? escapeHtml(s.outlet) : null, s.kind === "passage" ? "passage of an imported article" : null]
        .filter(Boolean)
        .join(", ");
      const address =
        s.urlLabel && (s.kind === "passage" || s.urlLabel !== s.title)
          ? `<br><span class="meta">${s.url ? link(s.url, s.urlLabel) : escapeHtml(s.urlLabel)}</span>`
          : "";
      return `<li><span class="stance ${source.stance}">${escapeHtml(s.stance)}</span> ${title}${where ? ` <span class="meta">(${where})</span>` : ""}${address}${s.quote ? `<blockquote><p>${escapeHtml(s.quote)}</p></blockquote>` : ""}${s.note ? `<p class="meta">Note: ${escapeHtml(s.note)}</p>` : ""}<p class="meta">${escapeHtml(s.added)}</p></li>`;
    })
    .join("");
  const history = claim.history
    .map((h) => {
      const line = describeEvent({ ...h, actorName: h.actor, createdAt: h.at }, context.history);
      return `<li><time datetime="${escapeHtml(h.at)}">${escapeHtml(line.at)}</time> · ${escapeHtml(line.actor)} ${segmentsToHtml(line.did)}</li>`;
    })
    .join("");
  const review = reviewLines(claim.review, context.timeZone)
    .map((line) => `<li>${escapeHtml(line)}</li>`)
    .join("");
  const id = `claim-${claim.id}`;
  return `<article class="claim" id="${id}" aria-labelledby="${id}-title"><h3 id="${id}-title"><span class="claim-no">Claim ${claim.id}</span> <span class="verdict ${claim.status}">${verdictWord(claim.status)}</span></h3>
<blockquote class="quote"><p>${escapeHtml(quoted(claim.text))}</p></blockquote>
<p class="meta">${claim.speaker ? `Said by ${escapeHtml(claim.speaker)} · ` : ""}From ${article.url ? link(article.url, article.title) : `<em>${escapeHtml(article.title)}</em>`}${article.byline ? ` · ${escapeHtml(article.byline)}` : ""}</p>
<p class="decision"><strong>Verdict: ${verdictWord(claim.status)}.</strong> ${escapeHtml(decisionInWords(claim, context.timeZone))}.</p>
${claim.rationale ? `<p><strong>Rationale:</strong> ${escapeHtml(claim.rationale)}</p>` : ""}
${review ? `<h4>Editorial review</h4><ul class="review">${review}</ul>` : ""}
<h4>Sources</h4>${sources ? `<ul class="sources">${sources}</ul>` : '<p class="meta">No sources linked.</p>'}
${htmlFact(claim.fact)}${htmlComments(claim.comments, context.timeZone)}
${history ? `<h4>History</h4><ol class="history">${history}</ol>` : ""}</article>
`;
}

/** Opens the one section of the layout grouped by fact. */
export function htmlGroupedStart(groups: number): string {
  return `<section class="fact-groups" id="${GROUPED_ANCHOR}" aria-labelledby="${GROUPED_ANCHOR}-title"><h2 id="${GROUPED_ANCHOR}-title">${GROUPED_TITLE} <span class="meta">(${plural(groups, "fact")})</span></h2>
`;
}

/** One fact of the grouped layout: its label, what the versions differ on, then each outlet's version. */
export function htmlFactGroup(group: FactGroup, context: Pick<HtmlClaimContext, "timeZone">): string {
  const words = factGroupInWords(group);
  const id = group.key;
  const differences =
    words.differences.length > 0
      ? `<div class="differences"><p class="sans"><strong>Versions differ on</strong></p><ul>${words.differences.map((d) => `<li>${escapeHtml(d)}</li>`).join("")}</ul></div>`
      : "";
  const versions = group.members
    .map((member) => {
      const v = versionView(member);
      const text = v.text.map((run) => (run.marked ? `<mark>${escapeHtml(run.text)}</mark>` : escapeHtml(run.text))).join("");
      const differs = v.differs
        .map(
          (line) => `<p class="differs"><span class="flag">${DIFFERS_FLAG}</span>${escapeHtml(line.slice(DIFFERS_FLAG.length).trim())}</p>`,
        )
        .join("");
      return `<li id="claim-${member.claimId}"${v.differs.length > 0 ? ' class="differing"' : ""}><p class="who">${escapeHtml(v.who)}${v.article ? ` — <em>${escapeHtml(v.article)}</em>` : ""} <span class="claim-no">· Claim ${member.claimId}</span></p>
<blockquote><p>${text}</p></blockquote>
<p><span class="verdict ${member.status}">${escapeHtml(v.verdict)}</span> <span class="meta">${escapeHtml(decisionInWords(member.claim, context.timeZone))}</span></p>
${member.rationale ? `<p><strong>Rationale:</strong> ${escapeHtml(member.rationale)}</p>` : ""}${differs}</li>`;
    })
    .join("\n");
  return `<article class="fact-group" id="${id}" aria-labelledby="${id}-title"><h3 id="${id}-title"><span class="claim-no">${escapeHtml(words.kicker)}</span> ${escapeHtml(words.label)}</h3>
<p class="meta">${escapeHtml(words.stated)}${words.notInReport ? ` · ${escapeHtml(words.notInReport)}` : ""}</p>
${differences}<ol class="fact-versions" aria-label="Versions">
${versions}
</ol></article>
`;
}

export function htmlEnd(header: ReportHeader, openSection: boolean): string {
  const words = integrityInWords(header);
  return `${openSection ? "</section>\n" : ""}${header.summary.total === 0 ? '<p class="meta">No claims match this report\'s filters.</p>\n' : ""}<section id="appendix" aria-labelledby="appendix-title"><h2 id="appendix-title">${APPENDIX_TITLE}</h2>
<p>${escapeHtml(words.record)}</p>
<p>${escapeHtml(words.proves)}</p>
<p class="hash" aria-label="Fingerprint of the last entry">${escapeHtml(header.integrity.headHash)}</p>
<p>${escapeHtml(words.limits)}</p>
<h3>For a technical reader</h3><p class="meta">${escapeHtml(words.technical)}</p></section>
</main></body></html>
`;
}
