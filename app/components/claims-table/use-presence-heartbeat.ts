import { useEffect } from "react";
import { paths } from "../../lib/paths";

const HEARTBEAT_MS = 10_000;

/** While a claim is open, tells others who is looking at it ("Also viewing: …"). */
export function usePresenceHeartbeat(slug: string, claimId: number | null) {
  useEffect(() => {
    if (claimId === null) return;
    const beat = () => void fetch(paths.claimPresence(slug, claimId), { method: "POST" }).catch(() => undefined);
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [claimId, slug]);
}
