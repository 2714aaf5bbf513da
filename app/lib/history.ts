import { DEFAULT_TIME_ZONE, formatDateTime } from "./datetime";
import { REVIEW_SENTENCES } from "./review/history-sentences";
import { quoted, shortUrl } from "./text";

// Audit events as sentences for people: "1 Dec 2026, 13:53 EST · Lucía Rivera linked a
// source that supports the claim: *Pentagon gives Anthropic deadline*, example.org/…".
// One renderer for the claim page, the HTML and the PDF report (and the JSON report's
// `text`). A sentence is a list of segments so that each medium can set titles in
// italics and addresses as links; an event type without a sentence of its own still
// reads as its name in words, never as its data.

/** Plain text, a title or name to set in italics, or an address to link. */
export type Segment = string | { em: string } | { text: string; href: string };

export interface HistoryEvent {
  action: string;
  actorId: number | null;
  /** The username recorded with the event (or what a failed sign-in typed). */
  actorName: string | null;
  createdAt: Date | string;
  details: Record<string, unknown>;
}

export interface HistoryContext {
  /** IANA time zone the times are written in. */
  timeZone?: string;
  /** Display names of the people events name, by user id. */
  people?: ReadonlyMap<number, string>;
  /** Display names by username, for events whose actor has no id. */
  peopleByUsername?: ReadonlyMap<string, string>;
}

export interface HistoryLine {
  /** "1 Dec 2026, 13:53 EST" */
  at: string;
  actor: string;
  /** What the actor did, to follow the actor's name. */
  did: Segment[];
}

type Details = Record<string, unknown>;
export type Describe = (details: Details, ctx: Required<Pick<HistoryContext, "people">>) => Segment[];

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);
const STATUS_WORDS: Record<string, string> = { confirmed: "confirmed", disputed: "disputed", unverified: "unverified" };
const status = (value: unknown) => STATUS_WORDS[String(value)] ?? "an unknown status";
const STANCE_PHRASES: Record<string, string> = {
  supports: "that supports the claim",
  refutes: "that refutes the claim",
  context: "as context",
};
const stancePhrase = (value: unknown) => STANCE_PHRASES[String(value)] ?? "";
const STANCE_NOW: Record<string, string> = {
  supports: "it now supports the claim",
  refutes: "it now refutes the claim",
  context: "it is now context",
};

function personName(id: unknown, people: ReadonlyMap<number, string>): string {
  if (typeof id !== "number") return "nobody";
  return people.get(id) ?? `a former member (user ${id})`;
}

const inBulk = (details: Details): Segment[] =>
  typeof details.bulkOperationId === "number"
    ? [" in a bulk change"]
    : typeof details.factId === "number"
      ? [` for fact ${details.factId}`]
      : [];
const because = (rationale: unknown): Segment[] => {
  const why = text(rationale);
  return why ? [`: ${quoted(why)}`] : [];
};

/** The source an event names: its title in italics and its address shortened, linked. */
function sourceLabel(details: Details): Segment[] {
  const title = text(details.title);
  const url = text(details.url);
  const address: Segment[] = url && /^https?:\/\//i.test(url) ? [{ text: shortUrl(url), href: url }] : [];
  if (title) return address.length ? [{ em: title }, ", ", ...address] : [{ em: title }];
  return address.length ? address : ["an untitled source"];
}

