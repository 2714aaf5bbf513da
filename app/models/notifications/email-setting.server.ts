import { getDb } from "../../db.server";
import { EMAIL_MODES, type EmailMode } from "../../lib/notifications/kinds";
import { appendAuditEvent } from "../audit.server";
import type { Actor } from "../user.server";

export interface EmailSetting {
  email: string | null;
  mode: EmailMode;
}

const isMode = (value: string): value is EmailMode => (EMAIL_MODES as readonly string[]).includes(value);

export async function getEmailSetting(userId: number): Promise<EmailSetting> {
  const row = await getDb().notificationSetting.findUnique({ where: { userId } });
  return { email: row?.email ?? null, mode: row && isMode(row.emailMode) ? row.emailMode : "off" };
}

/** Saves where and how often the user's notifications are emailed (recorded in the global trail). */
export async function setEmailSetting(options: { userId: number; setting: EmailSetting; actor: Actor }): Promise<EmailSetting> {
  const { userId, setting, actor } = options;
  await getDb().$transaction(async (tx) => {
    await tx.notificationSetting.upsert({
      where: { userId },
      create: { userId, email: setting.email, emailMode: setting.mode },
      update: { email: setting.email, emailMode: setting.mode },
    });
    await appendAuditEvent(tx, {
      actorId: actor.id,
      actorName: actor.name,
      ip: actor.ip,
      action: "user.notification_email_set",
      targetType: "user",
      targetId: userId,
      details: { mode: setting.mode, email: setting.email },
    });
  });
  return setting;
}
