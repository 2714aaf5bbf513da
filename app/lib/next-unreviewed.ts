/** What deciding where to go next needs of a row. */
export interface ReviewableRow {
  id: number;
  status: string;
  decision: unknown;
}

/** Unreviewed: nobody has set a verdict yet (an explicit "unverified" verdict counts as reviewed). */
export function isUnreviewed(row: ReviewableRow): boolean {
  return row.status === "unverified" && row.decision === null;
}

/**
 * Where the table goes after a verdict on claim `claimId` (the "move to the next unreviewed
 * claim" setting): the first unreviewed row after it on the page, else the first before it.
 * A claim that left the page with its verdict (a filtered view) is looked for from the
 * place it had (`formerIndex`). Null when no other row of the page waits for a verdict.
 */
export function nextUnreviewedIndex(rows: ReviewableRow[], options: { claimId: number; formerIndex: number }): number | null {
  const at = rows.findIndex((row) => row.id === options.claimId);
  const from = at === -1 ? Math.max(0, options.formerIndex) : at + 1;
  for (let offset = 0; offset < rows.length; offset += 1) {
    const index = (from + offset) % rows.length;
    const row = rows[index]!;
    if (row.id !== options.claimId && isUnreviewed(row)) return index;
  }
  return null;
}
