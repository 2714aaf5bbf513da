import { Form, Link } from "react-router";
import type { Route } from "./+types/inbox";
import { requireUser } from "../auth/guards.server";
import { actionSuccess, invalidForm } from "../lib/action-result";
import { formatDateTime } from "../lib/datetime";
import { parseFormData } from "../lib/form";
import { inboxFormSchema } from "../lib/notifications/inbox-forms";
import { paths } from "../lib/paths";
import { listNotifications, markNotificationsRead, unreadNotificationCount } from "../models/notifications/inbox.server";

export const meta = () => [{ title: "Inbox · Claimdesk" }];

export async function loader({ request }: Route.LoaderArgs) {
  const { user } = await requireUser(request);
  const unreadOnly = new URL(request.url).searchParams.get("unread") === "1";
  const [items, unread] = await Promise.all([listNotifications({ user, unreadOnly, take: 100 }), unreadNotificationCount(user)]);
  return {
    unreadOnly,
    unread,
    items: items.map((item) => ({
      id: item.id,
      text: item.text,
      excerpt: item.excerpt,
      createdAt: item.createdAt.toISOString(),
      read: item.readAt !== null,
      href: item.claimId === null ? paths.claims(item.project.slug) : paths.claim(item.project.slug, item.claimId),
    })),
  };
}

export async function action({ request }: Route.ActionArgs) {
  const { user } = await requireUser(request);
  const parsed = parseFormData(await request.formData(), inboxFormSchema);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors);
  const marked = await markNotificationsRead({ userId: user.id, ids: parsed.data.intent === "read-all" ? "all" : [parsed.data.id] });
  return actionSuccess({ marked });
}

export default function Inbox({ loaderData }: Route.ComponentProps) {
  const { items, unread, unreadOnly } = loaderData;
  return (
    <section className="narrow inbox">
      <h1>Inbox</h1>
      <p className="meta" role="status">
        {unread === 0 ? "Nothing unread." : `${unread} unread.`}{" "}
        {unreadOnly ? <Link to={paths.inbox()}>Show all</Link> : <Link to={paths.inbox({ unread: true })}>Show only unread</Link>}
      </p>
      {unread > 0 ? (
        <Form method="post">
          <button type="submit" name="intent" value="read-all" className="button">
            Mark all read
          </button>
        </Form>
      ) : null}
      {items.length === 0 ? <p className="meta">No notifications{unreadOnly ? " unread" : ""}.</p> : null}
      <ol className="inbox-list">
        {items.map((item) => (
          <li key={item.id} className={item.read ? "read" : "unread"}>
            <p>
              {item.read ? null : <span className="visually-hidden">Unread: </span>}
              <Link to={item.href}>{item.text}</Link>
            </p>
            {item.excerpt ? <p className="meta">“{item.excerpt}”</p> : null}
            <p className="meta">
              <time dateTime={item.createdAt}>{formatDateTime(item.createdAt)}</time>
            </p>
            {item.read ? null : (
              <Form method="post" className="inline-form">
                <input type="hidden" name="id" value={item.id} />
                <button type="submit" name="intent" value="read" className="link-button" aria-label={`Mark read: ${item.text}`}>
                  Mark read
                </button>
              </Form>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
