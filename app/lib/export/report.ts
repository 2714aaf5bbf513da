import { z } from "zod";
import { REVIEW_STATES } from "../review/review-state";

// The audit report's data. The zod schemas are the single definition: the JSON export
// is checked against them in tests and docs/report.schema.json is generated from them.

export const REPORT_VERSION = 2;

const isoDate = z.string().describe("ISO 8601 date and time, UTC");

export const historyEntrySchema = z.object({
  at: isoDate,
  actor: z.string().nullable().describe("username recorded with the event"),
  actorId: z.number().int().nullable(),
  actorName: z.string().describe("the actor's display name"),
  action: z.string().describe("event code, e.g. claim.status_changed"),
  details: z.record(z.string(), z.unknown()).describe("the event's details as recorded in the audit trail"),
  text: z.string().describe("the event as a sentence, with its time in the project's time zone"),
});

export const reportSourceSchema = z.object({
  url: z.string().nullable(),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  stance: z.enum(["supports", "refutes", "context"]),
  quote: z.string().nullable(),
  note: z.string().nullable(),
  addedBy: z.string().nullable(),
  addedAt: isoDate,
  documentId: z.number().int().nullable(),
});

const reviewStepSchema = z.object({
  status: z.enum(["unverified", "confirmed", "disputed"]),
  rationale: z.string().nullable(),
  by: z.string().nullable().describe("username"),
  byName: z.string().nullable().describe("display name"),
  at: isoDate,
});

export const reportReviewSchema = z
  .object({
    state: z.enum(REVIEW_STATES).describe("the claim's editorial review state; none when it was never reviewed twice"),
    round: z.number().int().describe("the review round behind the current state (0: none)"),
    proposal: reviewStepSchema.nullable().describe("the first reviewer's verdict of that round"),
    proposalHidden: z
      .boolean()
      .describe("true when a proposal waits for its second review and the report's reader may not see it (blind second review)"),
    secondReview: reviewStepSchema.nullable().describe("the second reviewer's independent verdict"),
    adjudication: reviewStepSchema.nullable().describe("the editor's final verdict when the reviewers disagreed"),
    approval: z
      .object({ by: z.string().nullable(), byName: z.string().nullable(), at: isoDate })
      .nullable()
      .describe("the editor's sign-off; an approved verdict is locked until reopened"),
  })
  .describe("proposal, second review, adjudication and approval, with who and when");

const claimStatusSchema = z.enum(["unverified", "confirmed", "disputed"]);

export const reportFactVersionSchema = z.object({
  claimId: z.number().int(),
  documentId: z.number().int(),
  documentTitle: z.string(),
  outlet: z.string().nullable(),
  sameArticle: z.boolean().describe("true for another passage of the claim's own article (a figure and its counter-figure)"),
  text: z.string(),
  status: claimStatusSchema.describe("that claim's current verdict"),
  differences: z
    .array(
      z.object({
        kind: z.enum(["money", "percentage", "number", "duration", "time", "date", "name"]),
        here: z.string().describe("the value as this claim states it"),
        there: z.string().describe("the value as the other claim states it"),
      }),
    )
    .describe("the details this version states differently from the claim; empty when it agrees on every detail"),
});

export const reportFactSchema = z
  .object({
    id: z.number().int(),
    label: z.string().describe("the fact's label: an editor's wording or its clearest claim"),
    outlets: z.number().int().describe("how many outlets state the fact (an article without an outlet counts as one)"),
    others: z.array(reportFactVersionSchema).describe("the fact's other claims, article by article"),
    othersLeftOut: z.number().int().describe("other claims of the fact not listed, beyond the report's limit per claim"),
  })
  .describe("the other versions of the claim's fact, so a reader sees what each outlet said");

export const reportCommentSchema = z.object({
  id: z.number().int(),
  author: z.string().nullable().describe("username; null for a former user"),
  authorName: z.string().nullable().describe("display name"),
  text: z.string().nullable().describe("null once deleted (the audit trail keeps it)"),
  at: isoDate,
  editedAt: isoDate.nullable(),
  deletedAt: isoDate.nullable(),
});

