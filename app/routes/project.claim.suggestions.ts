import { z } from "zod";
import type { Route } from "./+types/project.claim.suggestions";
import { actorOf } from "../auth/actor.server";
import { requireProjectCapability } from "../auth/guards.server";
import { actionFailure, actionSuccess, invalidForm, withAppErrors } from "../lib/action-result";
import { AppError } from "../lib/app-error";
import { parseFormData } from "../lib/form";
import type { Suggestion } from "../lib/review-types";
import { STANCES } from "../lib/stances";
import { addPassageSource } from "../models/source.server";
import { rejectSuggestion, suggestPassages } from "../models/suggestion.server";

const claimIdParam = z.coerce.number().int().positive();

// "Find in other articles": passages of the project's other articles for one claim.
export async function loader({ request, params }: Route.LoaderArgs) {
  const { project } = await requireProjectCapability(request, params.slug, "read");
  const claimId = claimIdParam.safeParse(params.claimId);
  const found = claimId.success ? await suggestPassages({ projectId: project.id, claimId: claimId.data, limit: 5 }) : null;
  if (!found) return actionFailure(new AppError("not_found", "Claim not found."));
  return actionSuccess({ suggestions: found.suggestions satisfies Suggestion[], note: found.note });
}

const passage = {
  documentId: z.coerce.number().int().positive(),
  start: z.coerce.number().int().min(0),
  end: z.coerce.number().int().min(1),
};
const actionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("link-passage"), ...passage, stance: z.enum(STANCES, { error: "Choose supports, refutes or context" }) }),
    z.object({ intent: z.literal("reject-suggestion"), ...passage }),
  ],
  { error: "Unknown action" },
);

export async function action({ request, params, context }: Route.ActionArgs) {
  const auth = await requireProjectCapability(request, params.slug, "addSource");
  const claimId = claimIdParam.safeParse(params.claimId);
  if (!claimId.success) return actionFailure(new AppError("not_found", "Claim not found."));
  const parsed = parseFormData(await request.formData(), actionSchema);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors);
  const actor = actorOf(auth, context);
  const input = parsed.data;
  return withAppErrors(async () => {
    const passageOf = { documentId: input.documentId, start: input.start, end: input.end };
    const done =
      input.intent === "link-passage"
        ? await addPassageSource({
            projectId: auth.project.id,
            claimId: claimId.data,
            passage: { ...passageOf, stance: input.stance },
            actor,
          })
        : await rejectSuggestion({ projectId: auth.project.id, claimId: claimId.data, passage: passageOf, actor });
    if (!done) return actionFailure(new AppError("not_found", "Claim or article not found."));
    return actionSuccess({ intent: input.intent });
  });
}
