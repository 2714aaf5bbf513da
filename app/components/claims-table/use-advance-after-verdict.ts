import { useEffect, useRef } from "react";
import { useFetchers } from "react-router";
import { nextUnreviewedIndex } from "../../lib/next-unreviewed";
import type { ClaimRow } from "../../lib/review-types";

interface AdvanceOptions {
  /** The reviewer's setting (view options). */
  enabled: boolean;
  rows: ClaimRow[];
  active: number;
  /** Selects a row (an open panel follows the selection). */
  setActive: (index: number) => void;
  announce: (message: string) => void;
}

const CLAIM_ACTION = /\/claims\/(\d+)(?:\?|$)/;

/**
 * "After a verdict, move to the next unreviewed claim": watches every verdict form (a row's
 * status control, the rationale dialog, the panel's verdict form: all post `intent=tag` to
 * the claim's route) and, once a verdict on the claim the reviewer is on has been saved and
 * the rows reloaded, selects the next claim nobody has decided.
 */
export function useAdvanceAfterVerdict({ enabled, rows, active, setActive, announce }: AdvanceOptions) {
  const fetchers = useFetchers();
  // Fetcher key -> the claim saved and where its row was: recorded while the rows reload
  // (the rows it is looked for in are those from before the verdict).
  const saved = useRef(new Map<string, { claimId: number; formerIndex: number }>());

  useEffect(() => {
    const finished: Array<{ claimId: number; formerIndex: number }> = [];
    const present = new Set<string>();
    for (const fetcher of fetchers) {
      present.add(fetcher.key);
      const claimId = Number(CLAIM_ACTION.exec(fetcher.formAction ?? "")?.[1]);
      const isVerdict = fetcher.formData?.get("intent") === "tag" && Number.isInteger(claimId);
      const ok = (fetcher.data as { ok?: unknown } | undefined)?.ok === true;
      if (fetcher.state === "loading" && isVerdict && ok && !saved.current.has(fetcher.key)) {
        const formerIndex = rows.findIndex((row) => row.id === claimId);
        saved.current.set(fetcher.key, { claimId, formerIndex });
      } else if (fetcher.state === "idle" && saved.current.has(fetcher.key)) {
        finished.push(saved.current.get(fetcher.key)!);
        saved.current.delete(fetcher.key);
      }
    }
    for (const key of saved.current.keys()) {
      if (!present.has(key)) {
        finished.push(saved.current.get(key)!);
        saved.current.delete(key);
      }
    }
    if (!enabled) return;
    // Only a verdict on the claim the reviewer is still on (or on the place it left) moves the table.
    const done = finished.find((entry) => rows[active]?.id === entry.claimId || entry.formerIndex === active);
    if (!done) return;
    const next = nextUnreviewedIndex(rows, done);
    if (next === null) {
      announce("No unreviewed claims left on this page.");
      return;
    }
    setActive(next);
  }, [fetchers, enabled, rows, active, setActive, announce]);
}
