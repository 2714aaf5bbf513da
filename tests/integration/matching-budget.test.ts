import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { importFile } from "../../app/models/import.server";
import { findDiscrepancies, suggestPassages } from "../../app/models/suggestion.server";
import * as discrepanciesPage from "../../app/routes/project.discrepancies";
import * as suggestionsRoute from "../../app/routes/project.claim.suggestions";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { buildRequest, callRoute } from "../support/routes";

// Invented: two reports of one ferry deal, and a long dump with no full stop (a pasted table, a broken export).
const WIRE = "Ferry deal signed\n\nThe harbour board approved a $12 million ferry contract with Bluewater on Monday, the chair said.";
const DAILY = "Board backs ferry plan\n\nBluewater won a ferry contract worth $14 million on Monday, board members confirmed.";
const dump = (chars: number) =>
  `Ferry timetable dump\n\n${Array.from({ length: chars / 30 }, (_, i) => `ferry ${i} sails at ${i % 24} hours pier ${i % 9}`).join(" ")}`;

async function setup(files: Record<string, string>) {
  const team = await makeProjectWithTeam();
  const actor = { id: team.members.editor.id, name: team.members.editor.username };
  const ids: Record<string, number> = {};
  for (const [name, text] of Object.entries(files)) {
    const [result] = await importFile(
      team.project.id,
      { name, bytes: new TextEncoder().encode(text) },
      { maxBytes: 5_000_000, threshold: 0 },
      actor,
    );
    ids[name] = result!.documentId!;
  }
  return { ...team, ids };
}

describe("matching within a time budget", () => {
  it("answers with what it has and a note when the budget runs out", async () => {
    const { project, ids } = await setup({ "wire.txt": WIRE, "daily.txt": DAILY });
    const claim = await getDb().claim.findFirstOrThrow({ where: { documentId: ids["wire.txt"], text: { contains: "$12 million" } } });
    const none = await findDiscrepancies(project.id, { budgetMs: 0 });
    expect(none.note).toMatch(/Compared 0 of the \d+ most check-worthy claims/);
    // The view must not say "no disagreements" for claims it never compared.
    expect(none.compared).toBe(0);
    expect(none.considered).toBeGreaterThan(0);
    const full = await findDiscrepancies(project.id);
    expect(full.note).toBeNull();
    expect(full.compared).toBe(full.considered);
    expect(full.discrepancies.map((d) => d.passage.documentId)).toContain(ids["daily.txt"]);
    const cut = await suggestPassages({ projectId: project.id, claimId: claim.id, budgetMs: 0 });
    expect(cut!.note).toBeTruthy();
    expect((await suggestPassages({ projectId: project.id, claimId: claim.id }))!.note).toBeNull();
  });

  it("is not held up by an article with no full stops: pages answer, long passages are cut and not proposed", async () => {
    const { project, members, ids } = await setup({ "wire.txt": WIRE, "daily.txt": DAILY, "dump.txt": dump(150_000) });
    const passages = await getDb().claim.findMany({
      where: { documentId: ids["dump.txt"] },
      select: { start: true, end: true, dismissed: true },
    });
    expect(passages.length).toBeGreaterThan(100);
    expect(passages.every((p) => p.end - p.start <= 1_000 && p.dismissed)).toBe(true);

    const cookie = await cookieFor(members.viewer.id);
    const page = await callRoute(discrepanciesPage.loader, buildRequest(`/projects/${project.slug}/discrepancies`, { cookie }), {
      slug: project.slug,
    });
    expect(page.status).toBe(200);
    const claim = await getDb().claim.findFirstOrThrow({ where: { documentId: ids["wire.txt"], text: { contains: "$12 million" } } });
    // Asked again until the long article has been read (each request reads on where the last stopped).
    let found: { suggestions: Array<{ documentId: number }>; note: string | null } | undefined;
    for (let attempt = 0; attempt < 20 && (!found || found.note); attempt += 1) {
      const outcome = await callRoute(
        suggestionsRoute.loader,
        buildRequest(`/projects/${project.slug}/claims/${claim.id}/suggestions`, { cookie }),
        { slug: project.slug, claimId: String(claim.id) },
      );
      expect(outcome.status).toBe(200);
      found = outcome.body as typeof found;
    }
    expect(found!.note).toBeNull();
    expect(found!.suggestions[0]!.documentId).toBe(ids["daily.txt"]);
  });
});
