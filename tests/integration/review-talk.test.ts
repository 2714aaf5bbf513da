import { describe, expect, it } from "vitest";
import { runCli } from "../../app/cli/main";
import { getDb } from "../../app/db.server";
import { COMMENT_ADDED_ACTION, COMMENT_DELETED_ACTION, COMMENT_EDITED_ACTION } from "../../app/lib/review/audit-actions";
import * as comments from "../../app/routes/project.claim.comments";
import { cookieFor } from "../support/factories";
import { makeReviewTeam } from "../support/review-team";
import { buildRequest, callRoute } from "../support/routes";

// The discussion, inbox and agreement through their routes and CLI commands (the models
// are tested in review-discussion, notification-email and the agreement unit tests).

async function cli(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => "",
  });
  return { code, stdout, stderr };
}

describe("discussion route", () => {
  it("adds, edits and deletes your own comments, and refuses another's", async () => {
    const team = await makeReviewTeam({ claims: 2 });
    const claimId = String(team.claims[0]!.id);
    const params = { slug: team.project.slug, claimId };
    const path = `/projects/${team.project.slug}/claims/${claimId}/comments`;
    const reviewer = await cookieFor(team.people.reviewer.id);
    const second = await cookieFor(team.people.second.id);
    const post = (cookie: string, form: Record<string, string>) => callRoute(comments.action, buildRequest(path, { cookie, form }), params);

    const added = await post(reviewer, { intent: "add", text: `Which table? @${team.people.second.username}` });
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    const commentId = String((added.body as { commentId: number }).commentId);
    expect(await post(reviewer, { intent: "add", text: "   " })).toMatchObject({
      status: 400,
      body: { fieldErrors: { text: expect.any(String) } },
    });
    expect((await post(second, { intent: "edit", commentId, text: "Hijacked" })).status).toBe(403);
    expect((await post(second, { intent: "delete", commentId })).status).toBe(403);
    expect((await post(reviewer, { intent: "edit", commentId, text: "Which table, page 4?" })).status).toBe(200);

    const thread = await callRoute(comments.loader, buildRequest(path, { cookie: second }), params);
    expect(thread.status).toBe(200);
    const body = thread.body as { comments: Array<{ body: string; editedAt: string | null }>; candidates: Array<{ username: string }> };
    expect(body.comments.map((c) => c.body)).toEqual(["Which table, page 4?"]);
    expect(body.comments[0]!.editedAt).not.toBeNull();
    expect(body.candidates.map((c) => c.username)).toContain(team.people.second.username);

    expect((await post(reviewer, { intent: "delete", commentId })).status).toBe(200);
    const trail = await getDb().auditEvent.findMany({
      where: { projectId: team.project.id, action: { startsWith: "claim.comment_" } },
      orderBy: { seq: "asc" },
    });
    expect(trail.map((e) => e.action)).toEqual([COMMENT_ADDED_ACTION, COMMENT_EDITED_ACTION, COMMENT_DELETED_ACTION]);
    expect(JSON.parse(trail[2]!.details)).toMatchObject({ text: "Which table, page 4?" });
    expect(await getDb().notification.count({ where: { userId: team.people.second.id, kind: "mention" } })).toBe(1);
  });

  it("is not found for another project's claim", async () => {
    const a = await makeReviewTeam({ claims: 1 });
    const b = await makeReviewTeam({ claims: 1 });
    const cookie = await cookieFor(a.people.owner.id);
    const params = { slug: a.project.slug, claimId: String(b.claims[0]!.id) };
    const path = `/projects/${a.project.slug}/claims/${b.claims[0]!.id}/comments`;
    expect((await callRoute(comments.loader, buildRequest(path, { cookie }), params)).status).toBe(404);
    const added = await callRoute(comments.action, buildRequest(path, { cookie, form: { intent: "add", text: "Hello" } }), params);
    expect(added.status).toBe(404);
    expect(await getDb().comment.count({ where: { claimId: b.claims[0]!.id } })).toBe(0);
  });
});

describe("claimdesk comment add", () => {
  it("adds a comment as a member, with --json, and refuses a viewer (exit 4) or bad input (exit 2)", async () => {
    const team = await makeReviewTeam({ claims: 1 });
    const claimId = String(team.claims[0]!.id);
    const ok = await cli([
      "comment",
      "add",
      "--claim",
      claimId,
      "--text",
      "Checked the minutes.",
      "--as",
      team.people.reviewer.username,
      "--json",
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      claimId: Number(claimId),
      body: "Checked the minutes.",
      author: team.people.reviewer.username,
    });
    const viewer = await cli(["comment", "add", "--claim", claimId, "--text", "Hi", "--as", team.people.viewer.username]);
    expect(viewer.code).toBe(4);
    const empty = await cli(["comment", "add", "--claim", claimId, "--text", " ", "--as", team.people.reviewer.username]);
    expect(empty.code).toBe(2);
    expect(empty.stderr.trim().split("\n")).toHaveLength(1);
    expect((await cli(["comment", "remove"])).code).toBe(2);
  });
});
