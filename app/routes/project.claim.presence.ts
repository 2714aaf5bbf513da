import { z } from "zod";
import type { Route } from "./+types/project.claim.presence";
import { requireProjectCapability } from "../auth/guards.server";
import { actionFailure, actionSuccess } from "../lib/action-result";
import { AppError } from "../lib/app-error";
import { markViewing } from "../models/claim-presence.server";

// Heartbeat from an open claim panel: "I am looking at this claim". JSON, no page reload.
export async function action({ request, params }: Route.ActionArgs) {
  const { project, user } = await requireProjectCapability(request, params.slug, "read");
  const id = z.coerce.number().int().positive().safeParse(params.claimId);
  if (!id.success || !(await markViewing({ projectId: project.id, claimId: id.data, userId: user.id })))
    return actionFailure(new AppError("not_found", "Claim not found."));
  return actionSuccess({});
}
