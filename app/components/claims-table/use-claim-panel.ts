import { useCallback, useEffect, useState } from "react";
import { useFetcher } from "react-router";
import { paths } from "../../lib/paths";
import type { ClaimPage } from "../../lib/review-types";

/**
 * The side panel: which claim is open, and its page loaded from the claim's own route. While
 * open it shows the selected row's claim (`selectedId`), so the keys that move the selection
 * page through the claims.
 */
export function useClaimPanel(slug: string, selectedId: number | undefined) {
  const fetcher = useFetcher<ClaimPage>();
  const [openedId, setOpenedId] = useState<number | null>(null);
  const claimId = openedId === null ? null : (selectedId ?? openedId);
  const { load } = fetcher;
  useEffect(() => {
    if (claimId !== null) void load(paths.claim(slug, claimId));
  }, [claimId, load, slug]);
  const open = useCallback((id: number) => setOpenedId(id), []);
  const close = useCallback(() => setOpenedId(null), []);
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
