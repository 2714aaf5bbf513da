import { Form, Link, data, redirect, useActionData } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/project.document";
import { actorOf } from "../auth/actor.server";
import { notFound, requireProjectCapability } from "../auth/guards.server";
import { addedClaimNotice, clearedAddedClaimNotice, readAddedClaimNotice } from "../auth/notice-cookie.server";
import { ArticleReader } from "../components/article-reader";
import { DocumentDetailsForm } from "../components/document-details-form";
import { Field, FormError } from "../components/forms";
import { ProjectNav } from "../components/project-nav";
import { ArticleHeader } from "../components/reader/article-header";
import { ClaimSidePanel } from "../components/reader/claim-side-panel";
import { actionSuccess, invalidForm, withAppErrors } from "../lib/action-result";
import { dayIn } from "../lib/datetime";
import { documentDetailsSchema } from "../lib/document-details";
import { parseFormData } from "../lib/form";
import { describeEvent } from "../lib/history";
import { paths } from "../lib/paths";
import { can } from "../lib/roles";
import { addManualClaim, parseReasons, setClaimDismissed } from "../models/claim.server";
import { documentHistory, editDocumentDetails } from "../models/document-edit.server";
import { getDocumentForReader } from "../models/document.server";
import { namesById, peopleByIds, peopleIdsOf } from "../models/people.server";

export const meta = ({ data }: Route.MetaArgs) => [{ title: `${data?.document.title ?? "Article"} · Claimdesk` }];

const idParam = z.coerce.number().int().positive();

export async function loader({ request, params }: Route.LoaderArgs) {
  const { project, role } = await requireProjectCapability(request, params.slug, "read");
  const documentId = idParam.safeParse(params.documentId);
  const document = documentId.success ? await getDocumentForReader(project.id, documentId.data) : null;
  if (!document) notFound("Article not found.");
  const url = new URL(request.url);
  const showDismissed = url.searchParams.get("dismissed") === "1";
  const selectedClaimId = Number(url.searchParams.get("claim")) || null;
  // Set by the add-claim action's redirect; read once, then cleared.
  const addedClaimId = readAddedClaimNotice(request);
  const claims = document.claims.map((claim) => ({ ...claim, reasons: parseReasons(claim.reasons) }));
  const { claims: _all, ...documentFields } = document;
  const events = (await documentHistory(project.id, document.id)).map((e) => ({
    ...e,
    details: JSON.parse(e.details) as Record<string, unknown>,
  }));
  const people = namesById(await peopleByIds(peopleIdsOf(events)));
  const selectedClaim = claims.find((c) => c.id === selectedClaimId) ?? null;
  const page = {
    history: events.map((e) => ({
      id: e.id,
      iso: e.createdAt.toISOString(),
      line: describeEvent(e, { timeZone: project.timeZone, people }),
    })),
    publishedDay: document.publishedAt ? dayIn(document.publishedAt, project.timeZone) : "",
    canEditDetails: can(role, "editDocuments"),
    project,
    role,
    document: documentFields,
    claims: claims.filter((c) => c.anchorState === "anchored" && (showDismissed || !c.dismissed)),
    dismissedCount: claims.filter((c) => c.dismissed && c.anchorState === "anchored").length,
    needsReanchoring: claims.filter((c) => c.anchorState === "needs_reanchoring"),
    selectedClaim,
    justAdded: addedClaimId !== null && selectedClaim?.id === addedClaimId,
    showDismissed,
    canAddClaim: can(role, "addClaim") && !document.supersededAt,
    canDismiss: can(role, "editClaim"),
    canTag: can(role, "tagClaim"),
  };
  return data(page, addedClaimId === null ? undefined : { headers: { "Set-Cookie": clearedAddedClaimNotice(request) } });
}

const actionSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("add-claim"), start: z.coerce.number().int().min(0), end: z.coerce.number().int().min(0) }),
    z.object({
      intent: z.literal("add-claim-by-quote"),
      quote: z.string().trim().min(3, "Paste at least a few words from the article").max(3000),
    }),
    z.object({ intent: z.literal("restore"), claimId: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() }),
    z.object({ intent: z.literal("dismiss"), claimId: z.coerce.number().int().positive(), version: z.coerce.number().int().positive() }),
  ],
  { error: "Unknown action" },
);

export async function action({ request, params, context }: Route.ActionArgs) {
  const formData = await request.formData();
  const intent = formData.get("intent");
  // Dismissing is an edit (editors); adding or restoring a claim is open to reviewers.
  const auth = await requireProjectCapability(
    request,
    params.slug,
    intent === "edit-details" ? "editDocuments" : intent === "dismiss" ? "editClaim" : "addClaim",
  );
  const documentId = idParam.safeParse(params.documentId);
  if (!documentId.success) notFound("Article not found.");
  if (intent === "edit-details") return editDetails(auth, documentId.data, formData, actorOf(auth, context));
  // A refusal names its form (the intent), so the reader shows it beside the form that was used.
  const form = typeof intent === "string" ? intent : undefined;
  const parsed = parseFormData(formData, actionSchema);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors, { form, inputField: intent === "add-claim" ? "selection" : undefined });
  const actor = actorOf(auth, context);
  const input = parsed.data;
  const projectId = auth.project.id;
  return withAppErrors(
    async () => {
      if (input.intent === "add-claim" || input.intent === "add-claim-by-quote") {
        const passage = input.intent === "add-claim" ? { range: { start: input.start, end: input.end } } : { quote: input.quote };
        const claim = await addManualClaim({ projectId, documentId: documentId.data, actor, ...passage });
        if (!claim) notFound("Article not found.");
        // To the reader with the new claim selected; the notice makes it say "Claim added" and focus it, on that visit only.
        const dismissed = new URL(request.url).searchParams.get("dismissed") === "1";
        throw redirect(paths.document(params.slug, documentId.data, { claim: claim.id, dismissed }), {
          headers: { "Set-Cookie": addedClaimNotice(request, claim.id) },
        });
      }
      const updated = await setClaimDismissed({
        projectId,
        claimId: input.claimId,
        dismissed: input.intent === "dismiss",
        expectedVersion: input.version,
        actor,
      });
      if (!updated) notFound("Claim not found.");
      return actionSuccess({});
    },
    { form },
  );
}

