import { type Tx, getDb } from "../db.server";
import { AppError, staleVersionError } from "../lib/app-error";
import { type SearchQuery, parseSearchQuery } from "../lib/search-query";
import { normalizeSourceUrl } from "../lib/source-url";
import type { Stance } from "../lib/stances";
import { type ProjectWrite, writeProject } from "./unit-of-work.server";
import { fullTextMatch } from "./full-text.server";
import type { Actor } from "./user.server";

export interface ExternalSourceInput {
  url: string;
  stance: Stance;
  title?: string | null;
  outlet?: string | null;
  author?: string | null;
  publishedAt?: Date | null;
  accessedAt?: Date | null;
  quote?: string | null;
  note?: string | null;
}

const clean = (value: string | null | undefined) => (value && value.trim() !== "" ? value.trim() : null);

async function refreshSourceCount(tx: Tx, claimId: number, actor: Actor) {
  const count = await tx.claimSource.count({ where: { claimId, removedAt: null } });
  await tx.claim.update({
    where: { id: claimId },
    data: { sourceCount: count, version: { increment: 1 }, lastChangedAt: new Date(), lastChangedById: actor.id },
  });
}

async function claimInProject(tx: Tx, projectId: number, claimId: number, expectedVersion: number | null) {
  const claim = await tx.claim.findFirst({ where: { id: claimId, projectId }, select: { id: true, version: true } });
  if (!claim) return null;
  if (expectedVersion !== null && claim.version !== expectedVersion) throw staleVersionError({ version: claim.version });
  return claim;
}

interface LinkSourceOptions {
  write: ProjectWrite;
  claimId: number;
  sourceId: number;
  link: { stance: Stance; quote: string | null; note: string | null; passageStart?: number | null; passageEnd?: number | null };
  actor: Actor;
  /** What the audit event says about the source (its address or article). */
  describe: Record<string, unknown>;
}

async function linkSource({ write, claimId, sourceId, link, actor, describe }: LinkSourceOptions) {
  const { tx } = write;
  const existing = await tx.claimSource.findFirst({ where: { claimId, sourceId, removedAt: null } });
  if (existing) throw new AppError("invalid_input", "This source is already linked to the claim; edit that link instead.");
  const created = await tx.claimSource.create({
    data: {
      claimId,
      sourceId,
      stance: link.stance,
      quote: link.quote,
      note: link.note,
      passageStart: link.passageStart ?? null,
      passageEnd: link.passageEnd ?? null,
      addedById: actor.id,
    },
  });
  await refreshSourceCount(tx, claimId, actor);
  await write.audit({
    action: "claim.source_added",
    targetType: "claim",
    targetId: claimId,
    details: { linkId: created.id, sourceId, stance: link.stance, quote: link.quote, ...describe },
  });
  return created;
}

/**
 * Links an external page to a claim. The address is validated and normalized; a page
 * already known in the project is the same source record, and missing details
 * (title, outlet...) are filled in from this submission.
 */
export interface AddExternalSourceOptions {
  projectId: number;
  claimId: number;
  source: ExternalSourceInput;
  actor: Actor;
  /** Refuse if the claim changed since this version; null links to whatever is current. */
  expectedVersion?: number | null;
}

export async function addExternalSource(options: AddExternalSourceOptions) {
  const { projectId, claimId, source: input, actor, expectedVersion = null } = options;
  const normalized = normalizeSourceUrl(input.url);
  if (!normalized.ok) throw new AppError("invalid_input", normalized.error);
  return writeProject({ projectId, actor }, async (write) => {
    const { tx } = write;
    const claim = await claimInProject(tx, projectId, claimId, expectedVersion);
    if (!claim) return null;
    const known = await tx.source.findUnique({ where: { projectId_url: { projectId, url: normalized.url } } });
    const details = {
      title: clean(input.title),
      outlet: clean(input.outlet),
      author: clean(input.author),
      publishedAt: input.publishedAt ?? null,
      accessedAt: input.accessedAt ?? new Date(),
    };
    const source = known
      ? await tx.source.update({
          where: { id: known.id },
          data: {
            title: known.title ?? details.title,
            outlet: known.outlet ?? details.outlet,
            author: known.author ?? details.author,
            publishedAt: known.publishedAt ?? details.publishedAt,
          },
        })
      : await tx.source.create({ data: { projectId, url: normalized.url, ...details, createdById: actor.id } });
    const link = await linkSource({
      write,
      claimId,
      sourceId: source.id,
      link: { stance: input.stance, quote: clean(input.quote), note: clean(input.note) },
      actor,
      describe: { url: normalized.url, title: source.title },
    });
    write.claimsChanged([claimId], `${actor.name} linked a source to claim ${claimId}`);
    return link;
  });
}

/** Links a passage of another imported article as a source of the claim. */
export interface AddPassageSourceOptions {
  projectId: number;
  claimId: number;
  passage: { documentId: number; start: number; end: number; stance: Stance; note?: string | null };
  actor: Actor;
}

