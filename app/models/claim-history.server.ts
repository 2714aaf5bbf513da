import { getDb } from "../db.server";

/** Every event about one claim, oldest first: status changes, assignments, edits, sources. */
export async function claimHistory(projectId: number, claimId: number) {
  return getDb().auditEvent.findMany({
    where: { projectId, targetType: "claim", targetId: String(claimId) },
    orderBy: { seq: "asc" },
    select: { id: true, action: true, actorName: true, createdAt: true, details: true },
  });
}