/** Corrects the article's details; a date equal to the stored day keeps the stored time. */
async function editDetails(
  auth: { project: { id: number; timeZone: string } },
  documentId: number,
  formData: FormData,
  actor: ReturnType<typeof actorOf>,
) {
  const parsed = parseFormData(formData, documentDetailsSchema(auth.project.timeZone));
  if (!parsed.ok) return invalidForm(parsed.fieldErrors);
  const current = await getDocumentForReader(auth.project.id, documentId);
  if (!current) notFound("Article not found.");
  const { publishedAt, ...rest } = parsed.data;
  const sameDay =
    publishedAt && current.publishedAt && dayIn(publishedAt, auth.project.timeZone) === dayIn(current.publishedAt, auth.project.timeZone);
  const result = await editDocumentDetails(auth.project.id, documentId, sameDay ? rest : parsed.data, actor);
  if (!result) notFound("Article not found.");
  return actionSuccess({ detailsSaved: true });
}

export default function DocumentReader({ loaderData }: Route.ComponentProps) {
  const { project, role, document, claims, dismissedCount, selectedClaim, showDismissed, canAddClaim, canEditDetails } = loaderData;
  const actionData = useActionData<typeof action>();
  const failure = actionData && !actionData.ok ? actionData : null;
  const base = paths.document(project.slug, document.id);
  // Every form of the page posts here: the reader as it is shown, without the selected claim.
  const formAction = paths.document(project.slug, document.id, { dismissed: showDismissed });
  const claimHref = (id: number) => paths.document(project.slug, document.id, { dismissed: showDismissed, claim: id });
  const addForm = failure?.form === "add-claim" || failure?.form === "add-claim-by-quote";
  return (
    <section>
      <ProjectNav slug={project.slug} role={role} />
      <div className="reader-layout">
        <article className="reader card">
          <ArticleHeader slug={project.slug} timeZone={project.timeZone} document={document} canEditDetails={canEditDetails} />
          {canEditDetails ? (
            <DocumentDetailsForm
              document={document}
              publishedDay={loaderData.publishedDay}
              timeZone={project.timeZone}
              errors={failure?.fieldErrors ?? {}}
              saved={Boolean(actionData?.ok && "detailsSaved" in actionData && actionData.detailsSaved)}
              history={loaderData.history}
            />
          ) : null}
          <p className="reader-tools">
            {claims.filter((c) => !c.dismissed).length} claims highlighted.{" "}
            {dismissedCount > 0 ? (
              <Link to={showDismissed ? base : paths.document(project.slug, document.id, { dismissed: true })}>
                {showDismissed ? "Hide dismissed candidates" : `Show ${dismissedCount} dismissed candidates`}
              </Link>
            ) : null}
            {canAddClaim ? <span className="meta"> Select text to add a claim.</span> : null}
          </p>
          <p role="status" aria-live="polite" className="reader-status">
            {loaderData.justAdded ? "Claim added" : ""}
          </p>
          <FormError message={failure && !addForm ? failure.error : null} />
          <ArticleReader
            text={document.text}
            claims={claims.map((c) => ({ id: c.id, start: c.start, end: c.end, status: c.dismissed ? "dismissed" : c.status }))}
            selectedClaimId={selectedClaim?.id ?? null}
            canAddClaim={canAddClaim}
            claimHref={claimHref}
            formAction={formAction}
            selectionError={failure?.form === "add-claim" ? failure.error : null}
          />
          {document.sanitizedHtml ? (
            <details className="original-formatting">
              <summary>Original formatting</summary>
              {/* Produced by the allowlist sanitizer at import (app/lib/import/sanitize.ts); the CSP also forbids inline scripts. */}
              <div className="original-html" dangerouslySetInnerHTML={{ __html: document.sanitizedHtml }} />
            </details>
          ) : null}
          {canAddClaim ? (
            <Form method="post" action={formAction} className="quote-form" noValidate>
              <input type="hidden" name="intent" value="add-claim-by-quote" />
              <Field
                label="Add a claim by quoting the article"
                name="quote"
                hint="Paste the exact words; they must appear once in the article."
                error={failure?.form === "add-claim-by-quote" ? failure.error : undefined}
              />
              <button type="submit" className="button">
                Add claim
              </button>
            </Form>
          ) : null}
        </article>
        <ClaimSidePanel
          slug={project.slug}
          claim={selectedClaim}
          justAdded={loaderData.justAdded}
          needsReanchoring={loaderData.needsReanchoring}
          formAction={formAction}
          canTag={loaderData.canTag}
          canDismiss={loaderData.canDismiss}
          canRestore={canAddClaim}
        />
      </div>
    </section>
  );
}
