import { useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/project.claim";
import { notFound, requireProjectCapability } from "../auth/guards.server";
import { ClaimDetails } from "../components/claim-details";
import { ProjectNav } from "../components/project-nav";
import { useClaimPageUpdates } from "../components/use-project-events";
import { actorOf } from "../auth/actor.server";
import { actionSuccess, invalidForm, revalidateAfterStaleWrite, submittedValues, withAppErrors } from "../lib/action-result";
import { parseFormData } from "../lib/form";
import { describeEvent } from "../lib/history";
import { CLAIM_FORM_CAPABILITY, capabilityOfForm, claimFormSchema, shownBesideItsForm } from "../lib/review-forms";
import type { ClaimPage } from "../lib/review-types";
import { can } from "../lib/roles";
import { claimForReview } from "../models/claim.server";
import { assignClaim, assignableMembers } from "../models/claim-assignment.server";
import { claimArticleContext } from "../models/claim-context.server";
import { adjudicateClaim } from "../models/review/adjudicate.server";
import { claimReviewView, visibleClaimHistory } from "../models/review/review-view.server";
import { assignSecondReviewer } from "../models/review/second-reviewer.server";
import { approveClaim, reopenClaim } from "../models/review/sign-off.server";
import { viewersOf } from "../models/claim-presence.server";
import { reviewClaim } from "../models/review/review-verdict.server";
import { namesById, peopleByIds, peopleIdsOf } from "../models/people.server";
import { addExternalSource, editSourceLink, listClaimSources, removeSourceLink } from "../models/source.server";

const claimIdParam = z.coerce.number().int().positive();

// After a stale write the page (and the table's panel, loaded from here) shows the claim as it is now.
export const shouldRevalidate = revalidateAfterStaleWrite;

export const meta = ({ data }: Route.MetaArgs) => [{ title: `Claim ${data?.claim.id ?? ""} · Claimdesk` }];

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role, user } = await requireProjectCapability(request, params.slug, "read");
  const id = claimIdParam.safeParse(params.claimId);
  const claim = id.success ? await claimForReview(project.id, id.data) : null;
  if (!claim) notFound("Claim not found.");
  // Blindness is applied here: a reviewer gets neither the pending proposal nor the history entries that tell it.
  const viewer = { userId: user.id, role };
  const [parsed, review, members, viewers, sources, context] = await Promise.all([
    visibleClaimHistory({ projectId: project.id, claim, viewer }),
    claimReviewView({ projectId: project.id, claim, viewer, secondReviewOn: project.secondReview }),
    assignableMembers(project.id),
    viewersOf(claim.id, user.id),
    listClaimSources(project.id, claim.id),
    claimArticleContext({ projectId: project.id, claim }),
  ]);
  const people = namesById(await peopleByIds(peopleIdsOf(parsed)));
  const history = parsed.map((event) => ({
    id: event.id,
    iso: event.createdAt.toISOString(),
    line: describeEvent(event, { timeZone: project.timeZone, people }),
  }));
  return {
    project,
    role,
    claim,
    context,
    history,
    members,
    viewers: viewers.map((v) => v.user.displayName),
    sources: sources.map((link) => ({
      id: link.id,
      stance: link.stance,
      quote: link.quote,
      note: link.note,
      addedBy: link.addedBy?.displayName ?? null,
      addedAt: link.addedAt.toISOString(),
      source: {
        id: link.source.id,
        url: link.source.url,
        title: link.source.title,
        outlet: link.source.outlet,
        author: link.source.author,
        publishedAt: link.source.publishedAt?.toISOString() ?? null,
        accessedAt: link.source.accessedAt?.toISOString() ?? null,
        documentId: link.source.documentId,
      },
    })),
    requireSource: project.requireSourceForVerdict,
    canAddSource: can(role, "addSource"),
    canTag: can(role, "tagClaim"),
    canAssign: can(role, "assignClaims"),
    review,
    secondReview: project.secondReview,
    canAdjudicate: can(role, "adjudicate"),
    canApprove: can(role, "approve"),
  } satisfies ClaimPage;
}

