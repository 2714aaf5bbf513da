// Runs in a worker thread (entry.mjs): parsing and claim extraction are CPU work that would
// otherwise hold the server's event loop for seconds on a big file (issue 11).
import { parentPort } from "node:worker_threads";
import { DEFAULT_CHECKWORTHINESS_THRESHOLD } from "../../lib/extraction/extract";
import { extractClaimsInParts } from "../../lib/extraction/extract-in-parts";
import { type ImportFileReader, openImportFile, parsePastedText, withArticleLimit } from "../../lib/import/parse-file";
import { ImportFormatError } from "../../lib/import/types";
import type { OpenRequest, WorkerReply, WorkerRequest } from "./protocol";
import { lowerThreadPriority } from "./thread-priority";

lowerThreadPriority();

let current: { reader: ImportFileReader; threshold: number } | null = null;

function open(request: OpenRequest): WorkerReply {
  current = null;
  const threshold = request.threshold ?? DEFAULT_CHECKWORTHINESS_THRESHOLD;
  try {
    const opened: ImportFileReader =
      request.source === "pasted"
        ? (() => {
            const article = parsePastedText(new TextDecoder().decode(request.bytes), request.pastedTitle ?? undefined);
            return { count: 1, read: () => ({ ok: true, article }) };
          })()
        : openImportFile(request.fileName, request.bytes, request.maxBytes);
    const reader = withArticleLimit(opened, request.maxArticleBytes);
    current = { reader, threshold };
    return { type: "opened", count: reader.count, fileError: null };
  } catch (error) {
    if (error instanceof ImportFormatError) return { type: "opened", count: 1, fileError: error.message };
    throw error;
  }
}

function read(position: number): WorkerReply {
  if (!current) return { type: "failed", message: "no file is open" };
  const item = current.reader.read(position);
  return { type: "item", position, item, candidates: item.ok ? extractClaimsInParts(item.article.text, current.threshold) : [] };
}

parentPort?.on("message", (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = request.type === "open" ? open(request) : read(request.position);
  } catch (error) {
    reply = { type: "failed", message: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
