import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { extractClaims } from "../../app/lib/extraction/extract";
import { parsePastedText } from "../../app/lib/import/parse-file";
import { importArticle } from "../../app/models/document.server";
import { GROUPING_SLICE, groupNewClaims, regroupFacts } from "../../app/models/fact-grouping.server";
import { makeProjectWithTeam } from "../support/factories";

// Fact grouping of a long article (issue 11, finding 3): its claims are placed a slice at a time,
// each slice in its own transaction with a turn of the event loop between, and a project with
// more facts than a query may name (Prisma refuses more than 999 parameters on SQLite) groups again.

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

const actor = { id: null, name: "test" };

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
    // One transaction, and one audit event, per slice.
    expect(await getDb().auditEvent.count({ where: { projectId: project.id, action: "facts.grouped" } })).toBe(
      Math.ceil(kept / GROUPING_SLICE),
    );
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
