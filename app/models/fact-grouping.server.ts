import { setImmediate as nextTurn } from "node:timers/promises";
import { Prisma, type Tx, getDb } from "../db.server";
import { IDS_PER_QUERY, chunks } from "../lib/chunks";
import {
  type ClaimUnit,
  type GroupedClaim,
  type PairScorer,
  type Placement,
  articlesToRead,
  createPairScorer,
  groupClaims,
  groupingSteps,
} from "../lib/matching/fact-grouping";
import { refreshFacts } from "./fact-refresh.server";
import { TimeBudget } from "../lib/matching/time-budget";
import { type SentenceIndex, projectIndex } from "./project-index.server";
import { AppError } from "../lib/app-error";
import { type AuditEntry, writeProject } from "./unit-of-work.server";
import { lockAuditChain } from "./audit.server";
import { getLogger } from "../observability/logger.server";
import type { Actor } from "./user.server";

/**
 * How long grouping may read articles into sentences (a new article's, or all of them after a new
 * version): an import does not wait on a long article; its claims are grouped on a later run.
 */
const GROUPING_BUDGET_MS = 3_000;

/** Claims placed per transaction on import: a few hundred milliseconds of work on a busy core. */
export const GROUPING_SLICE = 200;

/** How long grouping holds the event loop before it gives other requests a turn. */
const PACE_MS = 20;

/** How long a step of reading sentences' details may hold the event loop before a grouping run. */
const DETAILS_STEP_MS = 20;

/** Grouping done by the app itself (on import), as the audit trail names it. */
const SYSTEM: Actor = { id: null, name: null };

export interface GroupingOutcome {
  /** Claims given a fact. */
  grouped: number;
  /** Of those, the ones that joined a fact other articles state. */
  joined: number;
  /** Facts started. */
  started: number;
}

type ClaimRow = { id: number; documentId: number; start: number; text: string };

/** Claims read per query: a 3 MB article's 37,000 claims read at once held the event loop 0.6 s. */
export const CLAIMS_PER_READ = 2_000;

/** Claims of current articles that are not dismissed and in no fact, in import order, read a page at a time. */
async function ungroupedClaims(projectId: number, documentIds?: number[]): Promise<ClaimUnit[]> {
  const db = getDb();
  if (documentIds && documentIds.length === 0) return [];
  const found: ClaimUnit[] = [];
  for (;;) {
    const last = found.at(-1);
    const rows = await db.$queryRaw<ClaimRow[]>`
      SELECT c."id", c."documentId", c."start", c."text" FROM "Claim" c
      JOIN "Document" d ON d."id" = c."documentId"
      LEFT JOIN "FactMember" m ON m."claimId" = c."id"
      WHERE c."projectId" = ${projectId} AND c."dismissed" = false AND d."supersededAt" IS NULL AND m."claimId" IS NULL
        ${documentIds ? Prisma.sql`AND c."documentId" IN (${Prisma.join(documentIds)})` : Prisma.empty}
        ${last ? Prisma.sql`AND (c."documentId", c."start", c."id") > (${last.documentId}, ${last.start}, ${last.claimId})` : Prisma.empty}
      ORDER BY c."documentId", c."start", c."id"
      LIMIT ${CLAIMS_PER_READ}`;
    for (const row of rows)
      found.push({ claimId: Number(row.id), documentId: Number(row.documentId), start: Number(row.start), text: row.text });
    if (rows.length < CLAIMS_PER_READ) return found;
    await nextTurn();
  }
}

/** The claims already in facts in these articles (pinned or not). */
async function groupedClaimsIn(projectId: number, documentIds: number[]): Promise<GroupedClaim[]> {
  const grouped: GroupedClaim[] = [];
  // In runs of ids: an import job groups a hundred articles at once, each read against up to a dozen others.
  for (const run of chunks(documentIds, IDS_PER_QUERY)) {
    const rows = await getDb().$queryRaw<Array<ClaimRow & { factId: number; pinned: boolean | number }>>`
      SELECT c."id", c."documentId", c."start", c."text", m."factId", m."pinned" FROM "FactMember" m
      JOIN "Claim" c ON c."id" = m."claimId"
      WHERE m."projectId" = ${projectId} AND c."dismissed" = false AND c."documentId" IN (${Prisma.join(run)})`;
    for (const row of rows)
      grouped.push({
        claimId: Number(row.id),
        documentId: Number(row.documentId),
        start: Number(row.start),
        text: row.text,
        factId: Number(row.factId),
        pinned: Boolean(row.pinned),
      });
  }
  return grouped;
}

