import { getDb } from "../db.server";

const PARAGRAPH_BREAK = "\n\n";

export interface DocumentSummary {
  id: number;
  title: string;
  titleDerived: boolean;
  outlet: string | null;
  author: string | null;
  url: string | null;
  publishedAt: Date | null;
  /** Paragraphs of the stored text (separated by one blank line). */
  paragraphs: number;
  /** Claims under review (dismissed candidates left out). */
  claims: number;
  file: string | null;
}

/**
 * The project's current documents (earlier versions left out), newest import first. The
 * paragraphs are counted in SQL so the texts themselves never leave the database.
 */
export async function listDocumentSummaries(projectId: number): Promise<DocumentSummary[]> {
  const rows = await getDb().$queryRaw<
    Array<
      Omit<DocumentSummary, "paragraphs" | "claims" | "titleDerived"> & {
        titleDerived: boolean | number;
        breaks: bigint | number;
        empty: boolean | number;
        claims: bigint | number;
      }
    >
  >`
    SELECT d."id", d."title", d."titleDerived", d."outlet", d."author", d."url", d."publishedAt", d."sourceFileName" AS "file",
           (LENGTH(d."text") - LENGTH(REPLACE(d."text", ${PARAGRAPH_BREAK}, ''))) / ${PARAGRAPH_BREAK.length} AS "breaks",
           (LENGTH(d."text") = 0) AS "empty",
           (SELECT COUNT(*) FROM "Claim" c WHERE c."documentId" = d."id" AND c."dismissed" = false) AS "claims"
    FROM "Document" d
    WHERE d."projectId" = ${projectId} AND d."supersededAt" IS NULL
    ORDER BY d."importedAt" DESC, d."id" DESC`;
  return rows.map(({ breaks, empty, claims, titleDerived, ...row }) => ({
    ...row,
    titleDerived: Boolean(titleDerived),
    publishedAt: row.publishedAt === null ? null : new Date(row.publishedAt),
    paragraphs: empty ? 0 : Number(breaks) + 1,
    claims: Number(claims),
  }));
}
