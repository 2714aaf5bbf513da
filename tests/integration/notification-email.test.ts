import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfigForTests } from "../../app/config.server";
import { getDb } from "../../app/db.server";
import { addComment } from "../../app/models/comments/comment-write.server";
import { deliverDigests, deliverImmediateEmails } from "../../app/models/notifications/email-delivery.server";
import { setEmailSetting } from "../../app/models/notifications/email-setting.server";
import { smtpSender } from "../../app/services/mailer.server";
import { startNotificationDelivery, stopNotificationDelivery } from "../../app/services/notification-delivery.server";
import { type ReviewTeam, makeReviewTeam } from "../support/review-team";
import { startTestSmtpServer } from "../support/smtp-server";

const ORIGIN = "https://desk.example.org";
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let sender: ReturnType<typeof smtpSender>;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  sender = smtpSender({ url: smtp.url, from: "Claimdesk <desk@example.org>" });
});
afterAll(async () => {
  sender.close();
  await smtp.close();
});

async function mention(team: ReviewTeam, who: keyof ReviewTeam["people"], text = "please check the figures") {
  await addComment({
    projectId: team.project.id,
    claimId: team.claims[0]!.id,
    text: `@${team.people[who].username} ${text}`,
    actor: team.actor("reviewer"),
  });
}

const mailsTo = (address: string) => smtp.received.filter((mail) => mail.to.includes(address));

describe("notification email through a real SMTP server", () => {
  it("sends each notification once to a user who asked for immediate email, with the excerpt and a link", async () => {
    const team = await makeReviewTeam();
    const address = `${team.people.second.username}@example.org`;
    await setEmailSetting({ userId: team.people.second.id, setting: { email: address, mode: "immediate" }, actor: team.actor("second") });
    await mention(team, "second");
    // Two deliverers at once (two server processes): the email still goes once.
    const results = await Promise.all([
      deliverImmediateEmails({ sender, origin: ORIGIN }),
      deliverImmediateEmails({ sender, origin: ORIGIN }),
    ]);
    expect(results.reduce((sum, r) => sum + r.sent, 0)).toBe(1);
    const [mail] = mailsTo(address);
    expect(mail).toMatchObject({
      from: "desk@example.org",
      subject: expect.stringContaining(`${team.people.reviewer.username} mentioned you on claim ${team.claims[0]!.id}`),
    });
    expect(mail!.text).toContain("please check the figures");
    expect(mail!.text).toContain(`${ORIGIN}/projects/${team.project.slug}/claims/${team.claims[0]!.id}`);
    expect((await deliverImmediateEmails({ sender, origin: ORIGIN })).sent).toBe(0);
    expect(await getDb().notification.findFirstOrThrow({ where: { userId: team.people.second.id } })).toMatchObject({
      emailState: "sent",
      emailAttempts: 1,
    });
  });

  it("tries again after the server refuses, and sends nothing to users without email", async () => {
    const team = await makeReviewTeam();
    const address = `${team.people.third.username}@example.org`;
    await setEmailSetting({ userId: team.people.third.id, setting: { email: address, mode: "immediate" }, actor: team.actor("third") });
    await mention(team, "third");
    await mention(team, "second");
    smtp.refuseNext(1);
    expect(await deliverImmediateEmails({ sender, origin: ORIGIN })).toMatchObject({ sent: 0, failed: 1 });
    expect(await getDb().notification.findFirstOrThrow({ where: { userId: team.people.third.id } })).toMatchObject({
      emailState: "pending",
      emailAttempts: 1,
    });
    expect(await deliverImmediateEmails({ sender, origin: ORIGIN })).toMatchObject({ sent: 1 });
    expect(mailsTo(address)).toHaveLength(1);
    expect(await getDb().notification.findFirstOrThrow({ where: { userId: team.people.second.id } })).toMatchObject({ emailState: "none" });
  });

  it("sends a daily-digest user one email a day, after the digest hour, with everything since the last one", async () => {
    const team = await makeReviewTeam();
    const address = `${team.people.viewer.username}@example.org`;
    await setEmailSetting({ userId: team.people.viewer.id, setting: { email: address, mode: "daily" }, actor: team.actor("viewer") });
    await mention(team, "viewer", "first thing");
    await mention(team, "viewer", "second thing");
    expect((await deliverImmediateEmails({ sender, origin: ORIGIN })).sent).toBe(0);
    const today = new Date();
    const hour = (h: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), h, 30));
    expect((await deliverDigests({ sender, origin: ORIGIN, hourUtc: 23, now: hour(22) })).sent).toBe(0);
    const now = new Date(Math.max(Date.now(), hour(0).getTime()) + 1000);
    expect((await deliverDigests({ sender, origin: ORIGIN, hourUtc: 0, now })).sent).toBeGreaterThanOrEqual(1);
    const mails = mailsTo(address);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Claimdesk: 2 notifications since your last digest");
    expect(mails[0]!.text.indexOf("first thing")).toBeLessThan(mails[0]!.text.indexOf("second thing"));
    expect((await deliverDigests({ sender, origin: ORIGIN, hourUtc: 0, now: new Date(now.getTime() + 60_000) })).sent).toBe(0);
    expect(mailsTo(address)).toHaveLength(1);
  });

  it("runs in the server process when SMTP_URL is set: a mention reaches the mail server within seconds", async () => {
    const team = await makeReviewTeam();
    const address = `${team.people.editor.username}@example.org`;
    await setEmailSetting({ userId: team.people.editor.id, setting: { email: address, mode: "immediate" }, actor: team.actor("editor") });
    process.env.SMTP_URL = smtp.url;
    process.env.APP_ORIGIN = ORIGIN;
    resetConfigForTests();
    try {
      expect(startNotificationDelivery()).toBe(true);
      await mention(team, "editor", "live one");
      const until = Date.now() + 10_000;
      while (mailsTo(address).length === 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(mailsTo(address).map((m) => m.text)).toEqual([expect.stringContaining("live one")]);
    } finally {
      stopNotificationDelivery();
      delete process.env.SMTP_URL;
      delete process.env.APP_ORIGIN;
      resetConfigForTests();
    }
    expect(startNotificationDelivery()).toBe(false);
  });
});