export async function addPassageSource(options: AddPassageSourceOptions) {
  const { projectId, claimId, passage: input, actor } = options;
  return writeProject({ projectId, actor }, async (write) => {
    const { tx } = write;
    const claim = await tx.claim.findFirst({ where: { id: claimId, projectId }, select: { id: true, documentId: true } });
    const document = await tx.document.findFirst({
      where: { id: input.documentId, projectId },
      select: { id: true, title: true, url: true, outlet: true, author: true, publishedAt: true, text: true },
    });
    if (!claim || !document) return null;
    if (document.id === claim.documentId)
      throw new AppError("invalid_input", "A claim cannot be its own source; choose a passage of another article.");
    if (!(input.start >= 0 && input.end <= document.text.length && input.start < input.end))
      throw new AppError("invalid_input", "The passage is not inside the article.");
    const known = document.url
      ? await tx.source.findUnique({ where: { projectId_url: { projectId, url: document.url } } })
      : await tx.source.findFirst({ where: { projectId, documentId: document.id } });
    const source =
      known ??
      (await tx.source.create({
        data: {
          projectId,
          url: document.url,
          documentId: document.id,
          title: document.title,
          outlet: document.outlet,
          author: document.author,
          publishedAt: document.publishedAt,
          accessedAt: new Date(),
          createdById: actor.id,
        },
      }));
    if (!source.documentId) await tx.source.update({ where: { id: source.id }, data: { documentId: document.id } });
    const quote = document.text.slice(input.start, input.end);
    const link = await linkSource({
      write,
      claimId,
      sourceId: source.id,
      link: { stance: input.stance, quote, note: clean(input.note), passageStart: input.start, passageEnd: input.end },
      actor,
      describe: { documentId: document.id, title: document.title, url: document.url },
    });
    write.claimsChanged([claimId], `${actor.name} linked a passage to claim ${claimId}`);
    return link;
  });
}

async function linkInProject(tx: Tx, projectId: number, linkId: number) {
  return tx.claimSource.findFirst({
    where: { id: linkId, removedAt: null, claim: { projectId } },
    include: { source: { select: { url: true, title: true } } },
  });
}

export interface EditSourceLinkOptions {
  projectId: number;
  linkId: number;
  change: { stance: Stance; quote: string | null; note: string | null };
  actor: Actor;
}

export async function editSourceLink(options: EditSourceLinkOptions) {
  const { projectId, linkId, change, actor } = options;
  return writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }) => {
    const link = await linkInProject(tx, projectId, linkId);
    if (!link) return null;
    const next = { stance: change.stance, quote: clean(change.quote), note: clean(change.note) };
    const updatedLink = await tx.claimSource.update({ where: { id: linkId }, data: next });
    await tx.claim.update({
      where: { id: link.claimId },
      data: { version: { increment: 1 }, lastChangedAt: new Date(), lastChangedById: actor.id },
    });
    await audit({
      action: "claim.source_edited",
      targetType: "claim",
      targetId: link.claimId,
      details: { linkId, url: link.source.url, from: { stance: link.stance, quote: link.quote, note: link.note }, to: next },
    });
    claimsChanged([link.claimId], `${actor.name} edited a source of claim ${link.claimId}`);
    return updatedLink;
  });
}

/** Unlinks a source; the link stays, marked removed, so the history keeps it. */
export async function removeSourceLink(options: { projectId: number; linkId: number; actor: Actor }) {
  const { projectId, linkId, actor } = options;
  return writeProject({ projectId, actor }, async ({ tx, audit, claimsChanged }) => {
    const link = await linkInProject(tx, projectId, linkId);
    if (!link) return null;
    await tx.claimSource.update({ where: { id: linkId }, data: { removedAt: new Date(), removedById: actor.id } });
    await refreshSourceCount(tx, link.claimId, actor);
    await audit({
      action: "claim.source_removed",
      targetType: "claim",
      targetId: link.claimId,
      details: { linkId, url: link.source.url, title: link.source.title, stance: link.stance },
    });
    claimsChanged([link.claimId], `${actor.name} removed a source of claim ${link.claimId}`);
    return link;
  });
}

export function listClaimSources(projectId: number, claimId: number) {
  return getDb().claimSource.findMany({
    where: { claimId, removedAt: null, claim: { projectId } },
    include: { source: true, addedBy: { select: { displayName: true } } },
    orderBy: { addedAt: "asc" },
  });
}

/**
 * The ids of the project's sources matching a search: by title, outlet, author or address,
 * or, for a passage source, by the text of its imported article (full-text, stemmed).
 */
async function sourcesMatching(projectId: number, query: SearchQuery): Promise<number[]> {
  const rows = await getDb().$queryRaw<Array<{ id: number }>>`
    SELECT s."id" FROM "Source" s
    WHERE s."projectId" = ${projectId}
      AND (${fullTextMatch("source", "s", query)}
        OR s."documentId" IN (SELECT d."id" FROM "Document" d WHERE d."projectId" = ${projectId} AND ${fullTextMatch("document", "d", query)}))`;
  return rows.map((row) => Number(row.id));
}

/** Every source of the project (or those matching `q`) with how many claims it supports, refutes or gives context to. */
export async function listProjectSources(projectId: number, options: { q?: string } = {}) {
  const search = options.q ? parseSearchQuery(options.q) : null;
  const sources = await getDb().source.findMany({
    where: { projectId, ...(search ? { id: { in: await sourcesMatching(projectId, search) } } : {}) },
    include: { links: { where: { removedAt: null }, select: { stance: true, claimId: true } }, document: { select: { id: true } } },
    orderBy: { createdAt: "desc" },
  });
  return sources.map(({ links, ...source }) => ({
    ...source,
    claims: new Set(links.map((l) => l.claimId)).size,
    supports: links.filter((l) => l.stance === "supports").length,
    refutes: links.filter((l) => l.stance === "refutes").length,
    context: links.filter((l) => l.stance === "context").length,
  }));
}