/** The articles whose facts these claims are read against: their own, and the most alike to each. */
function articlesRead(index: SentenceIndex, claims: ClaimUnit[]): number[] {
  const articles = new Set(claims.map((c) => c.documentId));
  for (const documentId of [...articles]) for (const [other] of articlesToRead(index.corpus, documentId)) articles.add(other);
  return [...articles];
}

/** Claims in facts by article, as `groupClaims` asks for them; a grouping run adds to it what each slice stores. */
class KnownMembers {
  private readonly byArticle = new Map<number, GroupedClaim[]>();
  private readonly known = new Set<number>();

  constructor(grouped: Iterable<GroupedClaim>) {
    this.add(grouped);
  }

  /** Adds claims in facts; a claim already known (placed by another run after the first read) takes its new place. */
  add(grouped: Iterable<GroupedClaim>): void {
    for (const claim of grouped) {
      const list = this.byArticle.get(claim.documentId);
      if (!list) this.byArticle.set(claim.documentId, [claim]);
      else if (!this.known.has(claim.claimId)) list.push(claim);
      else
        list.splice(
          list.findIndex((c) => c.claimId === claim.claimId),
          1,
          claim,
        );
      this.known.add(claim.claimId);
    }
  }

  in = (documentIds: number[]): GroupedClaim[] => documentIds.flatMap((id) => this.byArticle.get(id) ?? []);
}

/** The placements of claims, read against the claims already in facts that `known` holds. */
function place(index: SentenceIndex, claims: ClaimUnit[], options: { known: KnownMembers; scorer?: PairScorer }): Placement[] {
  if (claims.length === 0) return [];
  return groupClaims({ corpus: index.corpus, claims, groupedIn: options.known.in, scorer: options.scorer });
}

/** The same, a claim at a time, giving the event loop a turn whenever `pace` says it has held it long enough. */
async function placeInSteps(
  index: SentenceIndex,
  claims: ClaimUnit[],
  options: { known: KnownMembers; scorer: PairScorer; pace: TimeBudget },
): Promise<Placement[]> {
  if (claims.length === 0) return [];
  const steps = groupingSteps({ corpus: index.corpus, claims, groupedIn: options.known.in, scorer: options.scorer });
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await options.pace.breathe();
  }
}

/** A claim's fact as a write left it. */
interface Membership {
  claimId: number;
  factId: number;
  pinned: boolean;
}

interface AppliedPlacements {
  outcome: GroupingOutcome;
  /**
   * Where each placed claim now is: the fact it was put in (a fact started here included), or,
   * for a claim another run or an editor had put in a fact meanwhile, that fact.
   */
  members: Membership[];
  /** Facts named by a placement that were gone (merged away meanwhile) and were started again. */
  restarted: number;
}

/** Stores placements: new facts created, claims added to facts (those still in none), facts refreshed. */
async function applyPlacements(
  tx: Tx,
  options: { projectId: number; placements: Placement[]; pace?: TimeBudget },
): Promise<AppliedPlacements> {
  const { projectId, placements, pace } = options;
  const claimIds = placements.map((p) => p.claimId);
  const taken = new Map<number, Membership>();
  for (const run of chunks(claimIds, IDS_PER_QUERY))
    for (const m of await tx.factMember.findMany({
      where: { claimId: { in: run } },
      select: { claimId: true, factId: true, pinned: true },
    }))
      taken.set(m.claimId, m);
  await pace?.breathe();
  const wanted = placements.filter((p) => !taken.has(p.claimId));
  // A fact merged away meanwhile is started again for the claims that were to join it.
  const named = [...new Set(wanted.flatMap((p) => ("factId" in p ? [p.factId] : [])))];
  const existing = new Set<number>();
  for (const run of chunks(named, IDS_PER_QUERY))
    for (const f of await tx.fact.findMany({ where: { projectId, id: { in: run } }, select: { id: true } })) existing.add(f.id);
  const keys = [
    ...new Set(wanted.map((p) => ("factId" in p ? (existing.has(p.factId) ? null : `gone:${p.factId}`) : `new:${p.newFact}`))),
  ].filter((key): key is string => key !== null);
  const created = keys.length > 0 ? await tx.fact.createManyAndReturn({ data: keys.map(() => ({ projectId })), select: { id: true } }) : [];
  const newId = new Map(keys.map((key, i) => [key, created[i]!.id]));
  const factOf = (p: Placement) =>
    "factId" in p ? (existing.has(p.factId) ? p.factId : newId.get(`gone:${p.factId}`)!) : newId.get(`new:${p.newFact}`)!;
  await pace?.breathe();
  if (wanted.length > 0)
    await tx.factMember.createMany({ data: wanted.map((p) => ({ claimId: p.claimId, factId: factOf(p), projectId })) });
  await pace?.breathe();
  await refreshFacts(tx, { projectId, factIds: wanted.map(factOf), pace });
  return {
    outcome: {
      grouped: wanted.length,
      joined: wanted.filter((p) => "factId" in p && existing.has(p.factId)).length,
      started: created.length,
    },
    members: [...wanted.map((p) => ({ claimId: p.claimId, factId: factOf(p), pinned: false })), ...taken.values()],
    restarted: keys.filter((key) => key.startsWith("gone:")).length,
  };
}

