import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { parseClaimQuery } from "../../app/lib/claim-query";
import type { ClaimCandidate } from "../../app/lib/extraction/extract";
import type { ParsedArticle } from "../../app/lib/import/types";
import { CLAIM_INSERT_BATCH } from "../../app/models/claim-insert.server";
import { searchClaims } from "../../app/models/claim-search.server";
import { importArticle } from "../../app/models/document.server";
import { makeProjectWithTeam } from "../support/factories";
import { testLane } from "../support/test-database";

// Storing a big article's claims (issue 11, finding 3): the rows land in plain batched INSERTs and
// the store yields the event loop between batches, so one process keeps answering `/healthz`
// and its other requests while an article of thousands of claims is written.

const CLAIMS = 4_000;
const actor = { id: null, name: "test" };
/**
 * The longest the store may hold the event loop in this test. A guard against the regression
 * (one createMany of every row held it 4.5 s), not the target: issue 11's 1 s bound for
 * `/healthz` is measured by bench:import. Twice it, so a busy CI machine's pauses do not fail the
 * test; in batches the longest hold measured 60-100 ms.
 */
const LONGEST_HOLD_MS = 2_000;

function bigArticle(claims = CLAIMS): { article: ParsedArticle; candidates: ClaimCandidate[] } {
  const sentences = Array.from(
    { length: claims },
    (_, i) => `Harbour ledger entry ${i} records ${i * 7} tonnes of grain landed on pier ${i % 40}.`,
  );
  const text = sentences.join(" ");
  let start = 0;
  const candidates = sentences.map((sentence, i) => {
    const candidate: ClaimCandidate = {
      start,
      end: start + sentence.length,
      text: sentence,
      prefix: text.slice(Math.max(0, start - 32), start),
      suffix: text.slice(start + sentence.length, start + sentence.length + 32),
      checkworthiness: 0.5 + (i % 50) / 100,
      reasons: [{ kind: "number", evidence: `${i * 7} tonnes`, weight: 0.5 }],
      speaker: i % 3 === 0 ? "Port authority clerk O'Hara" : null,
      dismissed: i % 10 === 0,
    };
    start += sentence.length + 1;
    return candidate;
  });
  const article: ParsedArticle = {
    format: "text",
    title: "Harbour ledger, full year",
    text,
    sanitizedHtml: null,
    author: null,
    outlet: "Pier Gazette",
    url: null,
    publishedAt: null,
  };
  return { article, candidates };
}

/**
 * Counts the event loop's turns (macrotasks) until stopped, and the longest time between two of
 * them (or from the last one to the stop): none run while a caller holds the loop.
 */
function watchTurns() {
  let turns = 0;
  let running = true;
  let last = performance.now();
  let longestMs = 0;
  const tick = () => {
    if (!running) return;
    turns += 1;
    const now = performance.now();
    longestMs = Math.max(longestMs, now - last);
    last = now;
    setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop: () => {
      running = false;
      return { turns, longestMs: Math.max(longestMs, performance.now() - last) };
    },
  };
}

describe("storing an article's claims", { timeout: 120_000 }, () => {
  it("stores every claim as extracted, searchable, never holding the event loop for long", async () => {
    const { project, members } = await makeProjectWithTeam();
    const { article, candidates } = bigArticle();

    const watch = watchTurns();
    const outcome = await importArticle(project.id, article, { fileName: null, threshold: null, candidates, groupFacts: false }, actor);
    const { longestMs } = watch.stop();

    expect(outcome).toMatchObject({ status: "imported" });
    // Other requests of the process are served while the article is stored. A bound, not a count
    // of turns, holds on both databases: building the 4,000 rows at once (Prisma's createMany)
    // held the loop 4.5 s on PostgreSQL although its network waits turned the loop 200,000 times;
    // in batches the longest hold was 60-100 ms on either database (2 shared cores, loaded).
    expect(longestMs).toBeLessThan(LONGEST_HOLD_MS);

    const documentId = outcome.status === "imported" ? outcome.documentId : -1;
    const stored = await getDb().claim.findMany({ where: { documentId }, orderBy: { start: "asc" } });
    expect(stored).toHaveLength(CLAIMS);
    for (const [i, claim] of stored.entries()) {
      const candidate = candidates[i]!;
      expect(claim).toMatchObject({
        projectId: project.id,
        text: candidate.text,
        start: candidate.start,
        end: candidate.end,
        prefix: candidate.prefix,
        suffix: candidate.suffix,
        speaker: candidate.speaker,
        dismissed: candidate.dismissed,
        status: "unverified",
        version: 1,
      });
      expect(claim.checkworthiness).toBeCloseTo(candidate.checkworthiness, 6);
      expect(JSON.parse(claim.reasons)).toEqual(candidate.reasons);
      expect(article.text.slice(claim.start, claim.end)).toBe(claim.text);
    }
    // Timestamps read back as dates the app can compare and show.
    expect(stored[0]!.createdAt).toBeInstanceOf(Date);
    expect(Math.abs(stored[0]!.createdAt.getTime() - Date.now())).toBeLessThan(10 * 60_000);

    // The full-text index has the rows the batched INSERTs wrote, speakers included.
    const { rows } = await searchClaims({
      projectId: project.id,
      query: parseClaimQuery(new URLSearchParams({ q: '"entry 3999"' })),
      viewerId: members.viewer.id,
    });
    expect(rows.map((row) => row.text)).toEqual([candidates[3_999]!.text]);
    const bySpeaker = await searchClaims({
      projectId: project.id,
      query: parseClaimQuery(new URLSearchParams({ q: 'O\'Hara "entry 2997"' })),
      viewerId: members.viewer.id,
    });
    expect(bySpeaker.rows.map((row) => row.text)).toEqual([candidates[2_997]!.text]);
  });

  // SQLite only: its driver runs each statement synchronously, so the loop turns only where the
  // store yields, and the count tells whether it yields before every batch. On PostgreSQL every
  // statement awaits the network and the loop turns anyway, so the count could not fail there.
  it.skipIf(testLane() === "postgres")(
    "yields the event loop before each batch of claims (SQLite only: on PostgreSQL network waits turn the loop anyway)",
    async () => {
      const { project } = await makeProjectWithTeam();
      const claims = 10 * CLAIM_INSERT_BATCH;
      const { article, candidates } = bigArticle(claims);

      const watch = watchTurns();
      await importArticle(project.id, article, { fileName: null, threshold: null, candidates, groupFacts: false }, actor);
      const { turns } = watch.stop();

      expect(turns).toBeGreaterThanOrEqual(claims / CLAIM_INSERT_BATCH);
    },
  );

  it("stores nothing when the article's transaction fails after its claims were written", async () => {
    const { project } = await makeProjectWithTeam();
    const { article, candidates } = bigArticle();
    const failing = importArticle(
      project.id,
      article,
      {
        fileName: null,
        threshold: null,
        candidates,
        groupFacts: false,
        onStored: async () => {
          throw new Error("job record could not be written");
        },
      },
      actor,
    );
    await expect(failing).rejects.toThrow("job record could not be written");
    expect(await getDb().document.count({ where: { projectId: project.id } })).toBe(0);
    expect(await getDb().claim.count({ where: { projectId: project.id } })).toBe(0);
  });
});
