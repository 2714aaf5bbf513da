import { formatDate, formatDateTime, formatPublished } from "../datetime";
import { DETAIL_KIND_LABELS } from "../facts";
import { quoted, shortUrl } from "../text";
import type { FactGroup, FactGroupMember } from "./fact-groups";
import type { ReportClaim, ReportComment, ReportFact, ReportFactVersion, ReportHeader, ReportSource } from "./report";

// What the HTML and PDF reports say, in words for the people they go to (an editor, a
// publisher, a lawyer): one place, so that both media say the same thing.

export const VERDICT_ORDER = ["disputed", "confirmed", "unverified"] as const;
export type ReportStatus = (typeof VERDICT_ORDER)[number];

const VERDICT_WORDS: Record<ReportStatus, string> = { disputed: "Disputed", confirmed: "Confirmed", unverified: "Unverified" };
const STANCE_WORDS: Record<ReportSource["stance"], string> = { supports: "Supports", refutes: "Refutes", context: "Context" };

export const verdictWord = (status: ReportStatus) => VERDICT_WORDS[status];
export const sectionTitle = (status: ReportStatus) => `${VERDICT_WORDS[status]} claims`;
export const sectionAnchor = (status: ReportStatus) => `verdict-${status}`;
export const APPENDIX_TITLE = "Appendix: how to check this report";

/** The verdict groups the report lists, in reading order, with their counts (empty groups left out). */
export function reportSections(header: Pick<ReportHeader, "summary">): Array<{ status: ReportStatus; count: number }> {
  return VERDICT_ORDER.map((status) => ({ status, count: header.summary[status] })).filter((s) => s.count > 0);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;
}

/** "Verdicts set between 3 Nov 2026 and 1 Dec 2026", in the project's time zone. */
export function periodInWords(header: Pick<ReportHeader, "period" | "project">): string {
  const { from, to } = header.period;
  if (!from || !to) return "No verdicts set yet";
  const zone = header.project.timeZone;
  const [first, last] = [formatDate(from, zone), formatDate(to, zone)];
  return first === last ? `Verdicts set on ${first}` : `Verdicts set between ${first} and ${last}`;
}

export function generatedInWords(header: Pick<ReportHeader, "generatedAt" | "generatedBy" | "project">): string {
  return `Generated ${formatDateTime(header.generatedAt, header.project.timeZone)} by ${header.generatedBy}`;
}

/** The claim filters the report was made with, one phrase each; empty for every claim. */
export function filtersInWords(header: Pick<ReportHeader, "filters" | "people" | "generatedBy">): string[] {
  const f = header.filters;
  const phrases: string[] = [];
  if (Array.isArray(f.status) && f.status.length > 0) phrases.push(`verdict ${f.status.map((s) => String(s)).join(" or ")}`);
  if (typeof f.document === "number") phrases.push(`claims of one article (#${f.document})`);
  if (f.assignee === "me") phrases.push(`assigned to ${header.generatedBy}`);
  else if (f.assignee === "none") phrases.push("assigned to nobody");
  else if (typeof f.assignee === "number")
    phrases.push(`assigned to ${header.people.find((p) => p.id === f.assignee)?.name ?? `user ${f.assignee}`}`);
  if (f.sources === "yes") phrases.push("with sources");
  if (f.sources === "no") phrases.push("without sources");
  if (typeof f.min === "number" || typeof f.max === "number")
    phrases.push(
      `check-worthiness ${typeof f.min === "number" ? `from ${f.min}` : ""}${typeof f.max === "number" ? ` up to ${f.max}` : ""}`.trim(),
    );
  if (typeof f.q === "string") phrases.push(`text containing ${quoted(f.q)}`);
  if (f.includeDismissed) phrases.push("dismissed candidates included");
  return phrases;
}

export function scopeInWords(header: Pick<ReportHeader, "filters" | "people" | "generatedBy">): string {
  const phrases = filtersInWords(header);
  return phrases.length === 0 ? "All claims of the project" : `Claims with ${phrases.join("; ")}`;
}

/** "Set by Lucía Rivera on 1 Dec 2026, 13:53 EST", or why there is no verdict yet. */
export function decisionInWords(
  claim: Pick<ReportClaim, "decidedByName" | "decidedAt" | "status" | "decisionEvent">,
  timeZone: string,
): string {
  if (!claim.decidedByName || !claim.decidedAt)
    return claim.status === "unverified" ? "Nobody has set a verdict yet" : "Set before the audit trail recorded decisions";
  const entry = claim.decisionEvent ? ` (audit trail entry ${claim.decisionEvent.seq})` : "";
  return `Set by ${claim.decidedByName} on ${formatDateTime(claim.decidedAt, timeZone)}${entry}`;
}

export interface ArticleView {
  title: string;
  /** "Northern Post · 30 Nov 2026" */
  byline: string | null;
  url: string | null;
}

export function articleView(document: ReportClaim["document"], timeZone: string): ArticleView {
  const byline = [document.outlet, document.publishedAt ? formatPublished(document.publishedAt, timeZone) : null]
    .filter(Boolean)
    .join(" · ");
  return { title: document.title, byline: byline || null, url: document.url };
}

