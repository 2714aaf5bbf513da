import type { Route } from "./+types/inbox.events";
import { requireUser } from "../auth/guards.server";
import { subscribeToUser } from "../models/events.server";
import { unreadNotificationCount } from "../models/notifications/inbox.server";
import { eventStreamResponse } from "../services/event-stream.server";

// Server-Sent Events for the signed-in user: each new or read notification sends the
// unread count, so the header's badge and an open inbox follow without polling.
export async function loader({ request }: Route.LoaderArgs) {
  const { user } = await requireUser(request);
  return eventStreamResponse(request, async ({ send, reconnect }) => {
    const sendCount = () =>
      unreadNotificationCount(user).then(
        (unread) => send("notification", { unread }),
        () => undefined,
      );
    const unsubscribe = await subscribeToUser(user.id, () => void sendCount(), reconnect);
    // The count at connecting: a page that reconnects after a dropped stream catches up.
    await sendCount();
    return unsubscribe;
  });
}