const SENTENCES: Record<string, Describe> = {
  "claim.status_changed": (d) =>
    d.from === d.to
      ? [`kept the claim ${status(d.to)} with a new rationale`, ...inBulk(d), ...because(d.rationale)]
      : [`marked the claim ${status(d.to)}`, ...inBulk(d), ` (it was ${status(d.from)})`, ...because(d.rationale)],
  "claim.assigned": (d, { people }) => {
    const to = "assigneeTo" in d ? d.assigneeTo : d.to;
    return to === null || to === undefined
      ? ["removed the claim's assignee", ...inBulk(d)]
      : ["assigned the claim to ", { em: personName(to, people) }, ...inBulk(d)];
  },
  "claim.change_undone": (d, { people }) => [
    `undid a bulk change: the claim is ${status(d.restoredStatus)} again`,
    ...("restoredAssigneeId" in d && d.restoredAssigneeId !== null && d.restoredAssigneeId !== undefined
      ? [", assigned to ", { em: personName(d.restoredAssigneeId, people) }]
      : []),
  ],
  "claim.source_added": (d) => {
    const passage = typeof d.documentId === "number";
    const quote = text(d.quote);
    return passage
      ? [`linked a passage of `, ...sourceLabel(d), ` ${stancePhrase(d.stance)}`, ...(quote ? [`: ${quoted(quote)}`] : [])]
      : [`linked a source ${stancePhrase(d.stance)}: `, ...sourceLabel(d), ...(quote ? [` (quoted: ${quoted(quote)})`] : [])];
  },
  "claim.source_edited": (d) => {
    const from = (d.from ?? {}) as Details;
    const to = (d.to ?? {}) as Details;
    const changes: string[] = [];
    if (from.stance !== to.stance) changes.push(STANCE_NOW[String(to.stance)] ?? "its stance changed");
    if ((from.quote ?? null) !== (to.quote ?? null)) changes.push(to.quote ? "its quote changed" : "its quote removed");
    if ((from.note ?? null) !== (to.note ?? null)) changes.push(to.note ? "its note changed" : "its note removed");
    return ["edited the link to ", ...sourceLabel(d), changes.length ? `: ${changes.join(", ")}` : ""];
  },
  "claim.source_removed": (d) => ["removed the source ", ...sourceLabel(d)],
  "claim.created": () => ["added the claim by selecting it in the article"],
  "claim.dismissed": () => ["dismissed the claim as not worth checking"],
  "claim.restored": () => ["restored the claim for review"],
  "claim.fact_changed": (d) =>
    d.how === "merge"
      ? [`merged the claim's fact into fact ${String(d.to)}`]
      : d.how === "split"
        ? [`split the claim out of fact ${String(d.from)} into fact ${String(d.to)}`]
        : [
            d.from === null
              ? `put the claim in fact ${String(d.to)}`
              : `moved the claim from fact ${String(d.from)} to fact ${String(d.to)}`,
          ],
  "fact.merged": (d) => [
    `merged ${Array.isArray(d.merged) ? d.merged.map((id) => `fact ${String(id)}`).join(", ") : "facts"} into this fact`,
  ],
  "fact.split": (d) => [
    `split ${Array.isArray(d.claimIds) ? d.claimIds.length : "some"} claims out of this fact into fact ${String(d.into)}`,
  ],
  "fact.claim_moved": (d) => [
    d.from === null ? `put claim ${String(d.claimId)} in this fact` : `moved claim ${String(d.claimId)} here from fact ${String(d.from)}`,
  ],
  "fact.label_edited": (d) =>
    text(d.to) ? ["labelled the fact ", { em: text(d.to)! }] : ["gave the fact back the label of its clearest claim"],
  "fact.tagged": (d) => [
    `marked the fact ${status(d.status)} for ${Array.isArray(d.claimIds) ? d.claimIds.length : "its"} claims`,
    ...because(d.rationale),
  ],
  // One event per grouping run (before 2026-12-03, one per slice of 200 claims); a run that failed part way says so.
  "facts.grouped": (d) => [
    `grouped ${typeof d.claims === "number" ? d.claims : "new"} claims into facts${d.stopped === true ? ", then stopped: the others are in no fact yet" : ""}`,
  ],
  "facts.regrouped": (d) => [`grouped the project's facts again (${typeof d.kept === "number" ? d.kept : 0} claims placed by hand kept)`],
  "claim.suggestion_rejected": (d) => ["turned down a suggested passage", ...(text(d.title) ? [" of ", { em: text(d.title)! }] : [])],
  "document.imported": (d) => ["imported the article", ...importSummary(d)],
  "document.version_imported": (d) => [
    `imported version ${typeof d.version === "number" ? d.version : "a new version"} of the article`,
    ...importSummary(d),
  ],
  "document.details_edited": (d) => {
    const fields = Object.keys((d.changes ?? {}) as Details).map((key) => DOCUMENT_FIELDS[key] ?? key);
    return [`corrected the article's ${fields.length ? fields.join(", ") : "details"}`];
  },
  ...REVIEW_SENTENCES,
};

function importSummary(d: Details): Segment[] {
  const file = text(d.fileName);
  const claims = typeof d.claims === "number" ? `${d.claims} ${d.claims === 1 ? "claim" : "claims"} proposed` : null;
  const parts = [file ? `from ${file}` : null, claims].filter(Boolean);
  return parts.length ? [` (${parts.join(", ")})`] : [];
}

const DOCUMENT_FIELDS: Record<string, string> = {
  title: "title",
  outlet: "outlet",
  author: "author",
  url: "address",
  publishedAt: "publication date",
};

/** Names the CLI and setup scripts act under, in words. */
const SYSTEM_ACTORS: Record<string, string> = { cli: "Someone at the command line", "demo-seed": "The demo setup" };

export function actorDisplayName(event: Pick<HistoryEvent, "actorId" | "actorName">, ctx: HistoryContext = {}): string {
  if (event.actorId !== null) {
    const name = ctx.people?.get(event.actorId);
    if (name) return name;
  }
  if (event.actorName) return ctx.peopleByUsername?.get(event.actorName) ?? SYSTEM_ACTORS[event.actorName] ?? event.actorName;
  return "The system";
}

/** An action code in words: "claim.second_review_requested" -> "claim second review requested". */
export function actionInWords(action: string): string {
  return action.replace(/[._]+/g, " ").trim() || "an event";
}

/** One event as a line of history. */
export function describeEvent(event: HistoryEvent, ctx: HistoryContext = {}): HistoryLine {
  const describe = SENTENCES[event.action];
  const did = describe ? describe(event.details, { people: ctx.people ?? new Map() }) : [`recorded: ${actionInWords(event.action)}`];
  return {
    at: formatDateTime(event.createdAt, ctx.timeZone ?? DEFAULT_TIME_ZONE),
    actor: actorDisplayName(event, ctx),
    did: did.filter((segment) => segment !== ""),
  };
}

export function segmentsToText(segments: Segment[]): string {
  return segments.map((s) => (typeof s === "string" ? s : "em" in s ? s.em : s.text)).join("");
}

/** "Lucía Rivera marked the claim disputed (it was unverified): “…”" */
export function lineToText(line: HistoryLine, options: { withTime?: boolean } = {}): string {
  const sentence = `${line.actor} ${segmentsToText(line.did)}`;
  return options.withTime === false ? sentence : `${line.at} · ${sentence}`;
}
