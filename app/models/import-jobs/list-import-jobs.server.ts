import { getDb } from "../../db.server";
import { IMPORT_JOB_STATUSES, type ImportJobView } from "../../lib/import/import-job";
import type { FileImportResult } from "../import.server";

const jobSelect = {
  id: true,
  fileName: true,
  status: true,
  totalItems: true,
  doneItems: true,
  errorItems: true,
  error: true,
  createdAt: true,
  finishedAt: true,
} as const;

interface JobRow {
  id: number;
  fileName: string;
  status: string;
  totalItems: number | null;
  doneItems: number;
  errorItems: number;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

function view(row: JobRow): ImportJobView {
  const status = (IMPORT_JOB_STATUSES as readonly string[]).includes(row.status) ? (row.status as ImportJobView["status"]) : "failed";
  return {
    id: row.id,
    fileName: row.fileName,
    status,
    totalItems: row.totalItems,
    doneItems: row.doneItems,
    errorItems: row.errorItems,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** A project's import jobs, newest first: the ones still running and the recent ones. */
export async function listImportJobs(options: { projectId: number; limit?: number }): Promise<ImportJobView[]> {
  const rows = await getDb().importJob.findMany({
    where: { projectId: options.projectId },
    orderBy: { id: "desc" },
    take: options.limit ?? 20,
    select: jobSelect,
  });
  return rows.map(view);
}

/** The given jobs of a project, in the given order (jobs of other projects are left out). */
export async function getImportJobs(options: { projectId: number; jobIds: number[] }): Promise<ImportJobView[]> {
  const rows = await getDb().importJob.findMany({ where: { projectId: options.projectId, id: { in: options.jobIds } }, select: jobSelect });
  const byId = new Map(rows.map((row) => [row.id, view(row)]));
  return options.jobIds.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The result rows of finished jobs, job by job in the given order and article by article in
 * file order; a job that failed adds a row saying why.
 */
export async function importJobResults(options: { projectId: number; jobIds: number[] }): Promise<FileImportResult[]> {
  const jobs = await getDb().importJob.findMany({
    where: { projectId: options.projectId, id: { in: options.jobIds } },
    select: { id: true, fileName: true, status: true, error: true, items: { orderBy: { position: "asc" }, select: { result: true } } },
  });
  const byId = new Map(jobs.map((job) => [job.id, job]));
  return options.jobIds.flatMap((id) => {
    const job = byId.get(id);
    if (!job) return [];
    const rows = job.items.map((item) => JSON.parse(item.result) as FileImportResult);
    if (job.status === "failed")
      rows.push({ file: job.fileName, status: "error", error: job.error ?? "the import failed", documentId: null, title: null, claims: 0 });
    return rows;
  });
}
