import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { CLAIM_STATUSES } from "../../app/lib/claim-status";
import { COMMENT_ADDED_ACTION, COMMENT_DELETED_ACTION, COMMENT_EDITED_ACTION } from "../../app/lib/review/audit-actions";
import { deliverImmediateEmails } from "../../app/models/notifications/email-delivery.server";
import * as account from "../../app/routes/account";
import * as inbox from "../../app/routes/inbox";
import * as inboxEvents from "../../app/routes/inbox.events";
import * as comments from "../../app/routes/project.claim.comments";
import * as agreement from "../../app/routes/project.agreement";
import { reviewClaim } from "../../app/models/review/review-verdict.server";
import { smtpSender } from "../../app/services/mailer.server";
import { startTestSmtpServer } from "../support/smtp-server";
import { cookieFor } from "../support/factories";
import { makeReviewTeam } from "../support/review-team";
import { buildRequest, callRoute } from "../support/routes";
import { runClaimdesk } from "../support/cli";

// The discussion, inbox and agreement through their routes and CLI commands (the models
// are tested in review-discussion, notification-email and the agreement unit tests).

const cli = (argv: string[]) => runClaimdesk(argv);

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

async function mentionThroughRoute(team: Awaited<ReturnType<typeof makeReviewTeam>>, text: string) {
  const claimId = String(team.claims[0]!.id);
  const outcome = await callRoute(
    comments.action,
    buildRequest(`/projects/${team.project.slug}/claims/${claimId}/comments`, {
      cookie: await cookieFor(team.people.reviewer.id),
      form: { intent: "add", text },
    }),
    { slug: team.project.slug, claimId },
  );
  expect(outcome.status, JSON.stringify(outcome.body)).toBe(200);
}

describe("inbox", () => {
  it("lists the user's notifications with links to the claim, marks one and all read, and counts unread", async () => {
    const team = await makeReviewTeam({ claims: 1 });
    const who = team.people.second.username;
    await mentionThroughRoute(team, `@${who} first, @${who} again`);
    const cookie = await cookieFor(team.people.second.id);
    const load = async (path = "/inbox") =>
      (await callRoute(inbox.loader, buildRequest(path, { cookie }))).body as {
        unread: number;
        items: Array<{ id: number; text: string; href: string; read: boolean }>;
      };
    const before = await load();
    expect(before.unread).toBe(1);
    // One notification per kind and claim from one change, however often it names the user.
    expect(before.items).toHaveLength(1);
    expect(before.items[0]!.href).toBe(`/projects/${team.project.slug}/claims/${team.claims[0]!.id}`);
    await mentionThroughRoute(team, `@${who} third, on the same claim`);
    expect((await load()).unread).toBe(2);

    const others = await cookieFor(team.people.third.id);
    const foreign = await callRoute(
      inbox.action,
      buildRequest("/inbox", { cookie: others, form: { intent: "read", id: String(before.items[0]!.id) } }),
    );
    expect(foreign).toMatchObject({ status: 200, body: { marked: 0 } });
    const one = await callRoute(
      inbox.action,
      buildRequest("/inbox", { cookie, form: { intent: "read", id: String(before.items[0]!.id) } }),
    );
    expect(one).toMatchObject({ status: 200, body: { marked: 1 } });
    expect((await load("/inbox?unread=1")).items).toHaveLength(1);
    expect((await callRoute(inbox.action, buildRequest("/inbox", { cookie, form: { intent: "read-all" } }))).body).toMatchObject({
      marked: 1,
    });
    expect((await load()).unread).toBe(0);
    expect((await callRoute(inbox.action, buildRequest("/inbox", { cookie, form: { intent: "burn" } }))).status).toBe(400);
  });

  it("streams the unread count to the signed-in user only", async () => {
    const team = await makeReviewTeam({ claims: 1 });
    expect((await callRoute(inboxEvents.loader, buildRequest("/inbox/events"))).status).toBe(302);
    const controller = new AbortController();
    const request = new Request("http://localhost/inbox/events", {
      headers: { Cookie: await cookieFor(team.people.second.id) },
      signal: controller.signal,
    });
    const response = (await inboxEvents.loader({ request, params: {}, context: { cspNonce: "", clientIp: null } } as never)) as Response;
    expect(response.headers.get("Content-Type")).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) text += decoder.decode((await reader.read()).value);
    };
    await readUntil(/"unread":0/);
    await mentionThroughRoute(team, `@${team.people.second.username} look`);
    await readUntil(/"unread":1/);
    expect(text).toContain("event: notification");
    controller.abort();
    await reader.cancel().catch(() => undefined);
  });
});

