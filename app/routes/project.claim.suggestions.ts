import { z } from "zod";
import type { Route } from "./+types/project.claim.suggestions";
import { actorOf } from "../auth/actor.server";
import { requireProjectCapability } from "../auth/guards.server";
import { parseFormData } from "../lib/form";
import { ClaimInputError } from "../models/claim.server";
import { STANCES, addPassageSource } from "../models/source.server";
import { rejectSuggestion, suggestPassages } from "../models/suggestion.server";

const claimIdParam = z.coerce.number().int().positive();

// "Find in other articles": passages of the project's other articles for one claim.
export async function loader({ request, params }: Route.LoaderArgs) {
  const { project } = await requireProjectCapability(request, params.slug, "read");
  const claimId = claimIdParam.safeParse(params.claimId);
  const found = claimId.success ? await suggestPassages(project.id, claimId.data, { limit: 5 }) : null;
  if (!found) return Response.json({ message: "Claim not found." }, { status: 404 });
  return Response.json(found);
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
  if (!claimId.success) return Response.json({ message: "Claim not found." }, { status: 404 });
  const parsed = parseFormData(await request.formData(), actionSchema);
  if (!parsed.ok) return Response.json({ message: Object.values(parsed.fieldErrors)[0] }, { status: 400 });
  const actor = actorOf(auth, context);
  const { intent, ...input } = parsed.data;
  try {
    const done =
      intent === "link-passage"
        ? await addPassageSource(
            auth.project.id,
            claimId.data,
            {
              documentId: input.documentId,
              start: input.start,
              end: input.end,
              stance: (input as { stance: (typeof STANCES)[number] }).stance,
            },
            actor,
          )
        : await rejectSuggestion(
            auth.project.id,
            claimId.data,
            { documentId: input.documentId, start: input.start, end: input.end },
            actor,
          );
    if (!done) return Response.json({ message: "Claim or article not found." }, { status: 404 });
    return Response.json({ ok: true, intent });
  } catch (error) {
    if (error instanceof ClaimInputError) return Response.json({ message: error.message }, { status: 400 });
    throw error;
  }
}
