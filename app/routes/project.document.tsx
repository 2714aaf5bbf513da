import { useEffect, useRef } from "react";
import { Form, Link, useActionData, useLocation, useNavigate } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/project.document";
import { actorOf } from "../auth/actor.server";
import { notFound, requireProjectCapability } from "../auth/guards.server";
import { ArticleReader } from "../components/article-reader";
import { ReasonList, StatusBadge } from "../components/claim-summary";
import { Field, FormError } from "../components/forms";
import { ProjectNav } from "../components/project-nav";
import { locateQuote } from "../lib/anchoring";
import { actionFailure, actionSuccess, invalidForm, withAppErrors } from "../lib/action-result";
import { AppError } from "../lib/app-error";
import { parseFormData } from "../lib/form";
import { can } from "../lib/roles";
import { addManualClaim, parseReasons, setClaimDismissed } from "../models/claim.server";
import { getDocumentForReader } from "../models/document.server";
import { paths } from "../lib/paths";
import { documentHistory, editDocumentDetails } from "../models/document-edit.server";
import { namesById, peopleByIds, peopleIdsOf } from "../models/people.server";
import { DocumentDetailsForm } from "../components/document-details-form";
import { ReaderLegend } from "../components/reader-legend";
import { TagForm } from "../components/tag-form";
import { dayIn, formatDateTime, formatPublished } from "../lib/datetime";
import { documentDetailsSchema } from "../lib/document-details";
import { describeEvent } from "../lib/history";

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
  const claims = document.claims.map((claim) => ({ ...claim, reasons: parseReasons(claim.reasons) }));
  const { claims: _all, ...documentFields } = document;
  const events = (await documentHistory(project.id, document.id)).map((e) => ({
    ...e,
    details: JSON.parse(e.details) as Record<string, unknown>,
  }));
  const people = namesById(await peopleByIds(peopleIdsOf(events)));
  return {
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
    selectedClaim: claims.find((c) => c.id === selectedClaimId) ?? null,
    showDismissed,
    canAddClaim: can(role, "addClaim") && !document.supersededAt,
    canDismiss: can(role, "editClaim"),
    canTag: can(role, "tagClaim"),
  };
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
  const parsed = parseFormData(formData, actionSchema);
  if (!parsed.ok) return invalidForm(parsed.fieldErrors);
  const actor = actorOf(auth, context);
  const input = parsed.data;
  return withAppErrors(async () => {
    if (input.intent === "add-claim" || input.intent === "add-claim-by-quote") {
      let range: { start: number; end: number } = { start: 0, end: 0 };
      if (input.intent === "add-claim") range = { start: input.start, end: input.end };
      else {
        const document = await getDocumentForReader(auth.project.id, documentId.data);
        if (!document) notFound("Article not found.");
        const found = locateQuote(document.text, input.quote);
        if (found === null)
          return actionFailure(new AppError("invalid_input", "That text does not appear in the article exactly as pasted."), {
            inputField: "quote",
          });
        if (found === "ambiguous")
          return actionFailure(new AppError("invalid_input", "That text appears more than once; paste a longer passage."), {
            inputField: "quote",
          });
        range = found;
      }
      const claim = await addManualClaim({ projectId: auth.project.id, documentId: documentId.data, range, actor });
      if (!claim) notFound("Article not found.");
      return actionSuccess({ addedClaimId: claim.id });
    }
    const updated = await setClaimDismissed({
      projectId: auth.project.id,
      claimId: input.claimId,
      dismissed: input.intent === "dismiss",
      expectedVersion: input.version,
      actor,
    });
    if (!updated) notFound("Claim not found.");
    return actionSuccess({});
  });
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
  const {
    project,
    role,
    document,
    claims,
    dismissedCount,
    needsReanchoring,
    selectedClaim,
    showDismissed,
    canAddClaim,
    canDismiss,
    canEditDetails,
    canTag,
    history,
    publishedDay,
  } = loaderData;
  const actionData = useActionData<typeof action>();
  const base = paths.document(project.slug, document.id);
  const claimHref = (id: number) => paths.document(project.slug, document.id, { dismissed: showDismissed, claim: id });
  const navigate = useNavigate();
  const location = useLocation();
  const panelHeading = useRef<HTMLHeadingElement>(null);
  // The new claim's id travels in the history entry, so the announcement belongs to that one visit.
  const onAdded = (id: number) => {
    void navigate(claimHref(id), { preventScrollReset: true, state: { addedClaimId: id } });
  };
  const quoteAddedId = actionData?.ok && "addedClaimId" in actionData ? actionData.addedClaimId : undefined;
  useEffect(() => {
    if (typeof quoteAddedId === "number") onAdded(quoteAddedId);
    // Only a new result counts: onAdded changes identity on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [actionData]);
  const state: unknown = location.state;
  const addedClaimId = state && typeof state === "object" && "addedClaimId" in state ? state.addedClaimId : null;
  // Focus moves to the new claim once the reader shows it selected, so keyboard users land on it.
  useEffect(() => {
    if (addedClaimId !== null && selectedClaim?.id === addedClaimId) panelHeading.current?.focus();
  }, [addedClaimId, selectedClaim?.id]);
  const announcement = addedClaimId !== null && selectedClaim?.id === addedClaimId ? "Claim added" : "";
  return (
    <section>
      <ProjectNav slug={project.slug} role={role} />
      <div className="reader-layout">
        <article className="reader card">
          <header>
            <h1>{document.title}</h1>
            <p className="meta">
              {[
                document.outlet,
                document.author ? `by ${document.author}` : null,
                document.publishedAt ? `published ${formatPublished(document.publishedAt, project.timeZone)}` : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
            {document.url ? (
              <p className="meta">
                Source:{" "}
                <a href={document.url} rel="noopener noreferrer nofollow" target="_blank">
                  {document.url}
                </a>
              </p>
            ) : null}
            <p className="meta">
              Version {document.version}, imported {formatDateTime(document.importedAt, project.timeZone)}
              {document.importedBy ? ` by ${document.importedBy.displayName}` : ""}
            </p>
            {document.nextVersion ? (
              <p className="alert alert-info">
                A newer version of this article exists:{" "}
                <Link to={paths.document(project.slug, document.nextVersion.id)}>version {document.nextVersion.version}</Link>. Its claims
                moved there.
              </p>
            ) : null}
            {document.titleDerived && !canEditDetails ? (
              <p className="meta">This title was made from the article&rsquo;s opening words or its file name.</p>
            ) : null}
          </header>
          {canEditDetails ? (
            <DocumentDetailsForm
              document={document}
              publishedDay={publishedDay}
              timeZone={project.timeZone}
              errors={actionData && !actionData.ok ? actionData.fieldErrors : {}}
              saved={Boolean(actionData?.ok && "detailsSaved" in actionData && actionData.detailsSaved)}
              history={history}
            />
          ) : null}
          <p className="reader-tools">
            {claims.filter((c) => !c.dismissed).length} claims highlighted.{" "}
            {dismissedCount > 0 ? (
              <Link to={showDismissed ? base : `${base}?dismissed=1`}>
                {showDismissed ? "Hide dismissed candidates" : `Show ${dismissedCount} dismissed candidates`}
              </Link>
            ) : null}
            {canAddClaim ? <span className="meta"> Select text to add a claim.</span> : null}
          </p>
          <p role="status" aria-live="polite" className="reader-status">
            {announcement}
          </p>
          <FormError message={actionData && !actionData.ok && !actionData.fieldErrors.quote ? actionData.error : null} />
          <ArticleReader
            text={document.text}
            claims={claims.map((c) => ({ id: c.id, start: c.start, end: c.end, status: c.dismissed ? "dismissed" : c.status }))}
            selectedClaimId={selectedClaim?.id ?? null}
            canAddClaim={canAddClaim}
            claimHref={claimHref}
            onAdded={onAdded}
          />
          {document.sanitizedHtml ? (
            <details className="original-formatting">
              <summary>Original formatting</summary>
              {/* Produced by the allowlist sanitizer at import (app/lib/import/sanitize.ts); the CSP also forbids inline scripts. */}
              <div className="original-html" dangerouslySetInnerHTML={{ __html: document.sanitizedHtml }} />
            </details>
          ) : null}
          {canAddClaim ? (
            <Form method="post" className="quote-form" noValidate>
              <input type="hidden" name="intent" value="add-claim-by-quote" />
              <Field
                label="Add a claim by quoting the article"
                name="quote"
                hint="Paste the exact words; they must appear once in the article."
                error={actionData && !actionData.ok ? actionData.fieldErrors.quote : undefined}
              />
              <button type="submit" className="button">
                Add claim
              </button>
            </Form>
          ) : null}
        </article>
        <aside className="claim-panel card" aria-label="Selected claim">
          {selectedClaim ? (
            <>
              <h2 ref={panelHeading} tabIndex={-1}>
                Claim {selectedClaim.id}
              </h2>
              <blockquote>{selectedClaim.text}</blockquote>
              <dl className="facts">
                <dt>Status</dt>
                <dd>
                  {selectedClaim.dismissed ? (
                    <span className="status-badge status-dismissed">dismissed candidate</span>
                  ) : (
                    <StatusBadge status={selectedClaim.status} />
                  )}
                </dd>
                <dt>Speaker</dt>
                <dd>{selectedClaim.speaker ?? "not stated"}</dd>
                <dt>Check-worthiness</dt>
                <dd>{selectedClaim.checkworthiness.toFixed(2)}</dd>
                <dt>Added</dt>
                <dd>{selectedClaim.origin === "manual" ? "by a reviewer" : "by extraction"}</dd>
              </dl>
              {canTag && !selectedClaim.dismissed ? (
                <TagForm
                  key={selectedClaim.id}
                  action={paths.claim(project.slug, selectedClaim.id)}
                  claimId={selectedClaim.id}
                  inPanel
                  version={selectedClaim.version}
                  status={selectedClaim.status}
                  rationale={selectedClaim.rationale}
                />
              ) : null}
              <h3>Why it was picked</h3>
              <ReasonList reasons={selectedClaim.reasons} />
              <p>
                <Link to={paths.claim(project.slug, selectedClaim.id)}>Open claim</Link>
              </p>
              {selectedClaim.dismissed && canAddClaim ? (
                <Form method="post">
                  <input type="hidden" name="claimId" value={selectedClaim.id} />
                  <input type="hidden" name="version" value={selectedClaim.version} />
                  <button type="submit" name="intent" value="restore" className="button">
                    Restore as claim
                  </button>
                </Form>
              ) : null}
              {!selectedClaim.dismissed && canDismiss ? (
                <Form method="post">
                  <input type="hidden" name="claimId" value={selectedClaim.id} />
                  <input type="hidden" name="version" value={selectedClaim.version} />
                  <button type="submit" name="intent" value="dismiss" className="button danger">
                    Dismiss claim
                  </button>
                </Form>
              ) : null}
            </>
          ) : (
            <p className="meta">Choose a highlighted claim to see why it was picked.</p>
          )}
          <ReaderLegend />
          {needsReanchoring.length > 0 ? (
            <section aria-labelledby="reanchor-heading">
              <h2 id="reanchor-heading">Needs re-anchoring ({needsReanchoring.length})</h2>
              <p className="meta">
                These claims were not found in this version of the article. Add the passage again by selecting it, then dismiss the old
                claim.
              </p>
              <ul>
                {needsReanchoring.map((claim) => (
                  <li key={claim.id}>
                    <Link to={paths.claim(project.slug, claim.id)}>Claim {claim.id}</Link>: <q>{claim.text}</q>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </aside>
      </div>
    </section>
  );
}
