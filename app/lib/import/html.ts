import * as cheerio from "cheerio";
import type { AnyNode, Element } from "domhandler";

type Selection = cheerio.Cheerio<AnyNode>;
import { joinParagraphs, titleFromLead } from "./normalize";
import { sanitizeArticleHtml } from "./sanitize";
import { ImportFormatError, type ParsedArticle } from "./types";

const BLOCK_TAGS = new Set([
  "p",
  "div",
  "section",
  "article",
  "main",
  "blockquote",
  "li",
  "ul",
  "ol",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "pre",
  "table",
  "tr",
  "figcaption",
  "header",
  "footer",
  "dd",
  "dt",
  "dl",
  "address",
  "hr",
]);
const SKIPPED_TAGS = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "math",
  "nav",
  "aside",
  "form",
  "button",
  "select",
  "figure",
  "img",
  "video",
  "audio",
  "canvas",
  "head",
]);

/** Paragraph texts of an element tree: block elements and <br> break paragraphs; entities are decoded by the parser. */
export function htmlToParagraphs(nodes: AnyNode[]): string[] {
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    if (current.trim() !== "") paragraphs.push(current);
    current = "";
  };
  const walk = (node: AnyNode) => {
    if (node.type === "text") {
      current += (node as unknown as { data: string }).data;
      return;
    }
    if (node.type !== "tag") return;
    const element = node as Element;
    const tag = element.name.toLowerCase();
    if (SKIPPED_TAGS.has(tag)) return;
    if (tag === "br") {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (const child of element.children) walk(child);
    if (block) flush();
  };
  for (const node of nodes) walk(node);
  flush();
  return paragraphs;
}

function firstContent($: cheerio.CheerioAPI, selectors: string[]): string | null {
  for (const selector of selectors) {
    const element = $(selector).first();
    if (element.length === 0) continue;
    const value = (element.attr("content") ?? element.attr("datetime") ?? element.text()).replace(/\s+/g, " ").trim();
    if (value) return value;
  }
  return null;
}

export function parseDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : null;
  } catch {
    return null;
  }
}

/**
 * The article in an HTML page: body from <article> (else <main>, else <body>), title
 * from Open Graph, <h1> or <title>, and author, outlet, time and address from meta tags.
 */
export function parseHtmlArticle(html: string, fallbackTitle: string | null): ParsedArticle {
  const $ = cheerio.load(html);
  const candidates: Selection[] = [$("article").first(), $("main").first(), $("body").first()];
  const root: Selection = candidates.find((selection) => selection.length > 0) ?? $.root();
  const title =
    firstContent($, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ??
    firstContent($, ["article h1", "h1"]) ??
    firstContent($, ["title"]);
  const headline = root.find("h1").first();
  const headlineText = headline.text().replace(/\s+/g, " ").trim();
  const paragraphs = htmlToParagraphs(root.contents().toArray());
  // The headline is stored as the title, not repeated as the first paragraph.
  if (paragraphs.length > 0 && headlineText && paragraphs[0]!.replace(/\s+/g, " ").trim() === headlineText) paragraphs.shift();
  const text = joinParagraphs(paragraphs);
  if (text === "") throw new ImportFormatError("no article text found in the HTML");
  const chosenTitle = title ?? fallbackTitle ?? titleFromLead(text);
  const bodyHtml = root.clone();
  bodyHtml.find("h1").first().remove();
  return {
    format: "html",
    title: chosenTitle.slice(0, 500),
    titleDerived: title === null,
    text,
    sanitizedHtml: sanitizeArticleHtml(bodyHtml.html() ?? ""),
    author: firstContent($, ['meta[name="author"]', 'meta[property="article:author"]', '[rel="author"]', '[itemprop="author"]', ".byline"]),
    outlet: firstContent($, ['meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="publisher"]']),
    url: safeHttpUrl(firstContent($, ['meta[property="og:url"]']) ?? $('link[rel="canonical"]').attr("href")),
    publishedAt: parseDate(
      firstContent($, [
        'meta[property="article:published_time"]',
        'meta[name="date"]',
        'meta[name="pubdate"]',
        'meta[itemprop="datePublished"]',
        "time[datetime]",
      ]),
    ),
  };
}
