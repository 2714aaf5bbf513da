import { describe, expect, it } from "vitest";
import { getDb } from "../../app/db.server";
import { claimHistory } from "../../app/models/claim-history.server";
import { claimComments } from "../../app/models/comments/comment-thread.server";
import { addComment, deleteComment, editComment } from "../../app/models/comments/comment-write.server";
import { listNotifications, markNotificationsRead, unreadNotificationCount } from "../../app/models/notifications/inbox.server";
import { removeMember } from "../../app/models/project.server";
import { reviewClaim } from "../../app/models/review/review-verdict.server";
import { type ReviewTeam, makeReviewTeam } from "../support/review-team";

const inboxOf = (team: ReviewTeam, who: keyof ReviewTeam["people"]) =>
  listNotifications({ user: { id: team.people[who].id, isAdmin: false } });

describe("discussion", () => {
  it("tells mentioned members and earlier writers, once each, and never the author", async () => {
    const team = await makeReviewTeam();
    const claim = team.claims[0]!;
    const { username: second } = team.people.second;
    await addComment({
      projectId: team.project.id,
      claimId: claim.id,
      text: "Looking at the agency table now.",
      actor: team.actor("reviewer"),
    });
    await addComment({
      projectId: team.project.id,
      claimId: claim.id,
      text: `@${second} can you check https://example.org/t4? Also @${team.people.reviewer.username} and @nobody-here`,
      actor: team.actor("third"),
    });
    const forSecond = await inboxOf(team, "second");
    expect(forSecond.map((n) => [n.kind, n.claimId])).toEqual([["mention", claim.id]]);
    expect(forSecond[0]!.excerpt).toContain("can you check");
    // The reviewer wrote earlier and is mentioned: one notification, the mention.
    expect((await inboxOf(team, "reviewer")).map((n) => n.kind)).toEqual(["mention"]);
    expect(await inboxOf(team, "third")).toEqual([]);
    // Writing again in the thread: both earlier writers hear of the reply.
    await addComment({ projectId: team.project.id, claimId: claim.id, text: "Done.", actor: team.actor("second") });
    expect((await inboxOf(team, "reviewer")).map((n) => n.kind)).toEqual(["reply", "mention"]);
    expect((await inboxOf(team, "third")).map((n) => n.kind)).toEqual(["reply"]);
    expect((await inboxOf(team, "second")).map((n) => n.kind)).toEqual(["mention"]);
  });

  it("lets only the author edit or delete, and keeps every text in the trail", async () => {
    const team = await makeReviewTeam();
    const claim = team.claims[0]!;
    const comment = (await addComment({
      projectId: team.project.id,
      claimId: claim.id,
      text: "First take",
      actor: team.actor("reviewer"),
    }))!;
    await expect(
      editComment({ projectId: team.project.id, commentId: comment.id, text: "Hijack", actor: team.actor("editor") }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteComment({ projectId: team.project.id, commentId: comment.id, actor: team.actor("owner") })).rejects.toMatchObject({
      code: "forbidden",
    });
    const edited = await editComment({
      projectId: team.project.id,
      commentId: comment.id,
      text: `Second take, @${team.people.second.username}`,
      actor: team.actor("reviewer"),
    });
    expect(edited?.editedAt).not.toBeNull();
    // A mention added by an edit is told.
    expect((await inboxOf(team, "second")).map((n) => n.kind)).toEqual(["mention"]);
    await deleteComment({ projectId: team.project.id, commentId: comment.id, actor: team.actor("reviewer") });
    const thread = await claimComments(team.project.id, claim.id);
    expect(thread).toHaveLength(1);
    expect(thread[0]).toMatchObject({ body: null, deletedAt: expect.any(Date) });
    expect((await getDb().comment.findUniqueOrThrow({ where: { id: comment.id } })).body).toBe("");
    const trail = (await claimHistory(team.project.id, claim.id)).map((e) => [e.action, JSON.parse(e.details)]);
    expect(trail).toEqual([
      ["claim.comment_added", { commentId: comment.id, text: "First take" }],
      ["claim.comment_edited", { commentId: comment.id, before: "First take", after: `Second take, @${team.people.second.username}` }],
      ["claim.comment_deleted", { commentId: comment.id, text: `Second take, @${team.people.second.username}` }],
    ]);
    // A deleted comment cannot be edited; an unknown one is not found; bad text is refused.
    expect(
      await editComment({ projectId: team.project.id, commentId: comment.id, text: "Back", actor: team.actor("reviewer") }),
    ).toBeNull();
    await expect(addComment({ projectId: team.project.id, claimId: claim.id, text: "   ", actor: team.actor("reviewer") })).rejects.toThrow(
      "Write a comment",
    );
  });

  it("scopes comments by project", async () => {
    const team = await makeReviewTeam();
    const other = await makeReviewTeam();
    expect(
      await addComment({ projectId: team.project.id, claimId: other.claims[0]!.id, text: "x", actor: team.actor("reviewer") }),
    ).toBeNull();
    const comment = (await addComment({
      projectId: other.project.id,
      claimId: other.claims[0]!.id,
      text: "x",
      actor: other.actor("reviewer"),
    }))!;
    expect(await deleteComment({ projectId: team.project.id, commentId: comment.id, actor: other.actor("reviewer") })).toBeNull();
  });
});

describe("inbox", () => {
  it("counts unread, marks one or all read (only the user's own), and hides projects the user left", async () => {
    const team = await makeReviewTeam();
    const claim = team.claims[0]!;
    for (const text of ["one", "two", "three"])
      await addComment({
        projectId: team.project.id,
        claimId: claim.id,
        text: `@${team.people.second.username} ${text}`,
        actor: team.actor("reviewer"),
      });
    const me = { id: team.people.second.id, isAdmin: false };
    // Three comments, three mentions (one per change).
    expect(await unreadNotificationCount(me)).toBe(3);
    const [newest] = await listNotifications({ user: me });
    expect(await markNotificationsRead({ userId: team.people.third.id, ids: [newest!.id] })).toBe(0);
    expect(await markNotificationsRead({ userId: me.id, ids: [newest!.id] })).toBe(1);
    expect(await unreadNotificationCount(me)).toBe(2);
    expect((await listNotifications({ user: me, unreadOnly: true })).map((n) => n.id)).not.toContain(newest!.id);
    expect(await markNotificationsRead({ userId: me.id, ids: "all" })).toBe(2);
    expect(await unreadNotificationCount(me)).toBe(0);
    await addComment({
      projectId: team.project.id,
      claimId: claim.id,
      text: `@${team.people.second.username} four`,
      actor: team.actor("reviewer"),
    });
    expect(await unreadNotificationCount(me)).toBe(1);
    await removeMember({ projectId: team.project.id, userId: me.id, actor: { id: null, name: "test" } });
    expect(await unreadNotificationCount(me)).toBe(0);
    expect(await listNotifications({ user: me })).toEqual([]);
    // A mention of someone no longer in the project tells nobody.
    await addComment({
      projectId: team.project.id,
      claimId: claim.id,
      text: `@${team.people.second.username} five`,
      actor: team.actor("reviewer"),
    });
    expect(await getDb().notification.count({ where: { userId: me.id } })).toBe(4);
  });

  it("never puts a proposed verdict in a notification", async () => {
    const team = await makeReviewTeam();
    const claim = team.claims[0]!;
    await getDb().claim.update({ where: { id: claim.id }, data: { secondReviewerId: team.people.second.id } });
    await reviewClaim({
      projectId: team.project.id,
      claimId: claim.id,
      verdict: { status: "disputed", rationale: "SECRET-RATIONALE", expectedVersion: null },
      actor: team.actor("reviewer"),
      role: "reviewer",
    });
    const rows = await getDb().notification.findMany({ where: { projectId: team.project.id } });
    expect(rows.map((r) => r.kind)).toEqual(["second_review"]);
    const everything = JSON.stringify([rows, await inboxOf(team, "second")]);
    expect(everything).not.toMatch(/disputed|SECRET-RATIONALE/);
  });
});
