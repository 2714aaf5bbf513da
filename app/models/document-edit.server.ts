import { getDb } from "../db.server";
import { type DocumentDetails, changedDetails } from "../lib/document-details";
import { appendAuditEvent } from "./audit.server";
import type { Actor } from "./user.server";

/**
 * Corrects a document's title, outlet, author, address or publication date. Only the
 * fields that differ are written and audited (before and after), in one transaction;
 * a new title is no longer "derived". Sources that are passages of this article take
 * the new title, outlet, author and date. Null when the document is not in the project.
 */
export async function editDocumentDetails(projectId: number, documentId: number, change: Partial<DocumentDetails>, actor: Actor) {
  return getDb().$transaction(async (tx) => {
    const before = await tx.document.findFirst({ where: { id: documentId, projectId } });
    if (!before) return null;
    const changes = changedDetails(before, change);
    const fields = Object.keys(changes) as Array<keyof typeof changes>;
    if (fields.length === 0) return { document: before, changed: [] as string[] };
    const data = Object.fromEntries(fields.map((field) => [field, change[field]]));
    const document = await tx.document.update({
      where: { id: documentId },
      data: { ...data, ...(changes.title ? { titleDerived: false } : {}) },
    });
    const copied = Object.fromEntries(fields.filter((f) => f !== "url").map((field) => [field, change[field]]));
    if (Object.keys(copied).length > 0) await tx.source.updateMany({ where: { projectId, documentId }, data: copied });
    await appendAuditEvent(tx, {
      projectId,
      actorId: actor.id,
      actorName: actor.name,
      ip: actor.ip,
      action: "document.details_edited",
      targetType: "document",
      targetId: documentId,
      details: { changes },
    });
    return { document, changed: fields as string[] };
  });
}

/** Every event about one document, oldest first (imports and corrections). */
export function documentHistory(projectId: number, documentId: number) {
  return getDb().auditEvent.findMany({
    where: { projectId, targetType: "document", targetId: String(documentId) },
    orderBy: { seq: "asc" },
    select: { id: true, action: true, actorId: true, actorName: true, createdAt: true, details: true },
  });
}
