/**
 * Splits a list into runs of at most `size`, in order. Used to keep `IN (…)` lists and batched
 * statements under the databases' parameter limits (Prisma refuses more than 999 on SQLite).
 */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
  const runs: T[][] = [];
  for (let from = 0; from < items.length; from += size) runs.push(items.slice(from, from + size));
  return runs;
}

/** Ids per `IN (…)` list: well under every limit of both providers. */
export const IDS_PER_QUERY = 500;
