// The emails sent for notifications: plain text, one per notification or one digest a
// day. Pure, so the wording is tested without a mail server.

export interface EmailItem {
  text: string;
  excerpt: string | null;
  createdAt: Date;
  claimId: number | null;
  projectSlug: string;
}

export interface EmailMessage {
  subject: string;
  text: string;
}

/** Where the claim (or the project) opens, when the app's public origin is known. */
export function linkTo(item: Pick<EmailItem, "claimId" | "projectSlug">, origin: string | null): string | null {
  if (!origin) return null;
  const slug = encodeURIComponent(item.projectSlug);
  return item.claimId === null ? `${origin}/projects/${slug}/claims` : `${origin}/projects/${slug}/claims/${item.claimId}`;
}

function block(item: EmailItem, origin: string | null): string {
  const lines = [item.text];
  if (item.excerpt) lines.push(`  “${item.excerpt}”`);
  const link = linkTo(item, origin);
  if (link) lines.push(`  ${link}`);
  return lines.join("\n");
}

const FOOTER = "You get these emails because of your notification setting in Claimdesk (Account page).";

export function notificationEmail(item: EmailItem, origin: string | null): EmailMessage {
  return { subject: `Claimdesk: ${item.text}`, text: `${block(item, origin)}\n\n-- \n${FOOTER}\n` };
}

/** One email with the day's notifications, newest last, grouped by nothing: a short list reads best. */
export function digestEmail(items: readonly EmailItem[], origin: string | null): EmailMessage {
  const ordered = [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const count = ordered.length === 1 ? "1 notification" : `${ordered.length} notifications`;
  return {
    subject: `Claimdesk: ${count} since your last digest`,
    text: `${ordered.map((item) => block(item, origin)).join("\n\n")}\n\n-- \n${FOOTER}\n`,
  };
}

/** The UTC moment of today's digest for a digest hour (0-23, UTC). */
export function digestMoment(now: Date, hourUtc: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
}

/** Whether a user's digest is due: today's digest hour has passed and none was sent since. */
export function digestDue(options: { now: Date; hourUtc: number; lastDigestAt: Date | null }): boolean {
  const moment = digestMoment(options.now, options.hourUtc);
  return options.now >= moment && (options.lastDigestAt === null || options.lastDigestAt < moment);
}
