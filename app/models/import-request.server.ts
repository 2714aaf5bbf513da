import { getConfig } from "../config.server";
import type { Actor } from "./user.server";
import { type FileImportResult, importFile, importPastedText } from "./import.server";

export class UploadTooLargeError extends Error {}

/** Refuses a request body far over the import limit before reading it into memory. */
export function assertUploadSize(request: Request): void {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  const limit = getConfig().IMPORT_MAX_BYTES;
  // A multipart body may carry several files; allow ten at the limit plus form overhead.
  if (length > limit * 10 + 1_000_000)
    throw new UploadTooLargeError(`The upload is larger than the limit of ${(limit / 1_048_576).toFixed(0)} MB per file.`);
}

/** Imports every file of a multipart form and, if given, pasted text; one result per article or failed file. */
export async function importFromForm(
  project: { id: number; claimThreshold: number | null },
  formData: FormData,
  actor: Actor,
): Promise<FileImportResult[]> {
  const results: FileImportResult[] = [];
  const options = { maxBytes: getConfig().IMPORT_MAX_BYTES, threshold: project.claimThreshold };
  for (const entry of formData.getAll("files")) {
    if (typeof entry === "string" || (entry.size === 0 && entry.name === "")) continue;
    results.push(...(await importFile(project.id, { name: entry.name, bytes: new Uint8Array(await entry.arrayBuffer()) }, options, actor)));
  }
  const pasted = formData.get("text");
  if (typeof pasted === "string" && pasted.trim() !== "") {
    const title = formData.get("title");
    results.push(
      await importPastedText(project.id, { text: pasted, title: typeof title === "string" ? title : undefined }, options, actor),
    );
  }
  return results;
}
