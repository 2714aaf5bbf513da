import { useEffect, useRef } from "react";
import { useRevalidator } from "react-router";
import { paths } from "../lib/paths";

export interface ClaimsChangedEvent {
  type: "claims-changed";
  claimIds: number[];
  /** The list was cut short (a large bulk change): any claim may have changed. */
  more?: boolean;
  actorId: number | null;
  summary: string;
}
export interface PresenceEvent {
  type: "presence";
  claimId: number;
}

const FIRST_RETRY_MS = 1_000;
const LONGEST_RETRY_MS = 15_000;

/**
 * Listens to the project's Server-Sent Events. Events sent while the connection was down are
 * not replayed (there is no event log to replay from), so every reconnection calls
 * `onReconnected`, for the caller to reload what it shows. The browser reconnects by itself
 * after a dropped connection, but gives up after an answer that is not an event stream (a 502
 * from a proxy while the server restarts): then this reconnects, backing off.
 */
export function useProjectEvents(
  slug: string,
  handlers: {
    onClaimsChanged?: (event: ClaimsChangedEvent) => void;
    onPresence?: (event: PresenceEvent) => void;
    onReconnected?: () => void;
  },
) {
  const latest = useRef(handlers);
  // The newest handlers, without reconnecting the EventSource each render.
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let retryMs = FIRST_RETRY_MS;
    let missedEvents = false;
    const parse = <T>(message: MessageEvent): T | null => {
      try {
        return JSON.parse(String(message.data)) as T;
      } catch {
        return null;
      }
    };
    const connect = () => {
      const current = new EventSource(paths.events(slug));
      source = current;
      current.addEventListener("open", () => {
        retryMs = FIRST_RETRY_MS;
        if (!missedEvents) return;
        missedEvents = false;
        latest.current.onReconnected?.();
      });
      current.addEventListener("error", () => {
        missedEvents = true;
        if (current.readyState !== EventSource.CLOSED) return;
        current.close();
        retry = setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, LONGEST_RETRY_MS);
      });
      current.addEventListener("claims-changed", (message) => {
        const event = parse<ClaimsChangedEvent>(message as MessageEvent);
        if (event) latest.current.onClaimsChanged?.(event);
      });
      current.addEventListener("presence", (message) => {
        const event = parse<PresenceEvent>(message as MessageEvent);
        if (event) latest.current.onPresence?.(event);
      });
    };
    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [slug]);
}

/** Whether a change event may concern the claim (a cut list may leave it out). */
export function mayConcern(event: ClaimsChangedEvent, claimId: number): boolean {
  return event.more === true || event.claimIds.includes(claimId);
}

/** A page showing one claim: reload it when someone changes the claim or starts viewing it, and after a reconnection. */
export function useClaimPageUpdates(slug: string, claimId: number) {
  const { revalidate } = useRevalidator();
  useProjectEvents(slug, {
    onClaimsChanged(event) {
      if (mayConcern(event, claimId)) void revalidate();
    },
    onPresence(event) {
      if (event.claimId === claimId) void revalidate();
    },
    onReconnected() {
      void revalidate();
    },
  });
}
