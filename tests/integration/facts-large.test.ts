import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "../../app/db.server";
import { chunks } from "../../app/lib/chunks";
import { extractClaims } from "../../app/lib/extraction/extract";
import { parsePastedText } from "../../app/lib/import/parse-file";
import { type GroupedClaim, groupClaims } from "../../app/lib/matching/fact-grouping";
import { TimeBudget } from "../../app/lib/matching/time-budget";
import { importArticle } from "../../app/models/document.server";
import { CLAIMS_PER_READ, GROUPING_SLICE, groupNewClaims, regroupFacts } from "../../app/models/fact-grouping.server";
import { projectIndex } from "../../app/models/project-index.server";
import { makeProjectWithTeam } from "../support/factories";

// Fact grouping of a long article (issue 11, finding 3): its claims are placed a slice at a time,
// each slice in its own transaction with a turn of the event loop between, reading the claims
// already in facts once per run (re-reading them per slice made each slice slower than the last),
// and a project with more facts than a query may name (Prisma refuses more than 999 parameters
// on SQLite) groups again.

const FIGURE = "Councillor Ada Oduya said the harbour levy would raise the average berth fee by $140 a year.";
const COUNTER = "A finance office memo put the figure at $95.";

function filler(i: number): string {
  return `The ledger of pier ${i} recorded ${1_000 + i * 13} crates of slate landed during week ${(i % 52) + 1}.`;
}

/** An article whose figure is the last claim of the first slice and whose counter-figure opens the second. */
function articleAcrossSlices(after: number) {
  let before = GROUPING_SLICE - 1;
  for (;;) {
    const text = [
      "Harbour levy ledger",
      "",
      [...Array.from({ length: before }, (_, i) => filler(i)), FIGURE, COUNTER].join(" "),
      "",
      Array.from({ length: after }, (_, i) => filler(before + i)).join(" "),
    ].join("\n");
    const article = parsePastedText(text, "Harbour levy ledger");
    const candidates = extractClaims(article.text, 0);
    const at = candidates.filter((c) => !c.dismissed).findIndex((c) => c.text === FIGURE);
    if (at === GROUPING_SLICE - 1) return { article, candidates };
    if (at === -1) throw new Error("the figure is not a claim of the article");
    before += GROUPING_SLICE - 1 - at;
  }
}

/** A shorter article of the same story, stating the figure and the first ledger entries word for word. */
function earlierArticle() {
  const text = ["Harbour levy, first look", "", [...Array.from({ length: 60 }, (_, i) => filler(i)), FIGURE].join(" ")].join("\n");
  const article = parsePastedText(text, "Harbour levy, first look");
  return { article, candidates: extractClaims(article.text, 0) };
}

const actor = { id: null, name: "test" };

/** The statement that reads the claims already in facts (fact-grouping.server.ts, groupedClaimsIn). */
const READS_GROUPED = /m\."pinned" FROM "FactMember"/;

/** Counts the reads of the claims already in facts while `work` runs. */
async function countGroupedReads<T>(work: () => Promise<T>): Promise<{ value: T; reads: number }> {
  // A spy that calls through with its own `this`: a transaction's client runs its statements through
  // the same method, and bound to the root client they would run outside the transaction.
  const spy = vi.spyOn(getDb(), "$queryRaw");
  const value = await work();
  const reads = spy.mock.calls.filter(([query]) => READS_GROUPED.test((query as unknown as string[]).join("?"))).length;
  spy.mockRestore();
  return { value, reads };
}

