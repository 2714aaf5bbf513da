import { CLAIM_STATUSES, type ClaimStatus } from "../claim-status";
import { PROPOSAL_ACTION, SECOND_REVIEW_ACTION } from "../review/audit-actions";
import { cohensKappa, fleissKappa, krippendorffAlphaNominal, percentAgreement } from "./statistics";

// Agreement between first and second reviewers, from the audit trail's review events. A
// claim's review round is a first verdict (the proposal, revised as often as its author
// likes: the last one counts) and a second, independent verdict. Client-safe: the
// Agreement view, the CLI and the tests share these types.

/** Cohen's kappa is given for a pair of reviewers only when they share at least this many claims. */
export const MIN_SHARED_CLAIMS = 10;

export interface Reviewer {
  id: number | null;
  name: string;
}

/** One completed round: the first reviewer's last proposal and the second reviewer's verdict. */
export interface ReviewPair {
  claimId: number;
  round: number;
  first: Reviewer & { status: ClaimStatus };
  second: Reviewer & { status: ClaimStatus };
  /** When the second verdict was given (the pair is complete from then on). */
  at: string;
  /** False when the second reviewer could see the proposal (an editor): not an independent verdict. */
  blind: boolean;
}

/** The review events of the audit trail that agreement is computed from. */
export interface ReviewEvent {
  action: string;
  claimId: number;
  actorId: number | null;
  actorName: string | null;
  createdAt: Date;
  details: Record<string, unknown>;
}

export { PROPOSAL_ACTION, SECOND_REVIEW_ACTION };

const isStatus = (value: unknown): value is ClaimStatus =>
  typeof value === "string" && (CLAIM_STATUSES as readonly string[]).includes(value);

/**
 * Pairs each second review with the last proposal of the same claim and round, in the
 * order of the events (the trail's order). Proposals never answered are not pairs.
 */
export function pairsFromEvents(events: Iterable<ReviewEvent>): ReviewPair[] {
  const proposals = new Map<string, ReviewEvent>();
  const pairs: ReviewPair[] = [];
  for (const event of events) {
    const round = typeof event.details.round === "number" ? event.details.round : 1;
    const key = `${event.claimId}:${round}`;
    if (event.action === PROPOSAL_ACTION) {
      proposals.set(key, event);
      continue;
    }
    if (event.action !== SECOND_REVIEW_ACTION) continue;
    const proposal = proposals.get(key);
    const firstStatus = proposal?.details.status;
    const secondStatus = event.details.status;
    if (!proposal || !isStatus(firstStatus) || !isStatus(secondStatus)) continue;
    proposals.delete(key);
    pairs.push({
      claimId: event.claimId,
      round,
      first: { id: proposal.actorId, name: proposal.actorName ?? "unknown", status: firstStatus },
      second: { id: event.actorId, name: event.actorName ?? "unknown", status: secondStatus },
      at: event.createdAt.toISOString(),
      blind: event.details.blind !== false,
    });
  }
  return pairs;
}

export interface MatrixCell {
  count: number;
  claimIds: number[];
}

export interface PairAgreement {
  /** The two reviewers, ordered by name so that a pair is one row whoever reviewed first. */
  a: Reviewer;
  b: Reviewer;
  shared: number;
  percentAgreement: number | null;
  /** Cohen's kappa; null below MIN_SHARED_CLAIMS shared claims or when undefined. */
  kappa: number | null;
  kappaDefined: boolean;
  /** cells[i][j]: claims reviewer a put in CLAIM_STATUSES[i] and reviewer b in CLAIM_STATUSES[j]. */
  cells: MatrixCell[][];
}

export interface AgreementReport {
  categories: readonly ClaimStatus[];
  /** Completed rounds (claims reviewed twice) in the period. */
  pairs: number;
  agreed: number;
  /** Rounds whose second reviewer could see the proposal (editors see everything). */
  notBlind: number;
  percentAgreement: number | null;
  /** Fleiss' kappa over every round (two ratings each). */
  fleissKappa: number | null;
  /** Krippendorff's alpha (nominal) over the same ratings. */
  krippendorffAlpha: number | null;
  /** First verdict by row, second by column. */
  firstBySecond: MatrixCell[][];
  reviewerPairs: PairAgreement[];
  minSharedClaims: number;
}

function emptyCells(): MatrixCell[][] {
  return CLAIM_STATUSES.map(() => CLAIM_STATUSES.map(() => ({ count: 0, claimIds: [] as number[] })));
}

function addToCell(cells: MatrixCell[][], row: ClaimStatus, column: ClaimStatus, claimId: number) {
  const cell = cells[CLAIM_STATUSES.indexOf(row)]![CLAIM_STATUSES.indexOf(column)]!;
  cell.count += 1;
  cell.claimIds.push(claimId);
}

const counts = (cells: MatrixCell[][]) => cells.map((row) => row.map((cell) => cell.count));
const reviewerKey = (reviewer: Reviewer) => (reviewer.id === null ? `name:${reviewer.name}` : `id:${reviewer.id}`);

/** Percent agreement, Fleiss' kappa, Krippendorff's alpha and Cohen's kappa per pair of reviewers. */
export function agreementReport(pairs: readonly ReviewPair[]): AgreementReport {
  const firstBySecond = emptyCells();
  const byPair = new Map<string, { a: Reviewer; b: Reviewer; cells: MatrixCell[][]; shared: number }>();
  for (const pair of pairs) {
    addToCell(firstBySecond, pair.first.status, pair.second.status, pair.claimId);
    const [a, b] = [pair.first, pair.second].sort((x, y) => x.name.localeCompare(y.name) || reviewerKey(x).localeCompare(reviewerKey(y)));
    const key = `${reviewerKey(a!)}|${reviewerKey(b!)}`;
    let entry = byPair.get(key);
    if (!entry)
      byPair.set(key, (entry = { a: { id: a!.id, name: a!.name }, b: { id: b!.id, name: b!.name }, cells: emptyCells(), shared: 0 }));
    entry.shared += 1;
    addToCell(entry.cells, a!.status, b!.status, pair.claimId);
  }
  const agreed = pairs.filter((pair) => pair.first.status === pair.second.status).length;
  const fleiss = fleissKappa(
    pairs.map((pair) => CLAIM_STATUSES.map((status) => Number(pair.first.status === status) + Number(pair.second.status === status))),
  );
  const alpha = krippendorffAlphaNominal(pairs.map((pair) => [pair.first.status, pair.second.status]));
  const reviewerPairs = [...byPair.values()]
    .map((entry): PairAgreement => {
      const table = counts(entry.cells);
      const kappa = cohensKappa(table).kappa;
      const enough = entry.shared >= MIN_SHARED_CLAIMS;
      return {
        a: entry.a,
        b: entry.b,
        shared: entry.shared,
        percentAgreement: percentAgreement(table),
        kappa: enough ? kappa : null,
        kappaDefined: enough && kappa !== null,
        cells: entry.cells,
      };
    })
    .sort((x, y) => y.shared - x.shared || x.a.name.localeCompare(y.a.name) || x.b.name.localeCompare(y.b.name));
  return {
    categories: CLAIM_STATUSES,
    pairs: pairs.length,
    agreed,
    notBlind: pairs.filter((pair) => !pair.blind).length,
    percentAgreement: pairs.length === 0 ? null : agreed / pairs.length,
    fleissKappa: fleiss.kappa,
    krippendorffAlpha: alpha.alpha,
    firstBySecond,
    reviewerPairs,
    minSharedClaims: MIN_SHARED_CLAIMS,
  };
}
