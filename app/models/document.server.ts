import { createHash } from "node:crypto";
import { type Tx, getDb } from "../db.server";
import { type Anchor, reanchor } from "../lib/anchoring";
import { type ClaimCandidate, DEFAULT_CHECKWORTHINESS_THRESHOLD, extractClaims } from "../lib/extraction/extract";
import type { ParsedArticle } from "../lib/import/types";
import { appendAuditEvent } from "./audit.server";
import { type NewClaimRow, insertClaimRows } from "./claim-insert.server";
import { groupNewClaims } from "./fact-grouping.server";
import { scheduleIndexWarming } from "./project-index.server";
import type { Actor } from "./user.server";

export type ImportOutcome =
  | {
      status: "imported";
      documentId: number;
      title: string;
      claims: number;
      dismissed: number;
      version: number;
      reanchored: number;
      needsReanchoring: number;
    }
  | { status: "duplicate"; documentId: number; title: string; claims: number };

export function hashText(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

function overlapRatio(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap <= 0 ? 0 : overlap / Math.min(a.end - a.start, b.end - b.start);
}

export function claimRows(projectId: number, documentId: number, candidates: ClaimCandidate[], createdById: number | null): NewClaimRow[] {
  return candidates.map((c) => ({
    projectId,
    documentId,
    text: c.text,
    prefix: c.prefix,
    suffix: c.suffix,
    start: c.start,
    end: c.end,
    checkworthiness: c.checkworthiness,
    reasons: JSON.stringify(c.reasons),
    speaker: c.speaker,
    dismissed: c.dismissed,
    createdById,
  }));
}

export interface ImportArticleOptions {
  fileName: string | null;
  threshold: number | null;
  /** Claims already extracted (in the import worker thread); extracted here when absent. */
  candidates?: ClaimCandidate[];
  /** Runs inside the article's transaction: an import job records its item there, so a resumed job never stores an article twice. */
  onStored?: (tx: Tx, outcome: ImportOutcome) => Promise<void>;
  /**
   * False: the caller groups the claims into facts later, for many articles at once (an import
   * job: grouping reads the project's index, up to seconds per call, too much for each of 2,000 posts).
   */
  groupFacts?: boolean;
}

/**
 * Stores one parsed article in its own transaction. An exact duplicate of a
 * document in the project is reported and skipped. The same URL with different
 * text becomes a new version: the old version's claims are re-anchored into the
 * new text (exactly, else fuzzily) and those that cannot be placed are flagged
 * "needs re-anchoring", never dropped. Extraction runs before the transaction.
 */
export async function importArticle(
  projectId: number,
  article: ParsedArticle,
  meta: ImportArticleOptions,
  actor: Actor,
): Promise<ImportOutcome> {
  const textHash = hashText(article.text);
  const candidates = meta.candidates ?? extractClaims(article.text, meta.threshold ?? DEFAULT_CHECKWORTHINESS_THRESHOLD);
  const outcome = await getDb().$transaction(
    async (tx) => {
      const stored = await storeArticle(tx, { projectId, article, textHash, candidates, fileName: meta.fileName, actor });
      await meta.onStored?.(tx, stored);
      return stored;
    },
    { timeout: storeTimeoutMs(candidates.length) },
  );
  // The new article's claims join the facts other articles state, or start their own. Grouped once the
  // article is stored: the import stands if grouping fails, and the Facts view offers to group what is left.
  if (outcome.status === "imported" && meta.groupFacts !== false) {
    try {
      await groupNewClaims(projectId, { documentIds: [outcome.documentId] });
    } catch (error) {
      console.error(`facts: grouping the claims of document ${outcome.documentId} failed:`, error);
    }
    // What grouping had no time to read, and the new sentences' details, are read in the background.
    scheduleIndexWarming(projectId);
  }
  return outcome;
}

/**
 * The store yields the event loop between claim batches, so Prisma's 5 s transaction timeout
 * can now fire during a big article (it could not while the store held the loop). Measured:
 * about 8,000 claims a second on an idle core; the budget allows ten times that, and at least 30 s.
 */
function storeTimeoutMs(claims: number): number {
  return Math.max(30_000, Math.ceil(claims / 800) * 1_000);
}

async function storeArticle(
  tx: Tx,
  input: {
    projectId: number;
    article: ParsedArticle;
    textHash: string;
    candidates: ClaimCandidate[];
    fileName: string | null;
    actor: Actor;
  },
): Promise<ImportOutcome> {
  const { projectId, article, textHash, candidates, actor } = input;
  const duplicate = await tx.document.findFirst({
    where: { projectId, textHash },
    select: { id: true, title: true, _count: { select: { claims: { where: { dismissed: false } } } } },
  });
  if (duplicate) return { status: "duplicate" as const, documentId: duplicate.id, title: duplicate.title, claims: duplicate._count.claims };

  const previous = article.url
    ? await tx.document.findFirst({ where: { projectId, url: article.url, supersededAt: null }, orderBy: { version: "desc" } })
    : null;
  const document = await tx.document.create({
    data: {
      projectId,
      title: article.title,
      titleDerived: article.titleDerived ?? false,
      outlet: article.outlet,
      author: article.author,
      url: article.url,
      publishedAt: article.publishedAt,
      format: article.format,
      sourceFileName: input.fileName,
      text: article.text,
      sanitizedHtml: article.sanitizedHtml,
      textHash,
      version: previous ? previous.version + 1 : 1,
      previousVersionId: previous?.id ?? null,
      importedById: actor.id,
    },
    // Not the stored text back: reading a 3 MB article and its HTML back cost the loop a fifth of a second.
    select: { id: true, title: true, version: true },
  });

  let reanchored = 0;
  let needsReanchoring = 0;
  let fresh = candidates;
  if (previous) {
    await tx.document.update({ where: { id: previous.id }, data: { supersededAt: new Date() } });
    const moved = await moveClaimsToNewVersion(tx, previous.id, document.id, article.text);
    reanchored = moved.placed.length;
    needsReanchoring = moved.unplaced;
    // Sentences already covered by a carried-over claim are not proposed again.
    fresh = candidates.filter((candidate) => !moved.placed.some((placed) => overlapRatio(candidate, placed) > 0.5));
  }
  await insertClaimRows(tx, { source: fresh, toRows: (slice) => claimRows(projectId, document.id, slice, actor.id) });
  const proposed = fresh.filter((c) => !c.dismissed).length;
  await appendAuditEvent(tx, {
    projectId,
    actorId: actor.id,
    actorName: actor.name,
    ip: actor.ip,
    action: previous ? "document.version_imported" : "document.imported",
    targetType: "document",
    targetId: document.id,
    details: {
      title: document.title,
      fileName: input.fileName,
      format: article.format,
      textHash,
      claims: proposed,
      dismissedCandidates: fresh.length - proposed,
      ...(previous ? { previousDocumentId: previous.id, version: document.version, reanchored, needsReanchoring } : {}),
    },
  });
  const claims = await tx.claim.count({ where: { documentId: document.id, dismissed: false } });
  return {
    status: "imported" as const,
    documentId: document.id,
    title: document.title,
    claims,
    dismissed: fresh.length - proposed,
    version: document.version,
    reanchored,
    needsReanchoring,
  };
}

async function moveClaimsToNewVersion(tx: Tx, fromDocumentId: number, toDocumentId: number, newText: string) {
  const claims = await tx.claim.findMany({ where: { documentId: fromDocumentId } });
  const placed: Array<{ start: number; end: number }> = [];
  let unplaced = 0;
  for (const claim of claims) {
    const anchor: Anchor = { exact: claim.text, prefix: claim.prefix, suffix: claim.suffix, start: claim.start };
    const position = reanchor(newText, anchor);
    if (position) {
      placed.push(position);
      await tx.claim.update({
        where: { id: claim.id },
        data: {
          documentId: toDocumentId,
          text: position.exact,
          start: position.start,
          end: position.end,
          prefix: newText.slice(Math.max(0, position.start - 32), position.start),
          suffix: newText.slice(position.end, position.end + 32),
          anchorState: "anchored",
          version: { increment: 1 },
        },
      });
    } else {
      unplaced += 1;
      // Kept with its old quote, on the new version, in the visible "needs re-anchoring" list.
      await tx.claim.update({
        where: { id: claim.id },
        data: { documentId: toDocumentId, anchorState: "needs_reanchoring", version: { increment: 1 } },
      });
    }
  }
  return { placed, unplaced };
}

export async function listDocuments(projectId: number) {
  const documents = await getDb().document.findMany({
    where: { projectId, supersededAt: null },
    select: {
      id: true,
      title: true,
      outlet: true,
      author: true,
      url: true,
      publishedAt: true,
      format: true,
      version: true,
      importedAt: true,
      importedBy: { select: { displayName: true } },
      _count: { select: { claims: { where: { dismissed: false } } } },
    },
    orderBy: { importedAt: "desc" },
  });
  return documents.map(({ _count, ...d }) => ({ ...d, claimCount: _count.claims }));
}

/** The current or an earlier version of a document of this project, with its claims. */
export async function getDocumentForReader(projectId: number, documentId: number) {
  const document = await getDb().document.findFirst({
    where: { id: documentId, projectId },
    include: {
      importedBy: { select: { displayName: true } },
      nextVersion: { select: { id: true, version: true } },
      claims: { orderBy: { start: "asc" } },
    },
  });
  return document;
}

/** Current documents as filter options: only what a select needs. */
export function listDocumentOptions(projectId: number) {
  return getDb().document.findMany({
    where: { projectId, supersededAt: null },
    select: { id: true, title: true },
    orderBy: { title: "asc" },
  });
}

/** Projects with more documents than this get their document filter's options on demand. */
export const INLINE_DOCUMENT_OPTIONS = 100;

/**
 * The claims table's document filter. A small project's options come with the page;
 * a large one's would outweigh the table itself, so the page carries only the selected
 * document and the browser fetches the rest once (`complete: false`).
 */
export async function documentFilterOptions(projectId: number, selectedId: number | undefined) {
  const db = getDb();
  // Plain SQL: the claims page asks this on every request.
  const options = await db.$queryRaw<Array<{ id: number; title: string }>>`
    SELECT "id", "title" FROM "Document" WHERE "projectId" = ${projectId} AND "supersededAt" IS NULL
    ORDER BY "title", "id" LIMIT ${INLINE_DOCUMENT_OPTIONS + 1}`;
  if (options.length <= INLINE_DOCUMENT_OPTIONS) return { options, complete: true };
  const selected = selectedId
    ? await db.document.findFirst({ where: { id: selectedId, projectId }, select: { id: true, title: true } })
    : null;
  return { options: selected ? [selected] : [], complete: false };
}

export function countDocuments(projectId: number) {
  return getDb().document.count({ where: { projectId, supersededAt: null } });
}
