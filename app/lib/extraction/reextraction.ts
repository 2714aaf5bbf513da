// Re-running extraction over a document already under review: what to add, update and
// remove so that the model's current view of the text is stored, without touching any
// claim a person has worked on. Pure; app/models/claim-reextraction.server.ts applies it.
import type { ClaimCandidate } from "./extract";

export interface StoredClaim {
  id: number;
  version: number;
  start: number;
  end: number;
  /** A person tagged, assigned, sourced, dismissed, restored or commented on it, or added it by hand. */
  reviewed: boolean;
  /** False while it waits to be re-anchored in a new version of its document: its position means nothing yet. */
  anchored: boolean;
  checkworthiness: number;
  /** As stored: the reasons' JSON. */
  reasons: string;
  speaker: string | null;
  dismissed: boolean;
}

export interface ClaimUpdate {
  id: number;
  /** The version read: the update applies only if nobody changed the claim since. */
  version: number;
  checkworthiness: number;
  reasons: string;
  speaker: string | null;
  dismissed: boolean;
}

export interface ReextractionPlan {
  add: ClaimCandidate[];
  update: ClaimUpdate[];
  remove: Array<{ id: number; version: number }>;
  /** Unreviewed claims the model sees exactly as stored. */
  unchanged: number;
  /** Claims left exactly as they are because a person worked on them (or they wait to be re-anchored). */
  kept: number;
  /** New candidates not added because a reviewed claim already covers most of the sentence. */
  coveredByReviewed: number;
}

function overlapRatio(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap <= 0 ? 0 : overlap / Math.min(a.end - a.start, b.end - b.start);
}

/**
 * A claim nobody has touched is the model's output, so it follows the model: same
 * sentence, new score, reasons, speaker and dismissal; a sentence the model no longer
 * makes is removed. A reviewed claim is never in the plan. A new sentence mostly covered
 * by a reviewed claim is not proposed again, as when a new version is imported.
 */
export function planReextraction(stored: StoredClaim[], candidates: ClaimCandidate[]): ReextractionPlan {
  const plan: ReextractionPlan = { add: [], update: [], remove: [], unchanged: 0, kept: 0, coveredByReviewed: 0 };
  const bySpan = new Map<string, StoredClaim[]>();
  const reviewed: StoredClaim[] = [];
  for (const claim of stored) {
    if (claim.reviewed || !claim.anchored) {
      plan.kept += 1;
      if (claim.anchored) reviewed.push(claim);
      continue;
    }
    const key = `${claim.start}:${claim.end}`;
    bySpan.set(key, [...(bySpan.get(key) ?? []), claim]);
  }
  const matched = new Set<number>();
  for (const candidate of candidates) {
    const same = bySpan.get(`${candidate.start}:${candidate.end}`)?.find((claim) => !matched.has(claim.id));
    if (same) {
      matched.add(same.id);
      const next = {
        checkworthiness: candidate.checkworthiness,
        reasons: JSON.stringify(candidate.reasons),
        speaker: candidate.speaker,
        dismissed: candidate.dismissed,
      };
      const changed =
        same.checkworthiness !== next.checkworthiness ||
        same.reasons !== next.reasons ||
        same.speaker !== next.speaker ||
        same.dismissed !== next.dismissed;
      if (changed) plan.update.push({ id: same.id, version: same.version, ...next });
      else plan.unchanged += 1;
    } else if (reviewed.some((claim) => overlapRatio(candidate, claim) > 0.5)) {
      plan.coveredByReviewed += 1;
    } else {
      plan.add.push(candidate);
    }
  }
  for (const claims of bySpan.values()) {
    for (const claim of claims) if (!matched.has(claim.id)) plan.remove.push({ id: claim.id, version: claim.version });
  }
  return plan;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Re-extracted 3 articles: 2 claims added, 1 updated, 0 removed; 4 reviewed claims kept as they were." */
export function reextractionSummary(r: {
  documents: number;
  added: number;
  updated: number;
  removed: number;
  keptReviewed: number;
}): string {
  return (
    `Re-extracted ${count(r.documents, "article", "articles")}: ${count(r.added, "claim", "claims")} added, ${r.updated} updated, ` +
    `${r.removed} removed; ${count(r.keptReviewed, "reviewed claim", "reviewed claims")} kept as ${r.keptReviewed === 1 ? "it was" : "they were"}.`
  );
}
