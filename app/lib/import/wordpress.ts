import * as cheerio from "cheerio";
import { z } from "zod";
import { htmlToParagraphs, safeHttpUrl } from "./html";
import { joinParagraphs } from "./normalize";
import { sanitizeArticleHtml } from "./sanitize";
import { ImportFormatError, type ImportItem, type ParsedArticle } from "./types";

const rendered = z.object({ rendered: z.string() });
const postSchema = z.object({
  title: rendered,
  content: rendered,
  date_gmt: z.string().nullish(),
  date: z.string().nullish(),
  link: z.string().nullish(),
  _embedded: z
    .object({
      author: z.array(z.object({ name: z.string().optional() })).optional(),
    })
    .passthrough()
    .optional(),
});

function decodeHtmlText(html: string): string {
  return cheerio.load(`<div>${html}</div>`)("div").text().replace(/\s+/g, " ").trim();
}

/** `date_gmt` is UTC without a zone designator; `date` is the site's local time, used only when GMT is absent. */
function wordpressDate(gmt: string | null | undefined, local: string | null | undefined): Date | null {
  const value = gmt ? `${gmt.replace(/Z$/, "")}Z` : local;
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function isWordPressJson(value: unknown): boolean {
  return (Array.isArray(value) ? value : [value]).some((post) => postSchema.safeParse(post).success);
}

/**
 * One post of a WordPress REST API array (`/wp-json/wp/v2/posts`): each post stands on its own,
 * so a broken one is an error item and the others still import.
 */
export function parseWordPressItem(raw: unknown, index: number): ImportItem {
  try {
    return { ok: true, article: parseWordPressPost(raw, index) };
  } catch (error) {
    if (error instanceof ImportFormatError) return { ok: false, error: error.message };
    throw error;
  }
}

/** A single post (`/wp-json/wp/v2/posts/<id>`); throws ImportFormatError when it is not one. */
export function parseWordPressPost(raw: unknown, index: number): ParsedArticle {
  const parsed = postSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportFormatError(
      `post ${index + 1} is not a WordPress post: ${issue.path.join(".") || "value"} ${issue.message.toLowerCase()}`,
    );
  }
  const post = parsed.data;
  const $ = cheerio.load(`<div id="wp">${post.content.rendered}</div>`);
  const text = joinParagraphs(htmlToParagraphs($("#wp").contents().toArray()));
  if (text === "") throw new ImportFormatError(`post ${index + 1} has an empty body`);
  const url = safeHttpUrl(post.link);
  return {
    format: "wordpress",
    title: decodeHtmlText(post.title.rendered) || `Post ${index + 1}`,
    text,
    sanitizedHtml: sanitizeArticleHtml(post.content.rendered),
    author: post._embedded?.author?.[0]?.name ?? null,
    outlet: url ? new URL(url).hostname.replace(/^www\./, "") : null,
    url,
    publishedAt: wordpressDate(post.date_gmt, post.date),
  };
}
