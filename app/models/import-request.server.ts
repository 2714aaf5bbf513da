import { setTimeout as sleep } from "node:timers/promises";
import { getConfig } from "../config.server";
import type { ImportJobView } from "../lib/import/import-job";
import { isImportJobActive } from "../lib/import/import-job";
import { kickImportRunner } from "../services/import-runner.server";
import { type ImportJobInput, createImportJobs } from "./import-jobs/create-import-jobs.server";
import { getImportJobs, importJobResults } from "./import-jobs/list-import-jobs.server";
import type { FileImportResult } from "./import.server";
import type { Actor } from "./user.server";

export class UploadTooLargeError extends Error {}

/** Refuses a request body far over the import limit before reading it into memory. */
export function assertUploadSize(request: Request): void {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  const limit = getConfig().IMPORT_MAX_BYTES;
  // A multipart body may carry several files; allow ten at the limit plus form overhead.
  if (length > limit * 10 + 1_000_000)
    throw new UploadTooLargeError(`The upload is larger than the limit of ${(limit / 1_048_576).toFixed(0)} MB per file.`);
}

async function inputsOfForm(formData: FormData): Promise<ImportJobInput[]> {
  const inputs: ImportJobInput[] = [];
  for (const entry of formData.getAll("files")) {
    if (typeof entry === "string" || (entry.size === 0 && entry.name === "")) continue;
    inputs.push({ source: "file", fileName: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  const pasted = formData.get("text");
  if (typeof pasted === "string" && pasted.trim() !== "") {
    const title = formData.get("title");
    inputs.push({
      source: "pasted",
      fileName: "(pasted text)",
      bytes: new TextEncoder().encode(pasted),
      pastedTitle: typeof title === "string" ? title : null,
    });
  }
  return inputs;
}

export type FormImport =
  | { state: "empty" }
  /** Every job finished within IMPORT_WAIT_SECONDS: one result per article or failed file, as before jobs. */
  | { state: "finished"; results: FileImportResult[]; jobs: ImportJobView[] }
  /** Still running: the Documents view lists the jobs' progress. */
  | { state: "running"; jobs: ImportJobView[] };

/**
 * Queues one import job per file of a multipart form (and one for pasted text), starts them in
 * this process and waits up to IMPORT_WAIT_SECONDS: small imports answer with their results,
 * big ones with their jobs, and no request holds the event loop while articles are read.
 */
export async function importFromForm(
  project: { id: number; claimThreshold: number | null },
  formData: FormData,
  actor: Actor,
): Promise<FormImport> {
  const inputs = await inputsOfForm(formData);
  if (inputs.length === 0) return { state: "empty" };
  const jobIds = await createImportJobs({ project, inputs, actor });
  kickImportRunner();
  const deadline = Date.now() + getConfig().IMPORT_WAIT_SECONDS * 1000;
  for (let pause = 25; ; pause = Math.min(pause * 2, 250)) {
    const jobs = await getImportJobs({ projectId: project.id, jobIds });
    if (!jobs.some(isImportJobActive))
      return { state: "finished", jobs, results: await importJobResults({ projectId: project.id, jobIds }) };
    if (Date.now() >= deadline) return { state: "running", jobs };
    await sleep(Math.min(pause, Math.max(0, deadline - Date.now())));
  }
}