/**
 * Puts the claims that are in no fact (a new article's, a restored or added claim) into facts:
 * each joins the fact of alike articles it most likely states or starts one (lib/matching/fact-grouping).
 * Safe to run twice or from two processes: a claim already in a fact is left where it is.
 */
export async function groupNewClaims(projectId: number, options: { documentIds?: number[] } = {}): Promise<GroupingOutcome> {
  const found = await ungroupedClaims(projectId, options.documentIds);
  if (found.length === 0) return { grouped: 0, joined: 0, started: 0 };
  const { index } = await projectIndex(projectId, new TimeBudget(GROUPING_BUDGET_MS));
  // An article not yet read into sentences waits for a later run (its claims stay in no fact, and are counted as such).
  const claims = found.filter((claim) => index.corpus.hasDocument(claim.documentId));
  if (claims.length === 0) return { grouped: 0, joined: 0, started: 0 };
  // Every sentence's details first, a few milliseconds at a time: read on demand, the first slice
  // read a 3 MB article's 37,000 sentences at once and held the process for 5 s.
  while (!index.readDetails(new TimeBudget(DETAILS_STEP_MS))) await nextTurn();
  const total: GroupingOutcome = { grouped: 0, joined: 0, started: 0 };
  const slices = chunks(claims, GROUPING_SLICE);
  const documentIds = [...new Set(claims.map((c) => c.documentId))];
  const articles = articlesRead(index, claims);
  // The claims already in facts are read once per run, and each slice's stored placements are
  // added to them, so a later slice reads the facts the earlier ones stored (claims of one
  // article still join one another's facts) without reading them back: re-reading them per
  // slice made each slice of a 3 MB article slower than the one before. A slice that found a
  // fact merged away meanwhile reads them again, so the next one sees where its claims went.
  // Other changes made meanwhile (another run's facts in alike articles, an editor's move) are
  // seen by the next run; a claim placed meanwhile is still left where it is (applyPlacements).
  let known = new KnownMembers(await groupedClaimsIn(projectId, articles));
  const unitOf = new Map(claims.map((c) => [c.claimId, c]));
  // One scorer for the run, as for a run in one piece: a scorer per slice read the sentences of a
  // big article and of its alike ones again for every slice (a 3 MB article alike to a short one:
  // 8-15 s a slice, most of it aligning the short one's claims with all 37,000 sentences again).
  const scorer = createPairScorer(index.corpus);
  // Every step of the run (placing a claim, a statement of a slice's write) lets requests in once it has held the loop this long.
  const pace = new TimeBudget(Number.POSITIVE_INFINITY, undefined, PACE_MS);
  let stored = 0;
  try {
    // A slice at a time, each in its own transaction, with a turn of the event loop between: placing
    // a 3 MB article's claims at once held the loop for seconds (4,300 claims: 7.4 s).
    for (const [i, slice] of slices.entries()) {
      await nextTurn();
      const placements = await placeInSteps(index, slice, { known, scorer, pace });
      let restarted = 0;
      await writeProject({ projectId, actor: SYSTEM }, async ({ tx, audit, claimsChanged, afterCommit }) => {
        // The project's chain lock first, in every slice, so groupings of one project store one slice at a
        // time and each one's check of the claims already in a fact sees the others' (PostgreSQL reads
        // committed rows). The run's one event comes with its last slice: the lock needs no event.
        await lockAuditChain(tx, projectId);
        const applied = await applyPlacements(tx, { projectId, placements, pace });
        if (i === slices.length - 1)
          await audit(groupedEvent(projectId, { claims: total.grouped + applied.outcome.grouped, slices: slices.length, documentIds }));
        if (applied.outcome.grouped > 0) claimsChanged([], `${applied.outcome.grouped} claims grouped into facts`);
        // Counted once committed, so a failure after the commit (publishing the live update) is not taken for a lost slice.
        afterCommit(async () => {
          stored += 1;
          total.grouped += applied.outcome.grouped;
          total.joined += applied.outcome.joined;
          total.started += applied.outcome.started;
          restarted = applied.restarted;
          known.add(applied.members.map((m) => ({ ...unitOf.get(m.claimId)!, factId: m.factId, pinned: m.pinned })));
        });
      });
      if (restarted > 0) known = new KnownMembers(await groupedClaimsIn(projectId, articles));
    }
  } catch (error) {
    // The slices stored before a failure keep their facts: the trail records them, and that the run stopped.
    if (stored > 0 && stored < slices.length)
      await writeProject({ projectId, actor: SYSTEM }, ({ audit }) =>
        audit(groupedEvent(projectId, { claims: total.grouped, slices: stored, documentIds, stopped: true })),
      ).catch((failure: unknown) =>
        getLogger().error({ err: failure, projectId }, "claimdesk: recording a stopped fact grouping in the audit trail failed"),
      );
    throw error;
  }
  return total;
}

