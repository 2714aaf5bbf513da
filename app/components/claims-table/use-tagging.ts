import { useCallback, useEffect, useRef, useState } from "react";
import { useFetcher, useLocation } from "react-router";
import type { ClaimStatus } from "../../lib/claim-status";
import { paths } from "../../lib/paths";
import type { ClaimFormResult, ClaimRow } from "../../lib/review-types";

export interface PendingTag {
  claimId: number;
  version: number;
  status: ClaimStatus;
}

interface TaggingOptions {
  slug: string;
  canTag: boolean;
  requireSourceForVerdict: boolean;
  openPanel: (claimId: number) => void;
  announce: (message: string) => void;
}

/**
 * Verdicts from a row: "unverified" is saved at once, the others after a rationale (the
 * dialog); each posts to the claim's own route with the version the row was read at.
 */
export function useTagging({ slug, canTag, requireSourceForVerdict, openPanel, announce }: TaggingOptions) {
  const fetcher = useFetcher<ClaimFormResult>();
  const [pending, setPending] = useState<PendingTag | null>(null);
  const [sourceNotice, setSourceNotice] = useState<string | null>(null);
  const rationaleDialog = useRef<HTMLDialogElement>(null);
  const { submit } = fetcher;
  // The notices are about the rows on screen: a new search, filter or page clears them.
  const { search } = useLocation();
  const [noticesFor, setNoticesFor] = useState({ search, dismissed: undefined as ClaimFormResult | undefined });
  if (noticesFor.search !== search) {
    setNoticesFor({ search, dismissed: fetcher.data });
    setSourceNotice(null);
  }

  const submitTag = useCallback(
    ({ claimId, version, status }: PendingTag, rationale: string | null) => {
      const form = new FormData();
      form.set("intent", "tag");
      form.set("version", String(version));
      form.set("status", status);
      if (rationale) form.set("rationale", rationale);
      void submit(form, { method: "post", action: paths.claim(slug, claimId) });
      announce(`Claim ${claimId}: saving ${status}…`);
    },
    [submit, slug, announce],
  );

  const requestTag = useCallback(
    (row: ClaimRow, status: ClaimStatus) => {
      if (!canTag) return;
      // Said before the reviewer writes a rationale the server would then refuse.
      if (status !== "unverified" && requireSourceForVerdict && row.sourceCount === 0) {
        setSourceNotice(`Claim ${row.id} has no source yet: link one in its details before marking it ${status} (a project setting).`);
        openPanel(row.id);
        return;
      }
      setSourceNotice(null);
      if (status === "unverified") submitTag({ claimId: row.id, version: row.version, status }, row.rationale);
      else {
        setPending({ claimId: row.id, version: row.version, status });
        rationaleDialog.current?.showModal();
      }
    },
    [canTag, submitTag, openPanel, requireSourceForVerdict],
  );

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    announce(fetcher.data.ok ? "Saved." : (fetcher.data.error ?? "Not saved."));
  }, [fetcher.state, fetcher.data, announce]);

  const error = fetcher.data && !fetcher.data.ok && fetcher.data !== noticesFor.dismissed ? fetcher.data.error : null;
  return { requestTag, submitTag, pending, clearPending: () => setPending(null), sourceNotice, error, rationaleDialog };
}