export interface SourceView {
  stance: string;
  kind: "external" | "passage";
  title: string;
  outlet: string | null;
  /** The external address, or the passage's article in the app. */
  url: string | null;
  urlLabel: string | null;
  quote: string | null;
  note: string | null;
  added: string;
}

/**
 * A source as the report shows it. A passage of another imported article names that
 * article and its outlet, quotes the passage, and links to the article in the app
 * (absolute when the app's address is known).
 */
export function sourceView(
  source: ReportSource,
  context: { projectSlug: string; timeZone: string; appOrigin?: string | null },
): SourceView {
  const added = `Added by ${source.addedBy ?? "someone"} on ${formatDateTime(source.addedAt, context.timeZone)}`;
  const quote = source.quote ? quoted(source.quote) : null;
  if (source.documentId !== null) {
    const path = `/projects/${context.projectSlug}/documents/${source.documentId}`;
    const url = context.appOrigin ? `${context.appOrigin}${path}` : null;
    return {
      stance: STANCE_WORDS[source.stance],
      kind: "passage",
      title: source.title ?? `Imported article #${source.documentId}`,
      outlet: source.outlet,
      url,
      urlLabel: url ? `In Claimdesk: ${shortUrl(url, 60)}` : `In Claimdesk: ${path}`,
      quote,
      note: source.note,
      added,
    };
  }
  return {
    stance: STANCE_WORDS[source.stance],
    kind: "external",
    title: source.title ?? (source.url ? shortUrl(source.url, 60) : "Untitled source"),
    outlet: source.outlet,
    url: source.url,
    urlLabel: source.url ? shortUrl(source.url, 60) : null,
    quote,
    note: source.note,
    added,
  };
}

export interface IntegrityWords {
  /** What the audit trail is, for any reader. */
  record: string;
  /** What the fingerprint below ties the report to. */
  proves: string;
  /** What it does not prove. */
  limits: string;
  /** How a technical reader checks it. */
  technical: string;
}

export function integrityInWords(header: Pick<ReportHeader, "integrity" | "project" | "generatedAt">): IntegrityWords {
  const events = plural(header.integrity.events, "entry", "entries");
  const when = formatDateTime(header.generatedAt, header.project.timeZone);
  return {
    record:
      "Everything the desk's reviewers do in Claimdesk (each verdict, each change of verdict, each source linked, each undo) is written " +
      "to an audit trail as it happens. Each entry is sealed with a fingerprint computed from its own content and from the fingerprint " +
      "of the entry before it, so the entries form a chain: changing, removing or reordering any past entry changes every fingerprint " +
      "after it.",
    proves:
      `When this report was made (${when}), the trail held ${events}; the fingerprint of the last one is printed below. ` +
      "Every verdict in this report names the entry that set it. If the desk's trail still shows this fingerprint at the same " +
      "position, nothing recorded up to that moment has been altered since, and each verdict, with who set it and when, can be " +
      "recomputed from the trail and compared with this report.",
    limits:
      "The trail shows who did what and when in Claimdesk. It does not show that a verdict is right: the rationale and sources " +
      "with each claim are the desk's reasons.",
    technical:
      `The fingerprint is the SHA-256 hash of entry ${header.integrity.events} of the chain ${header.integrity.chain}. ` +
      `"claimdesk report verify --project ${header.project.slug} --event ${header.integrity.events} --hash <the fingerprint>" confirms ` +
      "that the trail is intact and still holds it there. A report exported as JSON also lists each verdict's entry and its hash; " +
      `"claimdesk report verify REPORT.json --project ${header.project.slug}" recomputes every claim's verdict, decider and time ` +
      "from the trail and names the first that differs.",
  };
}

export const ALSO_STATED_TITLE = "Also stated by";
export const DISCUSSION_TITLE = "Discussion";

export interface OtherVersionView {
  /** The outlet, or the article's title when it has none; "This article" for another passage of the same one. */
  who: string;
  text: string;
  verdict: string;
  /** "Differs on the time: 5 p.m. here, 5:01 p.m. there", or null when it states the same details. */
  differs: string | null;
}

/** One other outlet's version of the claim's fact: who, what they wrote, its verdict, and the details that differ. */
export function otherVersionView(other: ReportFactVersion): OtherVersionView {
  const differs = other.differences.map((d) => `the ${DETAIL_KIND_LABELS[d.kind]}: ${d.here} here, ${d.there} there`);
  return {
    who: other.sameArticle ? "This article" : (other.outlet ?? other.documentTitle),
    text: quoted(other.text),
    verdict: VERDICT_WORDS[other.status],
    differs: differs.length > 0 ? `Differs on ${differs.join("; ")}` : null,
  };
}

/** "Fact #12, stated by 3 outlets", and how many versions are not listed. */
export function factInWords(fact: ReportFact): { heading: string; leftOut: string | null } {
  return {
    heading: `Fact #${fact.id}, stated by ${plural(fact.outlets, "outlet")}`,
    leftOut: fact.othersLeftOut > 0 ? `and ${plural(fact.othersLeftOut, "other claim")} (see the Facts view)` : null,
  };
}

