import { useRef } from "react";
import { useRevalidator } from "react-router";
import { useProjectEvents } from "../use-project-events";

interface LiveUpdateOptions {
  slug: string;
  viewerId: number;
  announce: (message: string) => void;
  /** Reloads the open claim, if any of `ids` (all when omitted). */
  reloadPanel: (ids?: number[]) => void;
}

/** Changes by other reviewers: reload the rows, and the panel if it shows a changed claim. */
export function useLiveUpdates({ slug, viewerId, announce, reloadPanel }: LiveUpdateOptions) {
  const revalidator = useRevalidator();
  const reloadSoon = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Every claim named since the last reload (a burst of events reloads once, for all of them); null: any claim.
  const changed = useRef<Set<number> | null>(new Set());
  useProjectEvents(slug, {
    onClaimsChanged(event) {
      if (event.actorId !== viewerId) announce(event.summary);
      if (event.more) changed.current = null;
      else for (const id of event.claimIds) changed.current?.add(id);
      clearTimeout(reloadSoon.current);
      reloadSoon.current = setTimeout(() => {
        const ids = changed.current;
        changed.current = new Set();
        void revalidator.revalidate();
        reloadPanel(ids ? [...ids] : undefined);
      }, 200);
    },
    onPresence(event) {
      reloadPanel([event.claimId]);
    },
    // Changes made while the connection was down sent events no one received: reload.
    onReconnected() {
      void revalidator.revalidate();
      reloadPanel();
    },
  });
}
