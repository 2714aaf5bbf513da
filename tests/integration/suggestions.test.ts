import { describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/main";
import { getDb } from "../../app/db.server";
import { importFile } from "../../app/models/import.server";
import { findDiscrepancies, suggestPassages } from "../../app/models/suggestion.server";
import * as suggestionsRoute from "../../app/routes/project.claim.suggestions";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { buildRequest, callRoute } from "../support/routes";

const ARTICLES = {
  "wire.txt":
    "Ferry deal signed\n\nThe harbour board approved a $12 million ferry contract with Bluewater on Monday, the chair said. The first boat will sail at 7 a.m. on June 1.",
  "daily.txt":
    "Board backs ferry plan\n\nBluewater won a ferry contract worth $12 million on Monday, board members confirmed. Sailings begin at 7:30 a.m. on June 1, the operator said.",
  "weekly.txt": "Library news\n\nThe library will extend its opening hours on Saturdays from next month.",
};

// Invented: two reports of one power cut whose restoration times differ in sentences that share no words.
const STORY_ARTICLES = {
  "outage-wire.txt":
    "Power cut in Harlow\n\nA power cut hit the Harlow district of Brennstad on Friday. Electricity came back at 6:15 p.m., the grid operator Norvolt said. About 12,000 homes were affected.",
  "outage-daily.txt":
    "Harlow blackout\n\nBrennstad's Harlow district lost power on Friday afternoon after a Norvolt substation failed. Supplies were restored at around 7 p.m. Some 12,000 homes in Harlow were left in the dark.",
  "sport.txt": "Rovers win at home\n\nBrennstad Rovers won 3-1 at home on Saturday. The match kicked off at 6:30 p.m.",
};

async function setup(articles: Record<string, string> = ARTICLES) {
  const team = await makeProjectWithTeam();
  const actor = { id: team.members.editor.id, name: team.members.editor.username };
  const ids: Record<string, number> = {};
  for (const [name, text] of Object.entries(articles)) {
    const [result] = await importFile(
      team.project.id,
      { name, bytes: new TextEncoder().encode(text) },
      { maxBytes: 1_000_000, threshold: 0 },
      actor,
    );
    ids[name] = result!.documentId!;
  }
  const claimAbout = (documentId: number, fragment: string) =>
    getDb().claim.findFirstOrThrow({ where: { documentId, text: { contains: fragment } } });
  return { ...team, ids, claimAbout };
}

describe("find in other articles", () => {
  it("ranks the same fact from another article first, marks agreement and the differing time", async () => {
    const { project, ids, claimAbout } = await setup();
    const contract = await claimAbout(ids["wire.txt"]!, "$12 million");
    const suggestions = (await suggestPassages({ projectId: project.id, claimId: contract.id, limit: 5 }))!.suggestions;
    expect(suggestions[0]).toMatchObject({ documentId: ids["daily.txt"], relation: "corroborates" });
    expect(suggestions.every((s) => s.documentId !== ids["wire.txt"])).toBe(true);
    const sailing = await claimAbout(ids["wire.txt"]!, "7 a.m.");
    const timing = (await suggestPassages({ projectId: project.id, claimId: sailing.id, limit: 5 }))!.suggestions;
    expect(timing[0]).toMatchObject({ documentId: ids["daily.txt"], relation: "contradicts" });
    expect(timing[0]!.differences).toContainEqual({ kind: "time", here: "7 a.m.", there: "7:30 a.m." });
    const discrepancies = (await findDiscrepancies(project.id)).discrepancies;
    expect(discrepancies.some((d) => d.passage.differences.some((x) => x.kind === "time"))).toBe(true);
  });

  it("reads the articles of one story side by side: a differing time in a sentence with no words in common is flagged", async () => {
    const { project, ids, claimAbout } = await setup(STORY_ARTICLES);
    const restored = await claimAbout(ids["outage-wire.txt"]!, "6:15 p.m.");
    const suggestions = (await suggestPassages({ projectId: project.id, claimId: restored.id, limit: 5 }))!.suggestions;
    const daily = suggestions.find((s) => s.text === "Supplies were restored at around 7 p.m.");
    expect(daily).toMatchObject({
      documentId: ids["outage-daily.txt"],
      relation: "contradicts",
      differences: [{ kind: "time", here: "6:15 p.m.", there: "7 p.m." }],
    });
    // The match report of another story is not read against the claim.
    expect(suggestions.filter((s) => s.documentId === ids["sport.txt"]).every((s) => s.relation === "related")).toBe(true);
    const discrepancies = (await findDiscrepancies(project.id)).discrepancies;
    expect(discrepancies.some((d) => d.passage.text === "Supplies were restored at around 7 p.m.")).toBe(true);
  });

  it("links a passage as a source with an editable stance, and never offers a rejected one again", async () => {
    const { project, ids, members, claimAbout } = await setup();
    const contract = await claimAbout(ids["wire.txt"]!, "$12 million");
    const [top] = (await suggestPassages({ projectId: project.id, claimId: contract.id, limit: 5 }))!.suggestions;
    const path = `/projects/${project.slug}/claims/${contract.id}/suggestions`;
    const params = { slug: project.slug, claimId: String(contract.id) };
    const passage = { documentId: String(top!.documentId), start: String(top!.start), end: String(top!.end) };
    const viewer = await callRoute(
      suggestionsRoute.action,
      buildRequest(path, { cookie: await cookieFor(members.viewer.id), form: { intent: "link-passage", stance: "supports", ...passage } }),
      params,
    );
    expect(viewer.status).toBe(403);
    const reviewer = await cookieFor(members.reviewer.id);
    const linked = await callRoute(
      suggestionsRoute.action,
      buildRequest(path, { cookie: reviewer, form: { intent: "link-passage", stance: "context", ...passage } }),
      params,
    );
    expect(linked.status).toBe(200);
    const link = await getDb().claimSource.findFirstOrThrow({ where: { claimId: contract.id } });
    expect(link).toMatchObject({ stance: "context", quote: top!.text, passageStart: top!.start });
    expect((await getDb().claim.findUniqueOrThrow({ where: { id: contract.id } })).sourceCount).toBe(1);
    // A linked passage is not suggested again.
    const after = (await suggestPassages({ projectId: project.id, claimId: contract.id, limit: 5 }))!.suggestions;
    expect(after.some((s) => s.documentId === top!.documentId && s.start === top!.start)).toBe(false);
    // Neither is a rejected one: reject the sailing-time claim's best match.
    const sailing = await claimAbout(ids["wire.txt"]!, "7 a.m.");
    const [candidate] = (await suggestPassages({ projectId: project.id, claimId: sailing.id, limit: 5 }))!.suggestions;
    expect(candidate).toBeDefined();
    const rejected = await callRoute(
      suggestionsRoute.action,
      buildRequest(`/projects/${project.slug}/claims/${sailing.id}/suggestions`, {
        cookie: reviewer,
        form: {
          intent: "reject-suggestion",
          documentId: String(candidate!.documentId),
          start: String(candidate!.start),
          end: String(candidate!.end),
        },
      }),
      { slug: project.slug, claimId: String(sailing.id) },
    );
    expect(rejected.status).toBe(200);
    const again = (await suggestPassages({ projectId: project.id, claimId: sailing.id, limit: 5 }))!.suggestions;
    expect(again.some((s) => s.documentId === candidate!.documentId && s.start === candidate!.start)).toBe(false);
    expect(
      await getDb().auditEvent.count({
        where: { projectId: project.id, action: "claim.suggestion_rejected", targetId: String(sailing.id) },
      }),
    ).toBe(1);
    const listed = await callRoute(suggestionsRoute.loader, buildRequest(path, { cookie: await cookieFor(members.viewer.id) }), params);
    expect(listed.status).toBe(200);
  });

  it("is 404 for a claim of another project", async () => {
    const a = await setup();
    const b = await setup();
    const foreign = await b.claimAbout(b.ids["wire.txt"]!, "$12 million");
    const cookie = await cookieFor(a.members.owner.id);
    const params = { slug: a.project.slug, claimId: String(foreign.id) };
    const path = `/projects/${a.project.slug}/claims/${foreign.id}/suggestions`;
    expect((await callRoute(suggestionsRoute.loader, buildRequest(path, { cookie }), params)).status).toBe(404);
    const linked = await callRoute(
      suggestionsRoute.action,
      buildRequest(path, {
        cookie,
        form: { intent: "link-passage", stance: "supports", documentId: String(b.ids["daily.txt"]), start: "0", end: "10" },
      }),
      params,
    );
    expect(linked.status).toBe(404);
    expect(await getDb().claimSource.count({ where: { claimId: foreign.id } })).toBe(0);
  });

  it("CLI suggest prints the documented JSON", async () => {
    const { ids, claimAbout } = await setup();
    const contract = await claimAbout(ids["wire.txt"]!, "$12 million");
    let stdout = "";
    const code = await runCli(["suggest", "--claim", String(contract.id), "--limit", "2", "--json"], {
      stdout: (t) => void (stdout += t),
      stderr: () => undefined,
      readStdin: async () => "",
    });
    expect(code).toBe(0);
    const rows = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(2);
    expect(Object.keys(rows[0]!).sort()).toEqual([
      "differences",
      "documentId",
      "documentTitle",
      "end",
      "relation",
      "score",
      "start",
      "text",
    ]);
  });
});