export interface CommentView {
  /** "Lucía Rivera · 1 Dec 2026, 13:53 EST (edited)" */
  byline: string;
  /** Null for a deleted comment. */
  text: string | null;
}

export function commentView(comment: ReportComment, timeZone: string): CommentView {
  const by = comment.authorName || comment.author || "A former member";
  const edited = comment.editedAt && !comment.deletedAt ? " (edited)" : "";
  return {
    byline: `${by} · ${formatDateTime(comment.at, timeZone)}${edited}`,
    text: comment.deletedAt ? null : comment.text,
  };
}

export const DELETED_COMMENT = "Comment deleted by its author.";

// The grouped layout (claims grouped by fact).

export const GROUPED_TITLE = "Claims by fact";
export const GROUPED_ANCHOR = "facts";
export const GROUPED_INCLUDES = "Claims grouped by fact, each outlet's version side by side";
export const GROUPED_SUMMARY =
  "The claims are grouped by fact: each fact lists every outlet's version with its verdict, who set it and the desk's rationale, " +
  'and marks with "Differs" the versions that state a detail (a time, an amount, a name) differently from the others. ' +
  "Sources and history are in the report without grouping.";
export const DIFFERS_FLAG = "Differs";

export interface FactGroupWords {
  /** "Fact #7", or "Claim 40" for a claim in no fact. */
  kicker: string;
  label: string;
  /** "Stated by 3 outlets · 1 disputed, 2 unverified" */
  stated: string;
  /** One line per detail the versions differ on: "the time: 4:30 p.m. (North Ledger, River Gazette); 4 p.m. (Boaters warned)" */
  differences: string[];
  /** "1 more claim of this fact is not in this report", or null. */
  notInReport: string | null;
}

const versionWho = (member: Pick<FactGroupMember, "outlet" | "article">) => member.outlet ?? member.article;

export function factGroupInWords(group: FactGroup): FactGroupWords {
  const counts = VERDICT_ORDER.map((s) => [s, group.members.filter((m) => m.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  const differences = group.differences.map((difference) => {
    const byValue = new Map<string, { value: string; who: string[] }>();
    for (const v of difference.values) {
      const key = v.value.toLowerCase().replace(/[\s.,]/g, "");
      const member = group.members.find((m) => m.claimId === v.claimId);
      const entry = byValue.get(key) ?? { value: v.value, who: [] };
      const who = member ? versionWho(member) : `claim ${v.claimId}`;
      if (!entry.who.includes(who)) entry.who.push(who);
      byValue.set(key, entry);
    }
    const values = [...byValue.values()].map((e) => `${e.value} (${e.who.join(", ")})`);
    return `the ${DETAIL_KIND_LABELS[difference.kind]}: ${values.join("; ")}`;
  });
  return {
    kicker: group.factId === null ? `Claim ${group.members[0]!.claimId}` : `Fact #${group.factId}`,
    label: group.label,
    stated: `Stated by ${plural(group.outlets, "outlet")} · ${counts.join(", ")}`,
    differences,
    notInReport:
      group.notInReport > 0
        ? `${plural(group.notInReport, "more claim")} of this fact ${group.notInReport === 1 ? "is" : "are"} not in this report`
        : null,
  };
}

export interface VersionView {
  /** The outlet, or the article's title when it has none. */
  who: string;
  /** The article's title when `who` is the outlet. */
  article: string | null;
  /** The claim's text in quotation marks, cut where a differing value is, so that value can be marked. */
  text: Array<{ text: string; marked: boolean }>;
  verdict: string;
  /** "Differs on the time: 4 p.m. here, 4:30 p.m. in other versions" */
  differs: string[];
}

/** One outlet's version of a fact in the grouped layout. */
export function versionView(member: FactGroupMember): VersionView {
  return {
    who: versionWho(member),
    article: member.outlet ? member.article : null,
    text: markedSegments(
      quoted(member.claim.text),
      member.differing.map((d) => d.value),
    ),
    verdict: VERDICT_WORDS[member.status],
    differs: member.differing.map(
      (d) => `${DIFFERS_FLAG} on the ${DETAIL_KIND_LABELS[d.kind]}: ${d.value} here, ${d.others.join(" or ")} in other versions`,
    ),
  };
}

/** The text cut into runs, with the first occurrence of each value (any case) marked. */
export function markedSegments(text: string, values: string[]): Array<{ text: string; marked: boolean }> {
  const spans: Array<[number, number]> = [];
  const lower = text.toLowerCase();
  for (const value of values) {
    const at = value ? lower.indexOf(value.toLowerCase()) : -1;
    if (at === -1 || spans.some(([a, b]) => at < b && at + value.length > a)) continue;
    spans.push([at, at + value.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const runs: Array<{ text: string; marked: boolean }> = [];
  let from = 0;
  for (const [a, b] of spans) {
    if (a > from) runs.push({ text: text.slice(from, a), marked: false });
    runs.push({ text: text.slice(a, b), marked: true });
    from = b;
  }
  if (from < text.length || runs.length === 0) runs.push({ text: text.slice(from), marked: false });
  return runs;
}
