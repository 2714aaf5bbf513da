import type { ActionResult } from "./action-result";
import type { ClaimQuery } from "./claim-query";
import type { ClaimStatus } from "./claim-status";
import type { Reason } from "./extraction/reasons";
import type { HistoryLine } from "./history";
import type { Difference, Relation } from "./matching/details";
import type { ReviewView } from "./review/review-view";
import type { ProjectRole } from "./roles";
import type { Stance } from "./stances";
import type { ArticleContext } from "./claim-context";
import type { TablePreferences } from "./table-preferences";

// What the review pages send to the browser, shared by the loaders (which check their
// answers against these with `satisfies`) and the components (which take the parts they
// need as props). Client-safe: types only, no server code.

/** The project as the review pages need it. */
export interface ProjectSummary {
  id: number;
  slug: string;
  name: string;
  requireSourceForVerdict: boolean;
  timeZone: string;
}

/** A member, as others see them: display names only. */
export interface Person {
  id: number;
  displayName: string;
}

/** One row of the claims table. */
export interface ClaimRow {
  id: number;
  text: string;
  speaker: string | null;
  status: string;
  rationale: string | null;
  checkworthiness: number;
  sourceCount: number;
  version: number;
  dismissed: boolean;
  lastChangedAt: string;
  /** The editorial review state (the proposal itself never reaches the table). */
  reviewState: string;
  document: { id: number; title: string };
  assignee: Person | null;
  /** Who set the verdict and when; null while nobody has decided. */
  decision: { displayName: string; at: string } | null;
  /** The claim's fact and how many outlets state it; null while it is in none. */
  fact: { id: number; outlets: number } | null;
}

/**
 * A row of the claims table as the server builds it: ClaimRow before the loader turns its
 * dates into ISO strings (`lastChangedAt`, `decision.at`) for the browser.
 */
export type ClaimRowOnServer = Omit<ClaimRow, "lastChangedAt" | "decision"> & {
  lastChangedAt: Date;
  decision: (Omit<NonNullable<ClaimRow["decision"]>, "at"> & { at: Date }) | null;
};

/** The claims page: one page of rows and everything the table's controls offer. */
export interface ClaimsPage {
  project: ProjectSummary;
  role: ProjectRole;
  query: ClaimQuery;
  viewerId: number;
  rows: ClaimRow[];
  total: number;
  counts: Record<ClaimStatus, number>;
  documents: Array<{ id: number; title: string }>;
  /** False in a large project: the full document list is fetched separately. */
  documentsComplete: boolean;
  members: Person[];
  preferences: TablePreferences;
  canTag: boolean;
  canBulk: boolean;
  canAssign: boolean;
  canImport: boolean;
  /** Second review is on: the table shows the review state column and filter. */
  secondReview: boolean;
  canApprove: boolean;
  /** Whether the project has any (current) article, so an empty table can say whether to import or to widen the filters. */
  hasDocuments: boolean;
}

/** A claim with what its page and the table's panel show. */
export interface ClaimDetail {
  id: number;
  text: string;
  speaker: string | null;
  status: string;
  rationale: string | null;
  checkworthiness: number;
  version: number;
  start: number;
  end: number;
  lastChangedAt: Date;
  document: { id: number; title: string; url: string | null; outlet: string | null };
  assignee: Person | null;
  reasons: Reason[];
  decision: { displayName: string; at: Date } | null;
}

export interface SourceLinkView {
  id: number;
  stance: string;
  quote: string | null;
  note: string | null;
  addedBy: string | null;
  addedAt: string;
  source: {
    id: number;
    url: string | null;
    title: string | null;
    outlet: string | null;
    author: string | null;
    publishedAt: string | null;
    accessedAt: string | null;
    /** Set when the source is a passage of another imported article. */
    documentId: number | null;
  };
}

/** One line of a claim's history, in sentences. */
export interface HistoryItem {
  id: number;
  iso: string;
  line: HistoryLine;
}

/** The claim page (and the table's side panel, which loads the same route). */
export interface ClaimPage {
  project: ProjectSummary;
  role: ProjectRole;
  claim: ClaimDetail;
  /** The claim in its article (null when it lost its place in a new version). */
  context: ArticleContext | null;
  history: HistoryItem[];
  members: Person[];
  /** Others who have the claim open now. */
  viewers: string[];
  sources: SourceLinkView[];
  requireSource: boolean;
  canAddSource: boolean;
  canTag: boolean;
  canAssign: boolean;
  /** The claim's editorial review as this viewer may see it (a blind reviewer gets no pending proposal). */
  review: ReviewView;
  secondReview: boolean;
  canAdjudicate: boolean;
  canApprove: boolean;
}

/** A passage of another article that states the same fact as a claim ("Find in other articles"). */
export interface Suggestion {
  documentId: number;
  documentTitle: string;
  start: number;
  end: number;
  text: string;
  score: number;
  relation: Relation;
  differences: Difference[];
}

/** The stance a suggestion's relation proposes when it is linked as a source. */
export const STANCE_OF_RELATION: Record<Relation, Stance> = { corroborates: "supports", contradicts: "refutes", related: "context" };

/** What the claim route's forms answer. */
export type ClaimFormResult = ActionResult<{ intent: string }>;

/** What the claims table's own forms answer. */
export type TableFormResult = ActionResult<{
  intent: string;
  preview?: { matched: number; willChange: number };
  bulk?: { operationId: number; changed: number; undoUntil: string };
  undone?: { restored: number; skipped: number };
  /** Bulk approval: claims matched, approved (or, in a preview, approvable), and left alone by reason. */
  approval?: { matched: number; approved: number; skipped: Record<string, number> };
}>;

/** "Find in other articles": the passages, and a note when the search was cut short or articles are still being read. */
export type SuggestionsResult = ActionResult<{ suggestions: Suggestion[]; note: string | null }>;
