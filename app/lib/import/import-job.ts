/** An import job as the Documents view and the CLI show it (client-safe). */
export interface ImportJobView {
  id: number;
  fileName: string;
  status: "queued" | "running" | "done" | "failed";
  /** Articles found in the file; null until the file has been read. */
  totalItems: number | null;
  doneItems: number;
  errorItems: number;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export const IMPORT_JOB_STATUSES = ["queued", "running", "done", "failed"] as const;

export function isImportJobActive(job: Pick<ImportJobView, "status">): boolean {
  return job.status === "queued" || job.status === "running";
}

/** "running: 120 of 2,000 articles (3 refused)" — the progress in words, for the list and screen readers. */
export function describeImportJob(job: ImportJobView): string {
  const handled = job.doneItems + job.errorItems;
  const refused = job.errorItems > 0 ? ` (${job.errorItems.toLocaleString("en")} refused)` : "";
  const total = job.totalItems === null ? "" : ` of ${job.totalItems.toLocaleString("en")}`;
  const articles = `${handled.toLocaleString("en")}${total} article${(job.totalItems ?? handled) === 1 ? "" : "s"}`;
  switch (job.status) {
    case "queued":
      return "waiting to start";
    case "running":
      return `importing: ${articles}${refused}`;
    case "done":
      return `done: ${articles}${refused}`;
    case "failed":
      return `failed after ${articles}: ${job.error ?? "unknown error"}`;
  }
}
