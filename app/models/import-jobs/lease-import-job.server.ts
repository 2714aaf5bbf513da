import { getDb } from "../../db.server";

export interface LeasedImportJob {
  id: number;
  projectId: number;
  source: "file" | "pasted";
  fileName: string;
  pastedTitle: string | null;
  payload: Uint8Array;
  threshold: number | null;
  actor: { id: number | null; name: string; ip: string | null };
}

/**
 * Takes the oldest job that is queued, or running under a lease that ran out (its process
 * stopped): the update only succeeds if nobody took it since it was read, so two processes
 * never run one job. Null when there is nothing to do.
 */
export async function leaseNextImportJob(options: { owner: string; leaseMs: number }): Promise<LeasedImportJob | null> {
  const db = getDb();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const now = new Date();
    const candidate = await db.importJob.findFirst({
      where: { OR: [{ status: "queued" }, { status: "running", leaseExpiresAt: { lt: now } }] },
      orderBy: { id: "asc" },
      select: { id: true, status: true, leaseExpiresAt: true, startedAt: true },
    });
    if (!candidate) return null;
    const taken = await db.importJob.updateMany({
      where: { id: candidate.id, status: candidate.status, leaseExpiresAt: candidate.leaseExpiresAt },
      data: {
        status: "running",
        leaseOwner: options.owner,
        leaseExpiresAt: new Date(now.getTime() + options.leaseMs),
        startedAt: candidate.startedAt ?? now,
      },
    });
    if (taken.count === 1) {
      const job = await db.importJob.findUniqueOrThrow({ where: { id: candidate.id } });
      return {
        id: job.id,
        projectId: job.projectId,
        source: job.source === "pasted" ? "pasted" : "file",
        fileName: job.fileName,
        pastedTitle: job.pastedTitle,
        payload: job.payload,
        threshold: job.threshold,
        actor: { id: job.createdById, name: job.actorName, ip: job.actorIp },
      };
    }
  }
  return null;
}

/** Extends the lease while the job runs; false when another process has taken the job over. */
export async function renewImportLease(options: { jobId: number; owner: string; leaseMs: number }): Promise<boolean> {
  const renewed = await getDb().importJob.updateMany({
    where: { id: options.jobId, status: "running", leaseOwner: options.owner },
    data: { leaseExpiresAt: new Date(Date.now() + options.leaseMs) },
  });
  return renewed.count === 1;
}

/** On shutdown: the job's lease ends now, so the next process to start (or another one) resumes it at once. */
export async function releaseImportLease(options: { jobId: number; owner: string }): Promise<void> {
  await getDb().importJob.updateMany({
    where: { id: options.jobId, status: "running", leaseOwner: options.owner },
    data: { leaseExpiresAt: new Date(0) },
  });
}
