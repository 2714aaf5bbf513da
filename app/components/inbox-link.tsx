import { useEffect, useRef, useState } from "react";
import { NavLink, useLocation, useRevalidator } from "react-router";
import { paths } from "../lib/paths";

const RETRY_MS = 5_000;

/**
 * The header's link to the inbox with the unread count, kept current by the user's event
 * stream (it sends the count on connecting and on each new or read notification); an open
 * inbox reloads its list when the count changes.
 */
export function InboxLink({ unread }: { unread: number }) {
  const [live, setLive] = useState<{ unread: number; basis: number } | null>(null);
  const { pathname } = useLocation();
  const revalidator = useRevalidator();
  // A newer loader answer (a navigation) wins over what the stream said before it.
  const count = live && live.basis === unread ? live.unread : unread;
  const latest = useRef({ count, unread, onInbox: pathname === paths.inbox(), revalidator });
  useEffect(() => {
    latest.current = { count, unread, onInbox: pathname === paths.inbox(), revalidator };
  });
  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      const current = new EventSource(paths.inboxEvents());
      source = current;
      current.addEventListener("notification", (message) => {
        let next: number;
        try {
          next = (JSON.parse(String((message as MessageEvent).data)) as { unread: number }).unread;
        } catch {
          return;
        }
        const now = latest.current;
        if (next === now.count) return;
        setLive({ unread: next, basis: now.unread });
        if (now.onInbox) void now.revalidator.revalidate();
      });
      current.addEventListener("error", () => {
        if (current.readyState !== EventSource.CLOSED) return;
        current.close();
        retry = setTimeout(connect, RETRY_MS);
      });
    };
    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, []);
  return (
    <NavLink to={paths.inbox()}>
      Inbox
      {count > 0 ? (
        <span className="badge inbox-count">
          {count}
          <span className="visually-hidden"> unread</span>
        </span>
      ) : null}
    </NavLink>
  );
}
