import { getDb } from "../db.server";
import { locateQuote, quoteSelector } from "../lib/anchoring";
import { scoreSentence } from "../lib/extraction/checkworthiness";
import { segmentSentences } from "../lib/extraction/sentences";
import { resolveSpeakers } from "../lib/extraction/speaker";
import type { Reason } from "../lib/extraction/checkworthiness";
import { AppError, staleVersionError } from "../lib/app-error";
import { claimDecision } from "./claim-decision.server";
import { writeProject } from "./unit-of-work.server";
import { regroupClaim } from "./fact-grouping.server";
import type { Actor } from "./user.server";
import type { ClaimStatus } from "../lib/claim-status";

export function parseReasons(json: string): Reason[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? (value as Reason[]) : [];
  } catch {
    return [];
  }
}

export interface ClaimFilter {
  statuses?: ClaimStatus[];
  /** Editorial review states (absent: any). */
  reviewStates?: string[];
  includeDismissed?: boolean;
  documentId?: number;
  take?: number;
  skip?: number;
}

export async function listClaims(projectId: number, filter: ClaimFilter = {}) {
  const claims = await getDb().claim.findMany({
    where: {
      projectId,
      ...(filter.includeDismissed ? {} : { dismissed: false }),
      ...(filter.statuses?.length ? { status: { in: filter.statuses } } : {}),
      ...(filter.reviewStates?.length ? { reviewState: { in: filter.reviewStates } } : {}),
      ...(filter.documentId ? { documentId: filter.documentId } : {}),
    },
    include: { document: { select: { id: true, title: true } } },
    orderBy: [{ documentId: "asc" }, { start: "asc" }],
    take: filter.take,
    skip: filter.skip,
  });
  return claims.map((claim) => ({ ...claim, reasons: parseReasons(claim.reasons) }));
}

/** A claim with what its review page and panel show about it. */
export async function claimForReview(projectId: number, claimId: number) {
  const claim = await getDb().claim.findFirst({
    where: { id: claimId, projectId },
    include: {
      document: { select: { id: true, title: true, url: true, outlet: true } },
      assignee: { select: { id: true, displayName: true } },
      lastChangedBy: { select: { displayName: true } },
      createdBy: { select: { displayName: true } },
    },
  });
  if (!claim) return null;
  return { ...claim, reasons: parseReasons(claim.reasons), decision: await claimDecision(projectId, claim.decisionSeq) };
}

/** Whether any claim of the project lost its place in a new version of its article. */
export async function hasClaimsNeedingReanchoring(projectId: number): Promise<boolean> {
  // No ORDER BY: with one, SQLite walks the position index over every claim of the project.
  const claim = await getDb().claim.findFirst({ where: { projectId, anchorState: "needs_reanchoring" }, select: { id: true } });
  return claim !== null;
}

const MAX_CLAIM_LENGTH = 3000;

/**
 * Adds a claim a person marked in the reader. The range must lie inside the
 * document's text; it is trimmed of surrounding white space, scored like an
 * extracted sentence and given a speaker where the text states one.
 */
interface AddManualClaimBase {
  projectId: number;
  documentId: number;
  actor: Actor;
}

/** The passage is given by its offsets in the document's text (a selection) or by its exact words (a quote). */
export type AddManualClaimOptions =
  (AddManualClaimBase & { range: { start: number; end: number }; quote?: never }) | (AddManualClaimBase & { quote: string; range?: never });

/**
 * Refusals are invalid_input errors naming the field they are about: `selection` for a
 * range, `quote` for quoted words.
 */
export async function addManualClaim(options: AddManualClaimOptions) {
  const { projectId, documentId, actor } = options;
  const field = options.quote === undefined ? "selection" : "quote";
  const refuse = (message: string) => new AppError("invalid_input", message, { field });
  return writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged, afterCommit }) => {
    const document = await tx.document.findFirst({
      where: { id: documentId, projectId },
      select: { id: true, text: true, supersededAt: true },
    });
    if (!document) return null;
    if (document.supersededAt) throw refuse("This is an earlier version of the article; add claims to the current version.");
    const found = options.range !== undefined ? options.range : locateQuote(document.text, options.quote);
    if (found === null) throw refuse("That text does not appear in the article exactly as pasted.");
    if (found === "ambiguous") throw refuse("That text appears more than once; paste a longer passage.");
    let { start, end } = found;
    if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end <= document.text.length && start < end)) {
      throw refuse("The selection is not inside the article's text.");
    }
    while (start < end && /\s/.test(document.text[start]!)) start += 1;
    while (end > start && /\s/.test(document.text[end - 1]!)) end -= 1;
    if (end - start < 3) throw refuse("Select at least a few words.");
    if (end - start > MAX_CLAIM_LENGTH) throw refuse(`A claim can be at most ${MAX_CLAIM_LENGTH} characters.`);
    const duplicate = await tx.claim.findFirst({ where: { documentId, start, end } });
    if (duplicate && !duplicate.dismissed) throw refuse("That passage is already a claim.");
    const text = document.text.slice(start, end);
    const sentences = segmentSentences(text);
    const scores = sentences.map((s) => scoreSentence(s));
    const best = scores.sort((a, b) => b.score - a.score)[0] ?? { score: 0, reasons: [] };
    const data = {
      text,
      ...quoteSelector(document.text, start, end),
      start,
      end,
      checkworthiness: best.score,
      reasons: JSON.stringify(best.reasons),
      speaker: resolveSpeakers(sentences, { outlets: [] }).find((speaker) => speaker !== null) ?? null,
      origin: "manual",
      dismissed: false,
      anchorState: "anchored",
    };
    // Marking a dismissed candidate again restores it rather than duplicating it.
    const claim = duplicate
      ? await tx.claim.update({ where: { id: duplicate.id }, data: { dismissed: false, version: { increment: 1 } } })
      : await tx.claim.create({ data: { ...data, projectId, documentId, createdById: actor.id } });
    await audit({
      action: duplicate ? "claim.restored" : "claim.created",
      targetType: "claim",
      targetId: claim.id,
      details: { documentId, start, end, text: text.slice(0, 300) },
    });
    claimsChanged([claim.id], `${actor.name} added claim ${claim.id}`);
    afterCommit(() => regroupClaim(projectId, claim.id));
    return claim;
  });
}

/** Dismisses a claim or restores a dismissed candidate; refused if the claim changed since `expectedVersion`. */
export interface SetClaimDismissedOptions {
  projectId: number;
  claimId: number;
  dismissed: boolean;
  expectedVersion: number | null;
  actor: Actor;
}

export async function setClaimDismissed(options: SetClaimDismissedOptions) {
  const { projectId, claimId, dismissed, expectedVersion, actor } = options;
  return writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged, afterCommit }) => {
    const claim = await tx.claim.findFirst({ where: { id: claimId, projectId } });
    if (!claim) return null;
    if (expectedVersion !== null && claim.version !== expectedVersion) throw staleVersionError({ version: claim.version });
    if (claim.dismissed === dismissed) return claim;
    const updated = await tx.claim.update({ where: { id: claim.id }, data: { dismissed, version: { increment: 1 } } });
    await audit({
      action: dismissed ? "claim.dismissed" : "claim.restored",
      targetType: "claim",
      targetId: claim.id,
      details: { text: claim.text.slice(0, 300) },
    });
    claimsChanged([claim.id], `${actor.name} ${dismissed ? "dismissed" : "restored"} claim ${claim.id}`);
    afterCommit(() => regroupClaim(projectId, claim.id));
    return updated;
  });
}
