import { type Tx, getDb } from "../../db.server";
import type { FileImportResult } from "../import.server";

/** Where a (resumed) job goes on: after the last article it stored. */
export async function nextImportPosition(jobId: number): Promise<number> {
  const last = await getDb().importJobItem.findFirst({ where: { jobId }, orderBy: { position: "desc" }, select: { position: true } });
  return last ? last.position + 1 : 0;
}

export async function setImportJobTotal(options: { jobId: number; totalItems: number }): Promise<void> {
  await getDb().importJob.update({ where: { id: options.jobId }, data: { totalItems: options.totalItems }, select: { id: true } });
}

/**
 * Records one article of a job. Called inside the transaction that stores the article, so the
 * two commit together; the unique (job, position) makes a second attempt fail instead of storing twice.
 */
export async function recordImportJobItem(tx: Tx, options: { jobId: number; position: number; result: FileImportResult }): Promise<void> {
  const { jobId, position, result } = options;
  await tx.importJobItem.create({
    data: { jobId, position, status: result.status, result: JSON.stringify(result), documentId: result.documentId },
  });
  await tx.importJob.update({
    where: { id: jobId },
    data: result.status === "error" ? { errorItems: { increment: 1 } } : { doneItems: { increment: 1 } },
    // Not the row back: it holds the uploaded file, and reading 3.6 MB back for each of 2,000 posts
    // grew the process past 1.3 GB and failed the job near post 500.
    select: { id: true },
  });
}

/** Records an article that could not be read (nothing else to store for it). */
export async function recordImportJobError(options: { jobId: number; position: number; result: FileImportResult }): Promise<void> {
  await getDb().$transaction((tx) => recordImportJobItem(tx, options));
}

/** Ends a job (done, or failed with why); the uploaded file is no longer needed. */
export async function finishImportJob(options: { jobId: number; owner: string; error?: string }): Promise<void> {
  await getDb().importJob.updateMany({
    where: { id: options.jobId, leaseOwner: options.owner },
    data: {
      status: options.error ? "failed" : "done",
      error: options.error ?? null,
      payload: new Uint8Array(0),
      finishedAt: new Date(),
      leaseOwner: null,
      leaseExpiresAt: null,
    },
  });
}