describe("email setting and delivery", () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  beforeAll(async () => {
    smtp = await startTestSmtpServer();
  });
  afterAll(async () => {
    await smtp.close();
  });

  it("is chosen on the account page (field errors for bad input), and a mention then reaches a real SMTP server", async () => {
    const team = await makeReviewTeam({ claims: 1 });
    const cookie = await cookieFor(team.people.second.id);
    const save = (form: Record<string, string>) =>
      callRoute(account.action, buildRequest("/account", { cookie, form: { intent: "email-settings", ...form } }));
    expect(await save({ email: "not-an-address", mode: "immediate" })).toMatchObject({
      status: 400,
      body: { fieldErrors: { email: expect.any(String) } },
    });
    expect(await save({ email: "", mode: "daily" })).toMatchObject({ status: 400, body: { fieldErrors: { email: expect.any(String) } } });
    expect(await save({ email: "x@example.org", mode: "hourly" })).toMatchObject({
      status: 400,
      body: { fieldErrors: { mode: expect.any(String) } },
    });
    const address = `${team.people.second.username}@example.org`;
    expect((await save({ email: address, mode: "immediate" })).status).toBe(200);
    const page = await callRoute(account.loader, buildRequest("/account", { cookie }));
    expect(page.body).toMatchObject({ emailSetting: { email: address, mode: "immediate" } });

    await mentionThroughRoute(team, `@${team.people.second.username} the ferry table`);
    const sender = smtpSender({ url: smtp.url, from: "Claimdesk <desk@example.org>" });
    try {
      expect((await deliverImmediateEmails({ sender, origin: "https://desk.example.org" })).sent).toBeGreaterThanOrEqual(1);
    } finally {
      sender.close();
    }
    const mail = smtp.received.find((m) => m.to.includes(address));
    expect(mail?.subject).toContain("mentioned you");
    expect(mail?.text).toContain("the ferry table");
  });
});

describe("claimdesk notifications", () => {
  it("prints the user's inbox as JSON, only unread with --unread, and marks read", async () => {
    const team = await makeReviewTeam({ claims: 1 });
    const who = team.people.second.username;
    await mentionThroughRoute(team, `@${who} one`);
    const listed = await cli(["notifications", "--as", who, "--json"]);
    expect(listed.code, listed.stderr).toBe(0);
    const rows = JSON.parse(listed.stdout) as Array<{ id: number; kind: string; read: boolean; project: string }>;
    expect(rows).toMatchObject([{ kind: "mention", read: false, project: team.project.slug }]);
    const marked = await cli(["notifications", "--as", who, "--mark-read", String(rows[0]!.id), "--unread", "--json"]);
    expect(JSON.parse(marked.stdout)).toEqual({ marked: 1, notifications: [] });
    expect((await cli(["notifications", "--as", who, "--mark-read", "x,y"])).code).toBe(2);
    expect((await cli(["notifications", "--as", "no-such-user"])).code).toBe(1);
  });
});

/** Twelve claims reviewed twice by reviewer then second: they agree on the first `agreeing`, then differ. */
async function reviewedTwice(agreeing: number) {
  const team = await makeReviewTeam({ claims: 12 });
  for (const [index, claim] of team.claims.entries()) {
    const review = (who: "reviewer" | "second", status: "confirmed" | "disputed") =>
      reviewClaim({
        projectId: team.project.id,
        claimId: claim.id,
        verdict: { status, rationale: "checked", expectedVersion: null },
        actor: team.actor(who),
        role: "reviewer",
      });
    await review("reviewer", "confirmed");
    await review("second", index < agreeing ? "confirmed" : "disputed");
  }
  return team;
}

describe("agreement", () => {
  it("shows the project's and each pair's agreement, and lists the claims behind a cell", async () => {
    const team = await reviewedTwice(9);
    const cookie = await cookieFor(team.people.viewer.id);
    const slug = team.project.slug;
    const load = (search = "") => callRoute(agreement.loader, buildRequest(`/projects/${slug}/agreement${search}`, { cookie }), { slug });
    const page = await load();
    expect(page.status, JSON.stringify(page.body)).toBe(200);
    const data = (
      page.body as {
        agreement: { pairs: number; percentAgreement: number; reviewerPairs: Array<{ shared: number; kappa: number | null }> };
      }
    ).agreement;
    expect(data.pairs).toBe(12);
    expect(data.percentAgreement).toBeCloseTo(0.75);
    // Reviewer "confirmed" every time: no variation on one side, so kappa is 0.
    expect(data.reviewerPairs).toMatchObject([{ shared: 12, kappa: 0 }]);
    const [confirmed, disputed] = [CLAIM_STATUSES.indexOf("confirmed"), CLAIM_STATUSES.indexOf("disputed")];
    const cell = await load(`?matrix=all&row=${confirmed}&column=${disputed}`);
    const selected = (cell.body as { agreement: { selected: { claimIds: number[]; total: number } } }).agreement.selected;
    expect(selected.total).toBe(3);
    expect(selected.claimIds.sort((a, b) => a - b)).toEqual(team.claims.slice(9).map((c) => c.id));
    expect((await load("?from=2020-01-01&to=2020-12-31")).body).toMatchObject({ agreement: { pairs: 0 } });
    expect((await load("?from=yesterday")).status).toBe(400);
  });

  it("claimdesk agreement prints the same figures as JSON, for a period, and refuses a bad date", async () => {
    const team = await reviewedTwice(12);
    const all = await cli(["agreement", "--project", team.project.slug, "--json"]);
    expect(all.code, all.stderr).toBe(0);
    expect(JSON.parse(all.stdout)).toMatchObject({ pairs: 12, agreed: 12, percentAgreement: 1, reviewerPairs: [{ shared: 12 }] });
    const old = await cli(["agreement", "--project", team.project.slug, "--from", "2020-01-01", "--to", "2020-01-31", "--json"]);
    expect(JSON.parse(old.stdout)).toMatchObject({ pairs: 0, percentAgreement: null });
    const bad = await cli(["agreement", "--project", team.project.slug, "--from", "01/02/2026"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
