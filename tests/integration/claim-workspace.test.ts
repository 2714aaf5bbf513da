import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import type { ClaimPage, ClaimsPage } from "../../app/lib/review-types";
import * as claimPage from "../../app/routes/project.claim";
import * as claimsTable from "../../app/routes/project.claims";
import { cookieFor, makeProjectWithTeam } from "../support/factories";
import { buildRequest, callRoute } from "../support/routes";

// The claims workspace's data (issue 14): the panel's article context, and the per-user
// "move to the next unreviewed claim" setting saved with the table's view.
const PARAGRAPHS = [
  "The ferry to Lintholm resumed on Monday after a week of storms.",
  "Operators said 1,200 passengers crossed on the first day. Queues were short.",
  "A second boat is due in March.",
];

async function claimInArticle() {
  const team = await makeProjectWithTeam();
  const text = PARAGRAPHS.join("\n\n");
  const document = await getDb().document.create({
    data: { projectId: team.project.id, title: "Ferry back", format: "text", text, textHash: `ferry-${team.project.id}` },
  });
  const claimText = "Operators said 1,200 passengers crossed on the first day.";
  const start = text.indexOf(claimText);
  const claim = await getDb().claim.create({
    data: {
      projectId: team.project.id,
      documentId: document.id,
      text: claimText,
      start,
      end: start + claimText.length,
      checkworthiness: 0.9,
    },
  });
  return { team, claim };
}

describe("claims workspace", () => {
  it("the claim's page gives the claim between the paragraphs around it, and no context once it lost its place", async () => {
    const { team, claim } = await claimInArticle();
    const load = async () => {
      const page = await callRoute(
        claimPage.loader,
        buildRequest(`/projects/${team.project.slug}/claims/${claim.id}`, { cookie: await cookieFor(team.members.viewer.id) }),
        { slug: team.project.slug, claimId: String(claim.id) },
      );
      expect(page.status).toBe(200);
      return (page.body as ClaimPage).context;
    };
    expect(await load()).toEqual({
      before: PARAGRAPHS[0],
      paragraph: { lead: "", claim: claim.text, tail: " Queues were short." },
      after: PARAGRAPHS[2],
    });
    await getDb().claim.update({ where: { id: claim.id }, data: { start: 3, end: 3 + claim.text.length } });
    expect(await load()).toBeNull();
  });

  it("saves 'move to the next unreviewed claim' per user with the table's view", async () => {
    const { team } = await claimInArticle();
    const slug = team.project.slug;
    const tableOf = async (userId: number) => {
      const page = await callRoute(claimsTable.loader, buildRequest(`/projects/${slug}/claims`, { cookie: await cookieFor(userId) }), {
        slug,
      });
      return (page.body as ClaimsPage).preferences;
    };
    const { reviewer, editor } = team.members;
    expect((await tableOf(reviewer.id)).advance).toBe(false);
    const saved = await callRoute(
      claimsTable.action,
      buildRequest(`/projects/${slug}/claims`, {
        cookie: await cookieFor(reviewer.id),
        form: { intent: "preferences", density: "compact", advance: "on" },
      }),
      { slug },
    );
    expect(saved.status).toBe(200);
    expect(await tableOf(reviewer.id)).toMatchObject({ density: "compact", advance: true });
    expect((await tableOf(editor.id)).advance).toBe(false);
    await callRoute(
      claimsTable.action,
      buildRequest(`/projects/${slug}/claims`, {
        cookie: await cookieFor(reviewer.id),
        form: { intent: "preferences", density: "compact" },
      }),
      { slug },
    );
    expect((await tableOf(reviewer.id)).advance).toBe(false);
  });
});
