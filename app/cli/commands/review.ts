import { z } from "zod";
import { AppError, isAppError } from "../../lib/app-error";
import { CLAIM_STATUSES } from "../../lib/claim-status";
import { usernameSchema } from "../../lib/password-policy";
import { REVIEW_STATE_LABELS } from "../../lib/review/review-state";
import type { Capability } from "../../lib/roles";
import { adjudicateClaim } from "../../models/review/adjudicate.server";
import { claimAsSeenBy } from "../../models/review/claim-view.server";
import { approveClaim, reopenClaim } from "../../models/review/sign-off.server";
import { parseOptions } from "../args";
import { type CliIo, printResult } from "../io";
import { resolveClaimAndActor } from "../project-context";

// The editorial review on the command line (docs/decisions/010-editorial-review.md):
// `claim show` prints what the --as user may see, and the editor's steps.

const claimId = z.coerce.number({ error: "must be a claim id" }).int().positive();
const expectVersion = z.coerce.number({ error: "must be a version number" }).int().positive().optional();
const BASE_FLAGS = { claim: { type: "string" }, as: { type: "string" }, "expect-version": { type: "string" } } as const;

/** Runs a review step; a stale version keeps its exit code and says what the version is now. */
async function step<T>(work: () => Promise<T | null>, id: number): Promise<T> {
  try {
    const result = await work();
    if (!result) throw new AppError("not_found", `no claim with id ${id}`);
    return result;
  } catch (error) {
    if (isAppError(error, "stale_version"))
      throw new AppError("stale_version", `stale version: ${error.message} (current version ${error.current?.version})`);
    throw error;
  }
}

async function resolve(values: { claim: number; as: string }, capability: Capability) {
  return resolveClaimAndActor(values.claim, values.as, capability);
}

function printClaim(io: CliIo, json: boolean, claim: { id: number; status: string; reviewState: string; version: number }, did: string) {
  printResult(
    io,
    json,
    { id: claim.id, status: claim.status, reviewState: claim.reviewState, version: claim.version },
    `${did} Claim ${claim.id} is ${claim.status}, ${REVIEW_STATE_LABELS[claim.reviewState as keyof typeof REVIEW_STATE_LABELS] ?? claim.reviewState} (version ${claim.version}).`,
  );
}

/** `claimdesk claim show --claim ID --as U [--json]` */
export async function claimCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "show") throw new AppError("usage", "usage: claimdesk claim show --claim ID --as U [--json]");
  const { values, json } = parseOptions(
    rest,
    { claim: BASE_FLAGS.claim, as: BASE_FLAGS.as },
    z.object({ claim: claimId, as: usernameSchema }),
  );
  const { project, role, actor } = await resolve(values, "read");
  const seen = await step(() => claimAsSeenBy({ project, claimId: values.claim, viewer: { userId: actor.id, role } }), values.claim);
  const review = seen.review;
  const human = [
    `#${seen.id} [${seen.status}] ${seen.text}`,
    `review: ${REVIEW_STATE_LABELS[review.state]}${review.proposalHidden ? " (the proposal is hidden from you until the second review)" : ""}`,
    ...[
      ["first review", review.first],
      ["second review", review.second],
      ["adjudication", review.adjudication],
    ].flatMap(([label, verdict]) =>
      verdict && typeof verdict === "object"
        ? [
            `${label}: ${verdict.status} by ${verdict.reviewer?.displayName ?? "a former member"}${verdict.rationale ? ` ("${verdict.rationale}")` : ""}`,
          ]
        : [],
    ),
    ...(review.approved ? [`approved by ${review.approved.by ?? "a former member"} at ${review.approved.at}`] : []),
    ...seen.history.map((entry) => `  ${entry.text}`),
  ].join("\n");
  printResult(io, json, seen, human);
  return 0;
}

/** `claimdesk adjudicate --claim ID --status S --rationale R --as U [--expect-version N]` */
export async function adjudicateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(
    args,
    { ...BASE_FLAGS, status: { type: "string" }, rationale: { type: "string" } },
    z.object({
      claim: claimId,
      status: z.enum(CLAIM_STATUSES, { error: "must be confirmed, disputed or unverified" }),
      rationale: z
        .string({ error: "give the rationale of the final verdict" })
        .trim()
        .min(1, "give the rationale of the final verdict")
        .max(5000),
      as: usernameSchema,
      expectVersion,
    }),
  );
  const { project, actor } = await resolve(values, "adjudicate");
  const verdict = { status: values.status, rationale: values.rationale, expectedVersion: values.expectVersion ?? null };
  const claim = await step(() => adjudicateClaim({ projectId: project.id, claimId: values.claim, verdict, actor }), values.claim);
  printClaim(io, json, claim, "Adjudicated.");
  return 0;
}

/** `claimdesk approve --claim ID --as U [--expect-version N]` */
export async function approveCommand(args: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(args, BASE_FLAGS, z.object({ claim: claimId, as: usernameSchema, expectVersion }));
  const { project, actor } = await resolve(values, "approve");
  const expectedVersion = values.expectVersion ?? null;
  const claim = await step(() => approveClaim({ projectId: project.id, claimId: values.claim, expectedVersion, actor }), values.claim);
  printClaim(io, json, claim, "Approved: the verdict is locked.");
  return 0;
}

/** `claimdesk reopen --claim ID --reason R --as U [--expect-version N]` */
export async function reopenCommand(args: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(
    args,
    { ...BASE_FLAGS, reason: { type: "string" } },
    z.object({
      claim: claimId,
      reason: z.string({ error: "give a reason for reopening" }).trim().min(1, "give a reason for reopening").max(2000),
      as: usernameSchema,
      expectVersion,
    }),
  );
  const { project, actor } = await resolve(values, "approve");
  const options = { projectId: project.id, claimId: values.claim, reason: values.reason, expectedVersion: values.expectVersion ?? null };
  const claim = await step(() => reopenClaim({ ...options, actor }), values.claim);
  printClaim(io, json, claim, "Reopened.");
  return 0;
}
