import { describeEvent, lineToText } from "../../lib/history";
import type { Viewer } from "../../lib/review/review-state";
import { claimForReview } from "../claim.server";
import { namesById, peopleByIds, peopleIdsOf } from "../people.server";
import { claimReviewView, visibleClaimHistory } from "./review-view.server";

/**
 * One claim as a viewer may see it: its fields, its review and its history in sentences,
 * with a pending proposal left out for a blind viewer (`claimdesk claim show`). Null when
 * the claim is not in the project.
 */
export async function claimAsSeenBy(options: {
  project: { id: number; secondReview: boolean; timeZone: string };
  claimId: number;
  viewer: Viewer;
}) {
  const { project, viewer } = options;
  const claim = await claimForReview(project.id, options.claimId);
  if (!claim) return null;
  const [events, review] = await Promise.all([
    visibleClaimHistory({ projectId: project.id, claim, viewer }),
    claimReviewView({ projectId: project.id, claim, viewer, secondReviewOn: project.secondReview }),
  ]);
  const people = namesById(await peopleByIds(peopleIdsOf(events)));
  return {
    id: claim.id,
    text: claim.text,
    speaker: claim.speaker,
    document: { id: claim.document.id, title: claim.document.title },
    status: claim.status,
    rationale: claim.rationale,
    version: claim.version,
    assignee: claim.assignee?.displayName ?? null,
    review,
    history: events.map((event) => ({
      at: event.createdAt.toISOString(),
      action: event.action,
      text: lineToText(describeEvent(event, { timeZone: project.timeZone, people })),
    })),
  };
}