export const reportClaimSchema = z.object({
  id: z.number().int(),
  text: z.string(),
  speaker: z.string().nullable(),
  status: claimStatusSchema,
  rationale: z.string().nullable(),
  decidedBy: z
    .string()
    .nullable()
    .describe("username of who set the current status (a tag, a bulk status change, or the decision an undo restored); null if nobody has"),
  decidedByName: z.string().nullable().describe("that person's display name"),
  decidedAt: isoDate.nullable().describe("when the current status was set"),
  decisionEvent: z
    .object({
      id: z.number().int().describe("the audit event's id"),
      seq: z.number().int().describe("its number in the project's audit chain (at most integrity.events)"),
      hash: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .describe("its SHA-256 hash in the chain"),
    })
    .nullable()
    .describe("the audit event that set the current status; `claimdesk report verify` recomputes it from the trail"),
  version: z.number().int(),
  checkworthiness: z.number(),
  factId: z
    .number()
    .int()
    .nullable()
    .describe("the fact the claim belongs to: claims of the project's articles stating the same thing (claimdesk facts)"),
  fact: reportFactSchema.nullable().optional().describe("absent in CSV-like exports and reports written before facts"),
  document: z.object({
    id: z.number().int(),
    title: z.string(),
    url: z.string().nullable(),
    outlet: z.string().nullable(),
    publishedAt: isoDate.nullable(),
  }),
  review: reportReviewSchema.optional().describe("absent only in reports written before editorial review"),
  sources: z.array(reportSourceSchema),
  history: z.array(historyEntrySchema),
  comments: z.array(reportCommentSchema).optional().describe("the claim's discussion, oldest first; only when the report includes it"),
});

export const reportHeaderSchema = z.object({
  version: z.literal(REPORT_VERSION),
  project: z.object({
    slug: z.string(),
    name: z.string(),
    publisherName: z.string().nullable(),
    publisherUrl: z.string().nullable(),
    timeZone: z.string().describe("IANA time zone the report's text gives times in"),
  }),
  generatedAt: isoDate,
  generatedBy: z.string(),
  filters: z.record(z.string(), z.unknown()),
  includes: z
    .object({
      comments: z.boolean().describe("each claim's discussion is in the report"),
      groupByFact: z
        .boolean()
        .optional()
        .describe("the HTML or PDF report groups the claims by fact (absent when not; JSON and CSV keep one entry per claim)"),
    })
    .optional()
    .describe("optional parts the report was made with"),
  summary: z.object({ total: z.number().int(), unverified: z.number().int(), confirmed: z.number().int(), disputed: z.number().int() }),
  period: z.object({ from: isoDate.nullable(), to: isoDate.nullable() }),
  reviewers: z
    .array(
      z.object({
        name: z.string().describe("display name"),
        username: z.string().nullable(),
        decisions: z.number().int().describe("claims in this report whose current status this person set"),
      }),
    )
    .describe("everyone credited with a verdict in this report"),
  people: z
    .array(z.object({ id: z.number().int(), username: z.string(), name: z.string() }))
    .describe("members and everyone who acted in the project, to read user ids in history details"),
  integrity: z
    .object({
      chain: z.string().describe("the project's audit chain"),
      events: z.number().int().describe("the chain's head event when the report was made: the report states the trail up to it"),
      headHash: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .describe("that event's SHA-256 hash"),
      verify: z.string().describe("the command that checks this report against the live trail"),
    })
    .describe("what ties the report to the tamper-evident audit trail"),
});

export const reportSchema = reportHeaderSchema.extend({ claims: z.array(reportClaimSchema) });

export type ReportClaim = z.infer<typeof reportClaimSchema>;
export type ReportHeader = z.infer<typeof reportHeaderSchema>;
export type ReportSource = z.infer<typeof reportSourceSchema>;
export type ReportReview = z.infer<typeof reportReviewSchema>;
export type ReportFact = z.infer<typeof reportFactSchema>;
export type ReportFactVersion = z.infer<typeof reportFactVersionSchema>;
export type ReportComment = z.infer<typeof reportCommentSchema>;

export const EXPORT_FORMATS = ["csv", "json", "claimreview", "html", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
  claimreview: "application/ld+json; charset=utf-8",
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
};
export const FILE_EXTENSIONS: Record<ExportFormat, string> = { csv: "csv", json: "json", claimreview: "jsonld", html: "html", pdf: "pdf" };
