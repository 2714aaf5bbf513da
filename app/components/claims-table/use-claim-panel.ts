import { useCallback, useState } from "react";
import { useFetcher } from "react-router";
import { paths } from "../../lib/paths";
import type { ClaimPage } from "../../lib/review-types";

/** The side panel: which claim is open, and its page loaded from the claim's own route. */
export function useClaimPanel(slug: string) {
  const fetcher = useFetcher<ClaimPage>();
  const [claimId, setClaimId] = useState<number | null>(null);
  const { load } = fetcher;
  const open = useCallback(
    (id: number) => {
      setClaimId(id);
      void load(paths.claim(slug, id));
    },
    [load, slug],
  );
  const close = useCallback(() => setClaimId(null), []);
  /** Reloads the open claim if it is one of `ids` (all when omitted). */
  const reload = useCallback(
    (ids?: number[]) => {
      if (claimId !== null && (!ids || ids.includes(claimId))) void load(paths.claim(slug, claimId));
    },
    [claimId, load, slug],
  );
  const page = fetcher.data && fetcher.data.claim.id === claimId ? fetcher.data : null;
  return { claimId, page, open, close, reload };
}
