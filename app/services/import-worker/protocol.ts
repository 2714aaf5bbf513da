import type { ClaimCandidate } from "../../lib/extraction/extract";
import type { ImportItem } from "../../lib/import/types";

/** What an import job hands the worker thread: one file (or pasted text) to read. */
export interface OpenRequest {
  type: "open";
  source: "file" | "pasted";
  fileName: string;
  bytes: Uint8Array;
  pastedTitle: string | null;
  maxBytes: number;
  /** The longest article text accepted (IMPORT_MAX_ARTICLE_BYTES). */
  maxArticleBytes: number;
  threshold: number | null;
}

export interface ReadRequest {
  type: "read";
  position: number;
}

export type WorkerRequest = OpenRequest | ReadRequest;

export type WorkerReply =
  /** The file holds `count` articles; or it cannot be read at all (`fileError`). */
  | { type: "opened"; count: number; fileError: string | null }
  /** One article parsed, with its claims extracted; or why it cannot be imported. */
  | { type: "item"; position: number; item: ImportItem; candidates: ClaimCandidate[] }
  | { type: "failed"; message: string };
