import { marked } from "marked";
import * as cheerio from "cheerio";
import { htmlToParagraphs } from "./html";
import { joinParagraphs, normalizeParagraph, paragraphsOfPlainText, titleFromLead } from "./normalize";
import { lineShape } from "./paragraphs";
import { sanitizeArticleHtml } from "./sanitize";
import { ImportFormatError, type ParsedArticle } from "./types";

const MAX_HEADLINE_LENGTH = 160;

/**
 * A first line is a headline when it is short, stands alone (a blank line or a new
 * line follows) and does not end like a sentence.
 */
function looksLikeHeadline(line: string, rest: string): boolean {
  const trimmed = normalizeParagraph(line);
  if (!(trimmed.length > 0 && trimmed.length <= MAX_HEADLINE_LENGTH && rest.trim() !== "" && !/[.!?:;,"”’)]$/.test(trimmed))) return false;
  // In hard-wrapped text a first line without a full stop is the start of a sentence unless a blank line sets it apart.
  return !(lineShape(`${line}\n${rest}`) === "hard-wrapped" && !/^[ \t\u00a0]*\n/.test(rest));
}

export function parsePlainText(content: string, fallbackTitle: string | null): ParsedArticle {
  const unified = content
    .replace(/\r\n?/g, "\n")
    .replace(/^\ufeff/, "")
    .trimStart();
  const newline = unified.indexOf("\n");
  const firstLine = newline === -1 ? unified : unified.slice(0, newline);
  const rest = newline === -1 ? "" : unified.slice(newline + 1);
  const hasHeadline = looksLikeHeadline(firstLine, rest);
  const text = joinParagraphs(paragraphsOfPlainText(hasHeadline ? rest : unified));
  if (text === "") throw new ImportFormatError("the file has no article text");
  return {
    format: "text",
    title: hasHeadline ? normalizeParagraph(firstLine) : (fallbackTitle ?? titleFromLead(text)),
    titleDerived: !hasHeadline,
    text,
    sanitizedHtml: null,
    author: null,
    outlet: null,
    url: null,
    publishedAt: null,
  };
}

/**
 * The text of an ATX heading of level one ("# Title #"), or null. Trimmed by hand: a pattern
 * such as /(.+?)\s*#*\s*$/ backtracks over a long run of spaces inside the line.
 */
function markdownHeading(line: string): string | null {
  const opening = /^\s*#\s+/.exec(line);
  if (!opening) return null;
  let end = line.length;
  const isBlank = (i: number) => /\s/.test(line[i - 1]!);
  while (end > opening[0].length && isBlank(end)) end -= 1;
  while (end > opening[0].length && line[end - 1] === "#") end -= 1;
  while (end > opening[0].length && isBlank(end)) end -= 1;
  const title = line.slice(opening[0].length, end);
  return title === "" ? null : title;
}

/** Markdown is rendered to HTML by marked, then read like any HTML body; a leading `#` heading is the title. */
export function parseMarkdown(content: string, fallbackTitle: string | null): ParsedArticle {
  const source = content.replace(/\r\n?/g, "\n").replace(/^\ufeff/, "");
  const heading = markdownHeading(source.split("\n").find((line) => line.trim() !== "") ?? "");
  const body = heading ? source.replace(/^\s*#\s+.+\n?/, "") : source;
  const html = marked.parse(body, { async: false, gfm: true });
  const $ = cheerio.load(`<div id="md">${html}</div>`);
  const text = joinParagraphs(htmlToParagraphs($("#md").contents().toArray()));
  if (text === "") throw new ImportFormatError("the file has no article text");
  return {
    format: "markdown",
    title: heading ? normalizeParagraph(heading) : (fallbackTitle ?? titleFromLead(text)),
    titleDerived: !heading,
    text,
    sanitizedHtml: sanitizeArticleHtml(html),
    author: null,
    outlet: null,
    url: null,
    publishedAt: null,
  };
}
