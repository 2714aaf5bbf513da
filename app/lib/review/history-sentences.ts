import type { Describe } from "../history";
import { quoted, shortenAtWord } from "../text";
import {
  ADJUDICATION_ACTION,
  APPROVAL_ACTION,
  COMMENT_ADDED_ACTION,
  COMMENT_DELETED_ACTION,
  COMMENT_EDITED_ACTION,
  PROPOSAL_ACTION,
  REOPEN_ACTION,
  SECOND_REVIEWER_ACTION,
  SECOND_REVIEW_ACTION,
} from "./audit-actions";

// The editorial review's audit events as sentences (app/lib/history.ts reads them with its
// own). A proposal hidden from the viewer (app/lib/review/blind-history.ts) says only that
// a verdict was proposed. Comment edits and deletions name no text here: the thread shows
// the comment as it is now, the audit trail keeps every version.

const STATUSES = new Set(["confirmed", "disputed", "unverified"]);
const status = (value: unknown) => (STATUSES.has(String(value)) ? String(value) : "an unknown status");
const because = (value: unknown): string => (typeof value === "string" && value.trim() ? `: ${quoted(value)}` : "");
const personName = (id: unknown, people: ReadonlyMap<number, string>) =>
  typeof id === "number" ? (people.get(id) ?? `a former member (user ${id})`) : "nobody";

export const REVIEW_SENTENCES: Record<string, Describe> = {
  [PROPOSAL_ACTION]: (d) => {
    if (d.hidden === true) return ["proposed a verdict (hidden until the second review)"];
    return d.revision === true
      ? [`revised the proposed verdict: ${status(d.status)}${because(d.rationale)}`]
      : [`proposed the verdict ${status(d.status)}${because(d.rationale)}`];
  },
  [SECOND_REVIEW_ACTION]: (d) => {
    const seen = d.blind === false ? " (having seen the proposal)" : "";
    return d.outcome === "agreed"
      ? [
          `gave the second review${seen}: ${status(d.status)}, agreeing with the proposal; the claim is now ${status(d.status)}${because(d.rationale)}`,
        ]
      : [
          `gave the second review${seen}: ${status(d.status)}, against the proposed ${status(d.firstStatus)}; it goes to an editor${because(d.rationale)}`,
        ];
  },
  [ADJUDICATION_ACTION]: (d) => [
    `adjudicated the disagreement (the reviewers said ${status(d.firstStatus)} and ${status(d.secondStatus)}): the claim is ${status(d.status)}${because(d.rationale)}`,
  ],
  [APPROVAL_ACTION]: (d) => [`approved the verdict ${status(d.status)}${d.bulk === true ? " in a bulk approval" : ""}; it is locked`],
  [REOPEN_ACTION]: (d) => [`reopened the approved verdict${because(d.reason)}`],
  [SECOND_REVIEWER_ACTION]: (d, { people }) =>
    d.to === null || d.to === undefined
      ? ["removed the named second reviewer"]
      : ["asked ", { em: personName(d.to, people) }, " for the second review"],
  [COMMENT_ADDED_ACTION]: (d) => [`commented${typeof d.text === "string" ? `: ${quoted(shortenAtWord(d.text, 140))}` : ""}`],
  [COMMENT_EDITED_ACTION]: () => ["edited a comment"],
  [COMMENT_DELETED_ACTION]: () => ["deleted a comment"],
};