// The claim page's forms: verdict, assignee, sources and the editorial review's steps. The table's row controls and
// side panel post here too (naming this route as their action).
export async function action({ request, params, context }: Route.ActionArgs) {
  const formData = await request.formData();
  const auth = await requireProjectCapability(request, params.slug, capabilityOfForm(formData, CLAIM_FORM_CAPABILITY, "tagClaim"));
  const claimId = claimIdParam.safeParse(params.claimId);
  if (!claimId.success) notFound("Claim not found.");
  const parsed = parseFormData(formData, claimFormSchema);
  const intent = formData.get("intent");
  const inputField = intent === "add-source" || intent === "edit-source" ? "source" : intent === "reopen" ? "reason" : "rationale";
  // A refused form comes back with what was typed in it, so nothing is lost (a stale verdict's rationale).
  const echo = { form: typeof intent === "string" ? intent : undefined, values: submittedValues(formData) };
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, { inputField: inputField === "source" ? "source" : undefined, ...echo });
  const input = parsed.data;
  const target = { projectId: auth.project.id, actor: actorOf(auth, context) };
  return withAppErrors(
    async () => {
      switch (input.intent) {
        case "tag": {
          // With second review on this is a proposal, its revision or the second review (the model decides).
          const result = await reviewClaim({
            ...target,
            claimId: claimId.data,
            verdict: { status: input.status, rationale: input.rationale ?? null, expectedVersion: input.version },
            role: auth.role,
          });
          if (!result) notFound("Claim not found.");
          break;
        }
        case "assign": {
          const assigneeId = input.assigneeId ?? null;
          const claim = await assignClaim({ ...target, claimId: claimId.data, assigneeId, expectedVersion: input.version });
          if (!claim) notFound("Claim not found.");
          break;
        }
        case "add-source": {
          const { intent: _intent, ...source } = input;
          const link = await addExternalSource({ ...target, claimId: claimId.data, source });
          if (!link) notFound("Claim not found.");
          break;
        }
        case "edit-source": {
          const change = { stance: input.stance, quote: input.quote ?? null, note: input.note ?? null };
          const link = await editSourceLink({ ...target, linkId: input.linkId, change });
          if (!link) notFound("Source link not found.");
          break;
        }
        case "remove-source": {
          const link = await removeSourceLink({ ...target, linkId: input.linkId });
          if (!link) notFound("Source link not found.");
          break;
        }
        case "adjudicate": {
          const verdict = { status: input.status, rationale: input.rationale, expectedVersion: input.version };
          if (!(await adjudicateClaim({ ...target, claimId: claimId.data, verdict }))) notFound("Claim not found.");
          break;
        }
        case "approve": {
          if (!(await approveClaim({ ...target, claimId: claimId.data, expectedVersion: input.version }))) notFound("Claim not found.");
          break;
        }
        case "reopen": {
          const reopened = await reopenClaim({ ...target, claimId: claimId.data, reason: input.reason, expectedVersion: input.version });
          if (!reopened) notFound("Claim not found.");
          break;
        }
        case "second-reviewer": {
          const reviewerId = input.reviewerId ?? null;
          const claim = await assignSecondReviewer({ ...target, claimId: claimId.data, reviewerId, expectedVersion: input.version });
          if (!claim) notFound("Claim not found.");
          break;
        }
      }
      return actionSuccess({ intent: input.intent });
    },
    { inputField, ...echo },
  );
}

export default function ClaimPage({ loaderData }: Route.ComponentProps) {
  const actionData = useActionData<typeof action>();
  useClaimPageUpdates(loaderData.project.slug, loaderData.claim.id);
  const failure = actionData?.ok === false ? actionData : null;
  return (
    <section>
      <ProjectNav slug={loaderData.project.slug} role={loaderData.role} />
      <h1>Claim {loaderData.claim.id}</h1>
      {failure && !shownBesideItsForm(failure) ? (
        <p className="alert alert-error" role="alert">
          {failure.error}
        </p>
      ) : null}
      <ClaimDetails data={loaderData} failure={failure} />
    </section>
  );
}
