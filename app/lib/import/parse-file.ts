import { hasUnsafeNameChars, stripUnsafeNameChars } from "../text-safety";
import { parseHtmlArticle } from "./html";
import { parseMarkdown, parsePlainText } from "./text";
import { ImportFormatError, type ImportItem, type ParsedArticle } from "./types";
import { splitJsonArray } from "./json-array";
import { isWordPressJson, parseWordPressItem, parseWordPressPost } from "./wordpress";

export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm", ".json"] as const;

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot === -1 ? "" : fileName.slice(dot).toLowerCase();
}

/**
 * A title from the file's name ("council-budget_2026.txt" -> "Council budget 2026"), or
 * null when the name is machine-made ("000_8ac80d81abd7ce2c.txt", "IMG_20260411.txt")
 * and the article's opening words will say more.
 */
export function titleFromFileName(fileName: string): string | null {
  const base = fileName.replace(/^.*[\\/]/, "");
  const dot = base.lastIndexOf(".");
  const stem = (dot > 0 ? base.slice(0, dot) : base).replace(/[-_]+/g, " ").trim();
  // Words a person chose: three letters or more, not a long run of hex digits.
  const words = stem.split(" ").filter((word) => /^\p{L}{3,}$/u.test(word) && !(word.length >= 8 && /^[a-f]+$/i.test(word)));
  // A hash or timestamp in the name ("8ac80d81", "20260411") needs two real words beside it.
  const hasGeneratedPart = /\d/.test(stem) && /[0-9a-f]{8,}/i.test(stem.replace(/ /g, ""));
  const machineMade = words.length < (hasGeneratedPart ? 2 : 1);
  if (!stem || machineMade) return null;
  return stem[0]!.toUpperCase() + stem.slice(1);
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFormatError("the file is not UTF-8 text");
  }
}

/** An opened import file: how many articles it holds, and each one read on demand (a WordPress export post by post). */
export interface ImportFileReader {
  count: number;
  read(position: number): ImportItem;
}

/**
 * Reads one uploaded file into one or more articles (a WordPress export may hold
 * several posts). Throws ImportFormatError with a message meant for the person
 * who uploaded it.
 */
export function parseImportFile(fileName: string, bytes: Uint8Array, maxBytes: number): ImportItem[] {
  const reader = openImportFile(fileName, bytes, maxBytes);
  return Array.from({ length: reader.count }, (_, position) => reader.read(position));
}

/**
 * Refuses, each on its own, the articles whose text is longer than `maxBytes` (UTF-8): a file's
 * size says little (a WordPress export of 2,000 short posts is 4 MB, and streams post by post),
 * but one article's claims, sentences and facts are held together while it is stored and grouped.
 */
export function withArticleLimit(reader: ImportFileReader, maxBytes: number): ImportFileReader {
  return {
    count: reader.count,
    read(position) {
      const item = reader.read(position);
      if (!item.ok) return item;
      const bytes = Buffer.byteLength(item.article.text);
      if (bytes <= maxBytes) return item;
      return {
        ok: false,
        error: `the article "${item.article.title}" holds ${megabytes(bytes)} MB of text; one article may hold at most ${megabytes(maxBytes)} MB (split it, or raise IMPORT_MAX_ARTICLE_BYTES)`,
      };
    },
  };
}

const megabytes = (bytes: number) => (bytes / 1_048_576).toFixed(1);

/**
 * Checks the file and finds its articles without parsing them all at once; each `read` parses one.
 * Throws ImportFormatError when the file as a whole cannot be read.
 */
export function openImportFile(fileName: string, bytes: Uint8Array, maxBytes: number): ImportFileReader {
  const reader = openItems(fileName, bytes, maxBytes);
  return {
    count: reader.count,
    read(position) {
      const item = reader.read(position);
      return item.ok ? { ok: true, article: withSafeMetadata(item.article) } : item;
    },
  };
}

/** Titles, authors and outlets come from outside: no control or text-direction characters reach a page or terminal. */
function withSafeMetadata(article: ParsedArticle): ParsedArticle {
  const clean = (value: string | null) => (value === null ? null : stripUnsafeNameChars(value) || null);
  return { ...article, title: clean(article.title) ?? "Untitled", author: clean(article.author), outlet: clean(article.outlet) };
}

const single = (article: () => ParsedArticle): ImportFileReader => ({ count: 1, read: () => ({ ok: true, article: article() }) });

function openItems(fileName: string, bytes: Uint8Array, maxBytes: number): ImportFileReader {
  if (hasUnsafeNameChars(fileName))
    throw new ImportFormatError("the file name holds control or text-direction characters; rename the file");
  if (bytes.byteLength > maxBytes) {
    throw new ImportFormatError(
      `the file is ${(bytes.byteLength / 1_048_576).toFixed(1)} MB; the limit is ${(maxBytes / 1_048_576).toFixed(1)} MB`,
    );
  }
  if (bytes.byteLength === 0) throw new ImportFormatError("the file is empty");
  const extension = extensionOf(fileName);
  if (!(SUPPORTED_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new ImportFormatError(`unsupported file type "${extension || "(none)"}": use .txt, .md, .html, .htm or WordPress .json`);
  }
  const content = decodeUtf8(bytes);
  if (content.trim() === "") throw new ImportFormatError("the file is empty");
  const fallbackTitle = titleFromFileName(fileName);
  switch (extension) {
    case ".txt": {
      // WordPress exports are sometimes saved with a .txt name; a JSON object is not prose.
      const trimmed = content.trimStart();
      if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
        const posts = openWordPress(content);
        if (posts && posts.looksLikeWordPress()) return posts;
      }
      return single(() => parsePlainText(content, fallbackTitle));
    }
    case ".md":
    case ".markdown":
      return single(() => parseMarkdown(content, fallbackTitle));
    case ".html":
    case ".htm":
      return single(() => parseHtmlArticle(content, fallbackTitle));
    default: {
      const posts = openWordPress(content);
      if (!posts) throw new ImportFormatError("the file is not valid JSON");
      if (posts.count === 0) throw new ImportFormatError("the JSON array holds no posts");
      return posts;
    }
  }
}

/**
 * A WordPress post or array of posts; null when the text is not JSON. An array is split by
 * one linear scan and each post parsed when it is read; a post that is not JSON is its own error.
 */
function openWordPress(content: string): (ImportFileReader & { looksLikeWordPress(): boolean }) | null {
  const elements = content.trimStart().startsWith("[") ? splitJsonArray(content) : null;
  if (elements === null) {
    const json = tryJson(content);
    if (json === undefined) return null;
    return { ...single(() => parseWordPressPost(json, 0)), looksLikeWordPress: () => isWordPressJson(json) };
  }
  const element = (position: number): unknown => {
    const [start, end] = elements[position]!;
    return tryJson(content.slice(start, end));
  };
  return {
    count: elements.length,
    read: (position) => parseWordPressItem(element(position), position),
    looksLikeWordPress: () => elements.some((_, position) => isWordPressJson(element(position))),
  };
}

function tryJson(content: string): unknown {
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return undefined;
  }
}

/** Pasted text: plain text with an optional headline line, or a title given separately. */
export function parsePastedText(content: string, title: string | undefined): ParsedArticle {
  const article = parsePlainText(content, null);
  return withSafeMetadata(title?.trim() ? { ...article, title: title.trim(), titleDerived: false } : article);
}
