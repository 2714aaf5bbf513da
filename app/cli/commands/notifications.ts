import { z } from "zod";
import { AppError } from "../../lib/app-error";
import { usernameSchema } from "../../lib/password-policy";
import { listNotifications, markNotificationsRead } from "../../models/notifications/inbox.server";
import { findUserByUsername } from "../../models/user.server";
import { parseOptions } from "../args";
import { type CliIo, printResult } from "../io";

const idList = z
  .string()
  .transform((value) => (value === "all" ? ("all" as const) : value.split(",").map((part) => Number(part.trim()))))
  .pipe(z.union([z.literal("all"), z.array(z.number().int().positive({ error: "must be notification ids (1,2,3) or all" })).min(1)]));

/** `claimdesk notifications --as U [--unread] [--mark-read ID,...|all] [--json]`: U's inbox, newest first. */
export async function notificationsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(
    args,
    { as: { type: "string" }, unread: { type: "boolean" }, "mark-read": { type: "string" }, limit: { type: "string" } },
    z.object({
      as: usernameSchema,
      unread: z.boolean().optional(),
      markRead: idList.optional(),
      limit: z.coerce.number({ error: "must be a number" }).int().min(1).max(1000).optional(),
    }),
  );
  const user = await findUserByUsername(values.as);
  if (!user || user.disabledAt) throw new AppError("not_found", `no active user named "${values.as}"`);
  const marked = values.markRead ? await markNotificationsRead({ userId: user.id, ids: values.markRead }) : 0;
  const items = await listNotifications({ user, unreadOnly: values.unread === true, take: values.limit ?? 100 });
  const rows = items.map((item) => ({
    id: item.id,
    kind: item.kind,
    text: item.text,
    excerpt: item.excerpt,
    project: item.project.slug,
    claimId: item.claimId,
    createdAt: item.createdAt.toISOString(),
    read: item.readAt !== null,
  }));
  const lines = rows.map((row) => `${row.read ? " " : "*"} ${row.id}  ${row.createdAt.slice(0, 16)}  ${row.text}`);
  const header = values.markRead ? `Marked ${marked} read.\n` : "";
  printResult(io, json, values.markRead ? { marked, notifications: rows } : rows, `${header}${lines.join("\n") || "No notifications."}`);
  return 0;
}
