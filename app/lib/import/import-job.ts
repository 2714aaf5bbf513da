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

const articles = (n: number) => `${n.toLocaleString("en")} article${n === 1 ? "" : "s"}`;

/** The progress in words ("importing: 120 of 2,000 articles read, 2 refused"), for the list and screen readers. */
export function describeImportJob(job: ImportJobView): string {
  const refused = job.errorItems > 0 ? `, ${job.errorItems.toLocaleString("en")} refused` : "";
  switch (job.status) {
    case "queued":
      return "waiting to start";
    case "running": {
      const handled = (job.doneItems + job.errorItems).toLocaleString("en");
      return job.totalItems === null ? "reading the file" : `importing: ${handled} of ${articles(job.totalItems)} read${refused}`;
    }
    case "done":
      return `done: ${articles(job.doneItems)} imported${refused}`;
    case "failed":
      return `failed: ${job.error ?? "unknown error"} (${articles(job.doneItems)} imported before${refused})`;
  }
}
