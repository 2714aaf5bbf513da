import { z } from "zod";

// What a notification is about, and how it reads. Client-safe: the inbox, the header, the
// emails and the CLI render notifications with these functions.

export const NOTIFICATION_KINDS = ["mention", "assignment", "second_review", "adjudication", "reply"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const EMAIL_MODES = ["off", "immediate", "daily"] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export const EMAIL_MODE_LABELS: Record<EmailMode, string> = {
  off: "No email",
  immediate: "An email for each notification",
  daily: "One email a day with the day's notifications",
};

/** What the details of each kind may hold: a comment's id and an excerpt, a role. Never a proposed verdict. */
export const notificationDetailsSchema = z.object({
  commentId: z.number().int().optional(),
  excerpt: z.string().optional(),
  as: z.enum(["assignee", "second-reviewer"]).optional(),
  /** Claims assigned at once by a bulk change. */
  count: z.number().int().optional(),
});
export type NotificationDetails = z.infer<typeof notificationDetailsSchema>;

export function parseNotificationDetails(json: string): NotificationDetails {
  try {
    const parsed = notificationDetailsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export interface NotificationFacts {
  kind: string;
  actorName: string | null;
  claimId: number | null;
  projectName: string;
  details: NotificationDetails;
}

/** One sentence, for the inbox, the CLI and an email's subject. */
export function describeNotification(notification: NotificationFacts): string {
  const who = notification.actorName ?? "Someone";
  const claim = notification.claimId === null ? "a claim" : `claim ${notification.claimId}`;
  const where = ` in ${notification.projectName}`;
  switch (notification.kind) {
    case "mention":
      return `${who} mentioned you on ${claim}${where}`;
    case "reply":
      return `${who} replied on ${claim}${where}, where you commented`;
    case "assignment":
      if (notification.details.as === "second-reviewer") return `${who} asked you for the second review of ${claim}${where}`;
      if (notification.claimId === null && notification.details.count)
        return `${who} assigned ${notification.details.count} claims${where} to you`;
      return `${who} assigned ${claim}${where} to you`;
    case "second_review":
      return `${claim[0]!.toUpperCase()}${claim.slice(1)}${where} waits for your second review`;
    case "adjudication":
      return `The reviewers of ${claim}${where} disagree: it waits for your adjudication`;
    default:
      return `${who}: ${notification.kind.replace(/_/g, " ")} on ${claim}${where}`;
  }
}

export const emailSettingSchema = z.object({
  email: z
    .string()
    .trim()
    .max(254, "An email address has at most 254 characters")
    .transform((value) => value || null)
    .pipe(z.union([z.null(), z.email({ error: "Enter an email address such as name@example.org" })])),
  mode: z.enum(EMAIL_MODES, { error: "Choose no email, each notification or a daily digest" }),
});
