export type DocumentFormat = "text" | "markdown" | "html" | "wordpress";

/** One article ready to store: normalized text plus what we know about where it came from. */
export interface ParsedArticle {
  format: DocumentFormat;
  title: string;
  /** The title was made here (from the opening sentence or the file's name), not given by the article. */
  titleDerived?: boolean;
  /** Plain text; paragraphs separated by one blank line. */
  text: string;
  /** The original markup after allowlist sanitizing, for display; null for plain text. */
  sanitizedHtml: string | null;
  author: string | null;
  outlet: string | null;
  url: string | null;
  publishedAt: Date | null;
}

export class ImportFormatError extends Error {}

/** One article of a file, or why one post of a batch could not be read (the rest still import). */
export type ImportItem = { ok: true; article: ParsedArticle } | { ok: false; error: string };
