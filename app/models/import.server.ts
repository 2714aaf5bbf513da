import { ImportFormatError } from "../lib/import/types";
import { openImportFile, parsePastedText, withArticleLimit } from "../lib/import/parse-file";
import { getConfig } from "../config.server";
import { type ImportOutcome, importArticle } from "./document.server";
import { publishProjectEvent } from "./events.server";
import type { Actor } from "./user.server";

export type FileImportResult =
  ({ file: string } & ImportOutcome) | { file: string; status: "error"; error: string; documentId: null; title: null; claims: 0 };

/**
 * Imports one uploaded file: a bad file yields one error result and nothing is
 * written for it; each article in it is stored in its own transaction, so a
 * WordPress export with one broken post still imports the rest.
 */
export async function importFile(
  projectId: number,
  file: { name: string; bytes: Uint8Array },
  options: { maxBytes: number; maxArticleBytes?: number; threshold: number | null },
  actor: Actor,
): Promise<FileImportResult[]> {
  let articles;
  try {
    const reader = withArticleLimit(
      openImportFile(file.name, file.bytes, options.maxBytes),
      options.maxArticleBytes ?? getConfig().IMPORT_MAX_ARTICLE_BYTES,
    );
    articles = Array.from({ length: reader.count }, (_, position) => reader.read(position));
  } catch (error) {
    if (error instanceof ImportFormatError)
      return [{ file: file.name, status: "error", error: error.message, documentId: null, title: null, claims: 0 }];
    throw error;
  }
  const results: FileImportResult[] = [];
  for (const item of articles) {
    if (!item.ok) {
      results.push({ file: file.name, status: "error", error: item.error, documentId: null, title: null, claims: 0 });
      continue;
    }
    results.push({
      file: file.name,
      ...(await importArticle(projectId, item.article, { fileName: file.name, threshold: options.threshold }, actor)),
    });
  }
  if (results.some((r) => r.status === "imported"))
    await publishProjectEvent({
      type: "claims-changed",
      projectId,
      claimIds: [],
      actorId: actor.id,
      summary: `${actor.name} imported ${file.name}`,
    });
  return results;
}

export async function importPastedText(
  projectId: number,
  input: { text: string; title?: string },
  options: { threshold: number | null },
  actor: Actor,
): Promise<FileImportResult> {
  try {
    const article = parsePastedText(input.text, input.title);
    const result = await importArticle(projectId, article, { fileName: null, threshold: options.threshold }, actor);
    if (result.status === "imported")
      await publishProjectEvent({
        type: "claims-changed",
        projectId,
        claimIds: [],
        actorId: actor.id,
        summary: `${actor.name} imported pasted text`,
      });
    return { file: "(pasted text)", ...result };
  } catch (error) {
    if (error instanceof ImportFormatError)
      return { file: "(pasted text)", status: "error", error: error.message, documentId: null, title: null, claims: 0 };
    throw error;
  }
}
