import { useEffect, useRef } from "react";
import { paths } from "../lib/paths";

export interface ClaimsChangedEvent {
  type: "claims-changed";
  claimIds: number[];
  actorId: number | null;
  summary: string;
}
export interface PresenceEvent {
  type: "presence";
  claimId: number;
}

/** Listens to the project's Server-Sent Events; EventSource reconnects by itself. */
export function useProjectEvents(
  slug: string,
  handlers: { onClaimsChanged?: (event: ClaimsChangedEvent) => void; onPresence?: (event: PresenceEvent) => void },
) {
  const latest = useRef(handlers);
  // The newest handlers, without reconnecting the EventSource each render.
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const source = new EventSource(paths.events(slug));
    const parse = <T>(message: MessageEvent): T | null => {
      try {
        return JSON.parse(String(message.data)) as T;
      } catch {
        return null;
      }
    };
    source.addEventListener("claims-changed", (message) => {
      const event = parse<ClaimsChangedEvent>(message as MessageEvent);
      if (event) latest.current.onClaimsChanged?.(event);
    });
    source.addEventListener("presence", (message) => {
      const event = parse<PresenceEvent>(message as MessageEvent);
      if (event) latest.current.onPresence?.(event);
    });
    return () => source.close();
  }, [slug]);
}
