import { getDb } from "../../db.server";
import { type EmailItem, digestDue, digestEmail, digestMoment, notificationEmail } from "../../lib/notifications/email";
import { describeNotification, parseNotificationDetails } from "../../lib/notifications/kinds";
import type { MailSender } from "../../services/mailer.server";

// Email for notifications, sent from the database so that any server process (or the CLI)
// can send, a crash loses nothing, and several processes never send one twice: each
// notification (and each user's daily digest) is claimed with a conditional update before
// it is sent (docs/decisions/011-notification-delivery.md).

/** Unsent immediate emails older than this are not sent any more (a mail server that was down for a day). */
export const EMAIL_MAX_AGE_MS = 24 * 3_600_000;
/** A claim older than this was held by a process that died mid-send: the email is tried again. */
const SENDING_TIMEOUT_MS = 10 * 60_000;
const MAX_ATTEMPTS = 5;
const BATCH = 50;

export interface DeliveryOptions {
  sender: MailSender;
  /** The app's public origin for links, when known. */
  origin: string | null;
  now?: Date;
}

interface Claimed {
  id: number;
  userId: number;
  kind: string;
  claimId: number | null;
  actorName: string | null;
  details: string;
  createdAt: Date;
  emailAttempts: number;
  project: { slug: string; name: string };
  user: { notificationSetting: { email: string | null } | null };
}

function toItem(row: Claimed): EmailItem {
  const details = parseNotificationDetails(row.details);
  return {
    text: describeNotification({ kind: row.kind, actorName: row.actorName, claimId: row.claimId, projectName: row.project.name, details }),
    excerpt: details.excerpt ?? null,
    createdAt: row.createdAt,
    claimId: row.claimId,
    projectSlug: row.project.slug,
  };
}

const include = { user: { select: { notificationSetting: { select: { email: true } } } } } as const;

async function withProjects<T extends { projectId: number }>(rows: T[]) {
  const projects = await getDb().project.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.projectId))] } },
    select: { id: true, slug: true, name: true },
  });
  const byId = new Map(projects.map((p) => [p.id, p]));
  return rows.map((row) => ({ ...row, project: byId.get(row.projectId) ?? { slug: "", name: "a project" } }));
}

/** Sends the emails of notifications whose recipients asked for each one. Returns how many were sent. */
export async function deliverImmediateEmails(options: DeliveryOptions): Promise<{ sent: number; failed: number; expired: number }> {
  const db = getDb();
  const now = options.now ?? new Date();
  const expired = await db.notification.updateMany({
    where: { emailState: "pending", createdAt: { lt: new Date(now.getTime() - EMAIL_MAX_AGE_MS) } },
    data: { emailState: "expired" },
  });
  await db.notification.updateMany({
    where: { emailState: "sending", emailedAt: { lt: new Date(now.getTime() - SENDING_TIMEOUT_MS) } },
    data: { emailState: "pending" },
  });
  const candidates = await db.notification.findMany({
    where: { emailState: "pending" },
    orderBy: { id: "asc" },
    take: BATCH,
    select: { id: true },
  });
  let sent = 0;
  let failed = 0;
  for (const { id } of candidates) {
    // emailedAt marks when the claim was taken until the email has gone.
    const claimed = await db.notification.updateMany({
      where: { id, emailState: "pending" },
      data: { emailState: "sending", emailedAt: now, emailAttempts: { increment: 1 } },
    });
    if (claimed.count === 0) continue;
    const [row] = await withProjects(await db.notification.findMany({ where: { id }, include }));
    const to = row?.user.notificationSetting?.email;
    if (!row || !to) {
      await db.notification.update({ where: { id }, data: { emailState: "none" } });
      continue;
    }
    try {
      await options.sender.send({ to, ...notificationEmail(toItem(row), options.origin) });
      await db.notification.update({ where: { id }, data: { emailState: "sent", emailedAt: new Date() } });
      sent += 1;
    } catch {
      const giveUp = row.emailAttempts >= MAX_ATTEMPTS;
      await db.notification.update({ where: { id }, data: { emailState: giveUp ? "failed" : "pending" } });
      failed += 1;
    }
  }
  return { sent, failed, expired: expired.count };
}

/**
 * Sends each daily-digest user, once a day after `hourUtc`, one email with the
 * notifications gathered since their last digest. A failed send leaves them for the next try.
 */
export async function deliverDigests(options: DeliveryOptions & { hourUtc: number }): Promise<{ sent: number; failed: number }> {
  const db = getDb();
  const now = options.now ?? new Date();
  if (!digestDue({ now, hourUtc: options.hourUtc, lastDigestAt: null })) return { sent: 0, failed: 0 };
  const moment = digestMoment(now, options.hourUtc);
  const waiting = await db.notification.findMany({ where: { emailState: "digest" }, distinct: ["userId"], select: { userId: true } });
  let sent = 0;
  let failed = 0;
  for (const { userId } of waiting) {
    const setting = await db.notificationSetting.findUnique({ where: { userId } });
    if (!setting?.email || setting.emailMode !== "daily") {
      // The user changed their mind since: these wait for nothing.
      await db.notification.updateMany({ where: { userId, emailState: "digest" }, data: { emailState: "none" } });
      continue;
    }
    if (!digestDue({ now, hourUtc: options.hourUtc, lastDigestAt: setting.lastDigestAt })) continue;
    // Whoever moves lastDigestAt first sends today's digest.
    const claimed = await db.notificationSetting.updateMany({
      where: { userId, OR: [{ lastDigestAt: null }, { lastDigestAt: { lt: moment } }] },
      data: { lastDigestAt: now },
    });
    if (claimed.count === 0) continue;
    const rows = await withProjects(
      await db.notification.findMany({ where: { userId, emailState: "digest", createdAt: { lte: now } }, orderBy: { id: "asc" }, include }),
    );
    if (rows.length === 0) continue;
    try {
      await options.sender.send({ to: setting.email, ...digestEmail(rows.map(toItem), options.origin) });
      await db.notification.updateMany({
        where: { id: { in: rows.map((r) => r.id) } },
        data: { emailState: "sent", emailedAt: new Date() },
      });
      sent += 1;
    } catch {
      await db.notificationSetting.update({ where: { userId }, data: { lastDigestAt: setting.lastDigestAt } });
      failed += 1;
    }
  }
  return { sent, failed };
}