/** The audit event of one grouping run: how many claims it put in facts, in how many slices (transactions). */
function groupedEvent(
  projectId: number,
  details: { claims: number; slices: number; documentIds: number[]; stopped?: boolean },
): AuditEntry {
  return { action: "facts.grouped", targetType: "project", targetId: projectId, details };
}

/**
 * Groups the project again from scratch, article by article in import order, as the current
 * rules would: every claim an editor has not placed by hand (merge, split, move) may move;
 * those placed by hand stay, and others may join their facts. One transaction.
 */
export async function regroupFacts(projectId: number, actor: Actor): Promise<GroupingOutcome> {
  const db = getDb();
  const { index, unread } = await projectIndex(projectId, new TimeBudget(GROUPING_BUDGET_MS * 10));
  if (unread > 0)
    throw new AppError("conflict", `${unread} articles are still being read into sentences; group the facts again in a moment.`);
  const pinned = (
    await db.$queryRaw<Array<ClaimRow & { factId: number }>>`
      SELECT c."id", c."documentId", c."start", c."text", m."factId" FROM "FactMember" m JOIN "Claim" c ON c."id" = m."claimId"
      WHERE m."projectId" = ${projectId} AND m."pinned" = true AND c."dismissed" = false`
  ).map((row) => ({
    claimId: Number(row.id),
    documentId: Number(row.documentId),
    start: Number(row.start),
    text: row.text,
    factId: Number(row.factId),
    pinned: true,
  }));
  const pinnedIds = new Set(pinned.map((c) => c.claimId));
  const claims = (
    await db.$queryRaw<ClaimRow[]>`
    SELECT c."id", c."documentId", c."start", c."text" FROM "Claim" c JOIN "Document" d ON d."id" = c."documentId"
    WHERE c."projectId" = ${projectId} AND c."dismissed" = false AND d."supersededAt" IS NULL
    ORDER BY c."documentId", c."start", c."id"`
  )
    .map((row) => ({ claimId: Number(row.id), documentId: Number(row.documentId), start: Number(row.start), text: row.text }))
    .filter((c) => !pinnedIds.has(c.claimId));
  const placements = place(index, claims, { known: new KnownMembers(pinned) });
  return writeProject({ projectId, actor, large: true }, async ({ tx, audit, claimsChanged }) => {
    await audit({
      action: "facts.regrouped",
      targetType: "project",
      targetId: projectId,
      details: { claims: placements.length, kept: pinned.length },
    });
    const before = await tx.fact.findMany({ where: { projectId }, select: { id: true } });
    await tx.factMember.deleteMany({ where: { projectId, pinned: false } });
    const { outcome } = await applyPlacements(tx, { projectId, placements });
    await refreshFacts(tx, { projectId, factIds: before.map((f) => f.id) });
    claimsChanged([], `${actor.name} regrouped the facts`);
    return outcome;
  });
}

/** After a claim is added, dismissed or restored: a claim in no fact is grouped, and its fact's differences follow the change. */
export async function regroupClaim(projectId: number, claimId: number): Promise<void> {
  const member = await getDb().factMember.findFirst({ where: { claimId, projectId }, select: { factId: true } });
  if (!member) {
    const claim = await getDb().claim.findFirst({ where: { id: claimId, projectId }, select: { documentId: true } });
    if (claim) await groupNewClaims(projectId, { documentIds: [claim.documentId] });
    return;
  }
  await getDb().$transaction((tx) => refreshFacts(tx, { projectId, factIds: [member.factId] }));
}
