import { setImmediate as nextTurn } from "node:timers/promises";
import { Prisma, type Tx } from "../db.server";

/** One extracted claim as stored: what `claimRows` builds from a candidate. */
export interface NewClaimRow {
  projectId: number;
  documentId: number;
  text: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  checkworthiness: number;
  reasons: string;
  speaker: string | null;
  dismissed: boolean;
  createdById: number | null;
}

/**
 * Rows per INSERT. Fifteen parameters a row keeps a statement far below both providers'
 * parameter limits, and one batch costs the event loop a few tens of milliseconds.
 */
export const CLAIM_INSERT_BATCH = 100;

/**
 * Inserts an article's claims in plain multi-row INSERTs, yielding the event loop before each
 * batch; rows are built per batch, so building them never holds the loop either. Measured on a 4,000-claim article: Prisma's `createMany` spent 4.6 s building and
 * mapping the statements on the main thread (with SQLite the driver runs synchronously too),
 * plain INSERTs 0.5 s; and without the yields a 1 MB article held the loop
 * for its whole store, so `/healthz` and every other request of the process waited.
 * The caller's transaction keeps the article all-or-nothing; the full-text triggers index
 * each row as it lands.
 */
export async function insertClaimRows<T>(tx: Tx, items: { source: T[]; toRows: (slice: T[]) => NewClaimRow[] }): Promise<void> {
  const now = new Date();
  for (let from = 0; from < items.source.length; from += CLAIM_INSERT_BATCH) {
    // Before each batch, the first too: the article's own insert (and its full-text indexing) has just held the loop.
    await nextTurn();
    const values = items
      .toRows(items.source.slice(from, from + CLAIM_INSERT_BATCH))
      .map(
        (r) =>
          Prisma.sql`(${r.projectId}, ${r.documentId}, ${r.text}, ${r.prefix}, ${r.suffix}, ${r.start}, ${r.end}, ${r.checkworthiness}, ${r.reasons}, ${r.speaker}, ${r.dismissed}, ${r.createdById}, ${now}, ${now}, ${now})`,
      );
    await tx.$executeRaw`INSERT INTO "Claim" ("projectId", "documentId", "text", "prefix", "suffix", "start", "end", "checkworthiness", "reasons", "speaker", "dismissed", "createdById", "lastChangedAt", "createdAt", "updatedAt") VALUES ${Prisma.join(values)}`;
  }
}
