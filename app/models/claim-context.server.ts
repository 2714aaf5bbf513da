import { getDb } from "../db.server";
import { type ArticleContext, articleContext } from "../lib/claim-context";

/**
 * The claim's place in its article (the claim panel shows it): read in the database's
 * project scope; the article's text itself never leaves the server.
 */
export async function claimArticleContext(options: {
  projectId: number;
  claim: { documentId: number; start: number; end: number; text: string };
}): Promise<ArticleContext | null> {
  const { projectId, claim } = options;
  const document = await getDb().document.findFirst({ where: { id: claim.documentId, projectId }, select: { text: true } });
  return document ? articleContext(document.text, { start: claim.start, end: claim.end, expected: claim.text }) : null;
}