/** Every claim of the project in a fact, as the database has it. */
async function membersNow(projectId: number): Promise<GroupedClaim[]> {
  const rows = await getDb().factMember.findMany({
    where: { projectId, claim: { dismissed: false } },
    select: { claimId: true, factId: true, pinned: true, claim: { select: { documentId: true, start: true, text: true } } },
  });
  return rows.map((m) => ({ claimId: m.claimId, factId: m.factId, pinned: m.pinned, ...m.claim }));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("grouping a long article into facts", { timeout: 180_000 }, () => {
  it("places every claim a slice at a time, and a figure and its counter-figure across two slices share a fact", async () => {
    const { project } = await makeProjectWithTeam();
    const { article, candidates } = articleAcrossSlices(250);
    const outcome = await importArticle(project.id, article, { fileName: null, threshold: 0, candidates, groupFacts: false }, actor);
    if (outcome.status !== "imported") throw new Error("not imported");
    const kept = candidates.filter((c) => !c.dismissed).length;
    expect(kept).toBeGreaterThan(2 * GROUPING_SLICE);

    const grouped = await groupNewClaims(project.id, { documentIds: [outcome.documentId] });

    expect(grouped.grouped).toBe(kept);
    expect(await getDb().factMember.count({ where: { projectId: project.id } })).toBe(kept);
    const factOf = async (text: string) => {
      const claim = await getDb().claim.findFirstOrThrow({ where: { projectId: project.id, text } });
      return (await getDb().factMember.findUniqueOrThrow({ where: { claimId: claim.id } })).factId;
    };
    expect(await factOf(COUNTER)).toBe(await factOf(FIGURE));
    // One transaction per slice, and one audit event for the run, naming how many slices it took.
    const events = await getDb().auditEvent.findMany({ where: { projectId: project.id, action: "facts.grouped" } });
    expect(events.map((e) => JSON.parse(e.details))).toEqual([
      { claims: kept, slices: Math.ceil(kept / GROUPING_SLICE), documentIds: [outcome.documentId] },
    ]);
  });

  it("reads the claims to place a page at a time and places every one, two articles' in import order", async () => {
    const { project } = await makeProjectWithTeam();
    const earlier = earlierArticle();
    const first = await importArticle(
      project.id,
      earlier.article,
      { fileName: null, threshold: 0, candidates: earlier.candidates, groupFacts: false },
      actor,
    );
    const { article, candidates } = articleAcrossSlices(CLAIMS_PER_READ);
    const second = await importArticle(project.id, article, { fileName: null, threshold: 0, candidates, groupFacts: false }, actor);
    if (first.status !== "imported" || second.status !== "imported") throw new Error("not imported");
    const kept = await getDb().claim.count({ where: { projectId: project.id, dismissed: false } });
    expect(kept).toBeGreaterThan(CLAIMS_PER_READ + GROUPING_SLICE);
    const spy = vi.spyOn(getDb(), "$queryRaw");
    const grouped = await groupNewClaims(project.id, { documentIds: [first.documentId, second.documentId] });
    const pages = spy.mock.calls.filter(([query]) => /LEFT JOIN "FactMember" m/.test((query as unknown as string[]).join("?"))).length;
    spy.mockRestore();
    expect(pages).toBe(Math.floor(kept / CLAIMS_PER_READ) + 1);
    expect(grouped.grouped).toBe(kept);
    expect(await getDb().factMember.count({ where: { projectId: project.id } })).toBe(kept);
    // The earlier article's figure and the later one's, read on different pages, state one fact.
    const facts = await getDb().factMember.findMany({
      where: { projectId: project.id, claim: { text: FIGURE } },
      select: { factId: true },
    });
    expect(facts).toHaveLength(2);
    expect(facts[0]!.factId).toBe(facts[1]!.factId);
  });

  it("reads the claims already in facts once per run, and places each slice as reading them back before it would", async () => {
    const { project } = await makeProjectWithTeam();
    const earlier = earlierArticle();
    await importArticle(
      project.id,
      earlier.article,
      { fileName: null, threshold: 0, candidates: earlier.candidates, groupFacts: true },
      actor,
    );
    const before = await membersNow(project.id);
    expect(before.length).toBeGreaterThan(50);
    const { article, candidates } = articleAcrossSlices(250);
    const outcome = await importArticle(project.id, article, { fileName: null, threshold: 0, candidates, groupFacts: false }, actor);
    if (outcome.status !== "imported") throw new Error("not imported");
    const claims = await getDb().claim.findMany({
      where: { documentId: outcome.documentId, dismissed: false },
      orderBy: [{ start: "asc" }, { id: "asc" }],
      select: { id: true, documentId: true, start: true, text: true },
    });
    const slices = chunks(
      claims.map((c) => ({ claimId: c.id, documentId: c.documentId, start: c.start, text: c.text })),
      GROUPING_SLICE,
    );
    expect(slices.length).toBeGreaterThanOrEqual(3);

    const { value: grouped, reads } = await countGroupedReads(() => groupNewClaims(project.id, { documentIds: [outcome.documentId] }));

    // Once for the run, not once per slice.
    expect(reads).toBe(1);
    expect(grouped.grouped).toBe(claims.length);
    // The article states the earlier one's ledger entries: its claims join those facts.
    expect(grouped.joined).toBeGreaterThanOrEqual(50);

    // Each slice's placements are the ones the grouping rules give against the claims in facts as
    // the database held them before that slice: the earlier article's, and the earlier slices'.
    const { index } = await projectIndex(project.id, new TimeBudget(60_000));
    const after = await membersNow(project.id);
    const factOf = new Map(after.map((m) => [m.claimId, m.factId]));
    const sliceOf = new Map(slices.flatMap((slice, i) => slice.map((c) => [c.claimId, i] as const)));
    const preRun = new Set(before.map((m) => m.claimId));
    for (const [i, slice] of slices.entries()) {
      const stood = after.filter((m) => preRun.has(m.claimId) || (sliceOf.get(m.claimId) ?? Infinity) < i);
      const factsBefore = new Set(stood.map((m) => m.factId));
      const placements = groupClaims({
        corpus: index.corpus,
        claims: slice,
        groupedIn: (ids) => stood.filter((m) => ids.includes(m.documentId)),
      });
      expect(placements).toHaveLength(slice.length);
      const started = new Map<number, number>();
      for (const p of placements) {
        const stored = factOf.get(p.claimId);
        expect(stored, `claim ${p.claimId} of slice ${i + 1} is in a fact`).toBeDefined();
        if ("factId" in p) expect(stored, `claim ${p.claimId} of slice ${i + 1}`).toBe(p.factId);
        else {
          expect(factsBefore.has(stored!), `claim ${p.claimId} of slice ${i + 1} starts a fact`).toBe(false);
          if (!started.has(p.newFact)) started.set(p.newFact, stored!);
          expect(stored).toBe(started.get(p.newFact));
        }
      }
      // Facts started apart are stored apart.
      expect(new Set(started.values()).size).toBe(started.size);
    }
  });

  it("leaves a claim placed meanwhile where it is, and starts a fact merged away meanwhile again", async () => {
    const { project } = await makeProjectWithTeam();
    const { article, candidates } = articleAcrossSlices(250);
    const outcome = await importArticle(project.id, article, { fileName: null, threshold: 0, candidates, groupFacts: false }, actor);
    if (outcome.status !== "imported") throw new Error("not imported");
    const kept = candidates.filter((c) => !c.dismissed).length;
    const claims = await getDb().claim.findMany({
      where: { documentId: outcome.documentId, dismissed: false },
      orderBy: [{ start: "asc" }, { id: "asc" }],
      select: { id: true, text: true },
    });
    const figure = claims[GROUPING_SLICE - 1]!;
    const counter = claims[GROUPING_SLICE]!;
    expect([figure.text, counter.text]).toEqual([FIGURE, COUNTER]);
    const other = claims[GROUPING_SLICE + 5]!;

    // Before the second slice is stored: another run puts one of its claims in a fact, and an
    // editor merges the figure's fact into the first claim's.
    const db = getDb();
    const transaction = db.$transaction;
    let transactions = 0;
    let meanwhile: { otherFact: number; figureFact: number } | undefined;
    vi.spyOn(db, "$transaction").mockImplementation(async function (this: unknown, ...args: Parameters<typeof db.$transaction>) {
      transactions += 1;
      if (transactions === 2) {
        const otherFact = (await db.fact.create({ data: { projectId: project.id } })).id;
        await db.factMember.create({ data: { claimId: other.id, factId: otherFact, projectId: project.id } });
        const figureFact = (await db.factMember.findUniqueOrThrow({ where: { claimId: figure.id } })).factId;
        const into = (await db.factMember.findUniqueOrThrow({ where: { claimId: claims[0]!.id } })).factId;
        await db.factMember.update({ where: { claimId: figure.id }, data: { factId: into, pinned: true } });
        await db.fact.delete({ where: { id: figureFact } });
        meanwhile = { otherFact, figureFact };
      }
      return transaction.apply(this, args);
    } as typeof db.$transaction);

    const { value: grouped, reads } = await countGroupedReads(() => groupNewClaims(project.id, { documentIds: [outcome.documentId] }));

    expect(meanwhile).toBeDefined();
    // Everything but the claim placed meanwhile, each claim once.
    expect(grouped.grouped).toBe(kept - 1);
    expect(await db.factMember.count({ where: { projectId: project.id } })).toBe(kept);
    expect((await db.factMember.findUniqueOrThrow({ where: { claimId: other.id } })).factId).toBe(meanwhile!.otherFact);
    // The counter-figure was to join the figure's fact, merged away meanwhile: it starts a fact again.
    const counterFact = (await db.factMember.findUniqueOrThrow({ where: { claimId: counter.id } })).factId;
    expect(counterFact).not.toBe(meanwhile!.figureFact);
    expect(await db.fact.count({ where: { id: counterFact } })).toBe(1);
    // Finding the fact gone, the run read the claims in facts again for the slices after it.
    expect(reads).toBe(2);
  });

  it("groups one article from two runs at once, each claim once, one slice at a time", async () => {
    const { project } = await makeProjectWithTeam();
    const { article, candidates } = articleAcrossSlices(250);
    const outcome = await importArticle(project.id, article, { fileName: null, threshold: 0, candidates, groupFacts: false }, actor);
    if (outcome.status !== "imported") throw new Error("not imported");
    const kept = candidates.filter((c) => !c.dismissed).length;

    // Both runs find the article's claims in no fact (its sentences already read), and on
    // PostgreSQL their slices are on two connections: each slice takes the project's chain lock
    // before it checks which claims are still in no fact.
    await projectIndex(project.id, new TimeBudget(60_000));
    const runs = await Promise.all([
      groupNewClaims(project.id, { documentIds: [outcome.documentId] }),
      groupNewClaims(project.id, { documentIds: [outcome.documentId] }),
    ]);

    expect(runs[0]!.grouped + runs[1]!.grouped).toBe(kept);
    expect(await getDb().factMember.count({ where: { projectId: project.id } })).toBe(kept);
    const events = await getDb().auditEvent.findMany({ where: { projectId: project.id, action: "facts.grouped" } });
    expect(events.map((e) => (JSON.parse(e.details) as { claims: number }).claims).sort((a, b) => a - b)).toEqual(
      runs.map((r) => r.grouped).sort((a, b) => a - b),
    );
  });

  it("records the slices stored before a failure, and that the run stopped", async () => {
    const { project } = await makeProjectWithTeam();
    const { article, candidates } = articleAcrossSlices(250);
    const outcome = await importArticle(project.id, article, { fileName: null, threshold: 0, candidates, groupFacts: false }, actor);
    if (outcome.status !== "imported") throw new Error("not imported");
    const db = getDb();
    const transaction = db.$transaction;
    let transactions = 0;
    vi.spyOn(db, "$transaction").mockImplementation(async function (this: unknown, ...args: Parameters<typeof db.$transaction>) {
      transactions += 1;
      if (transactions === 2) throw new Error("the database went away");
      return transaction.apply(this, args);
    } as typeof db.$transaction);

    await expect(groupNewClaims(project.id, { documentIds: [outcome.documentId] })).rejects.toThrow("the database went away");

    expect(await db.factMember.count({ where: { projectId: project.id } })).toBe(GROUPING_SLICE);
    const events = await db.auditEvent.findMany({ where: { projectId: project.id, action: "facts.grouped" } });
    expect(events.map((e) => JSON.parse(e.details))).toEqual([
      { claims: GROUPING_SLICE, slices: 1, documentIds: [outcome.documentId], stopped: true },
    ]);
  });

  it("groups a project of more than a thousand facts again", async () => {
    const { project, members } = await makeProjectWithTeam();
    const { article, candidates } = articleAcrossSlices(1_000);
    const outcome = await importArticle(project.id, article, { fileName: null, threshold: 0, candidates, groupFacts: true }, actor);
    if (outcome.status !== "imported") throw new Error("not imported");
    const facts = await getDb().fact.count({ where: { projectId: project.id } });
    expect(facts).toBeGreaterThan(1_000);

    await regroupFacts(project.id, { id: members.editor.id, name: members.editor.username });

    expect(await getDb().fact.count({ where: { projectId: project.id } })).toBe(facts);
    const claims = await getDb().claim.count({ where: { projectId: project.id, dismissed: false } });
    expect(await getDb().factMember.count({ where: { projectId: project.id } })).toBe(claims);
  });
});
