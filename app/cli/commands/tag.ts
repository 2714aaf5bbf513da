import { z } from "zod";
import { CLAIM_STATUSES } from "../../lib/claim-status";
import { usernameSchema } from "../../lib/password-policy";
import { AppError, isAppError } from "../../lib/app-error";
import { reviewClaim } from "../../models/review/review-verdict.server";
import { parseOptions } from "../args";
import { type CliIo, printResult } from "../io";
import { resolveClaimAndActor } from "../project-context";

export async function tagCommand(args: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(
    args,
    {
      claim: { type: "string" },
      status: { type: "string" },
      as: { type: "string" },
      rationale: { type: "string" },
      "expect-version": { type: "string" },
    },
    z.object({
      claim: z.coerce.number({ error: "must be a claim id" }).int().positive(),
      status: z.enum(CLAIM_STATUSES, { error: "must be confirmed, disputed or unverified" }),
      as: usernameSchema,
      rationale: z.string().max(5000).optional(),
      expectVersion: z.coerce.number().int().positive().optional(),
    }),
  );
  const { project, actor, role } = await resolveClaimAndActor(values.claim, values.as, "tagClaim");
  try {
    // With second review on, the tag is a proposal, its revision or the second review, as the claim's state requires.
    const result = await reviewClaim({
      projectId: project.id,
      claimId: values.claim,
      verdict: { status: values.status, rationale: values.rationale ?? null, expectedVersion: values.expectVersion ?? null },
      actor,
      role,
    });
    if (!result) throw new AppError("not_found", `no claim with id ${values.claim}`);
    const { claim: updated, outcome } = result;
    if (outcome === "verdict") {
      printResult(
        io,
        json,
        { id: updated.id, status: updated.status, rationale: updated.rationale, version: updated.version },
        `Claim ${updated.id} is ${updated.status} (version ${updated.version}).`,
      );
      return 0;
    }
    // A proposal's status stays hidden from other reviewers: print what the actor did, and the claim's review state.
    printResult(
      io,
      json,
      { id: updated.id, outcome, reviewState: updated.reviewState, status: updated.status, version: updated.version },
      `${TAG_OUTCOMES[outcome]} Claim ${updated.id} is ${updated.status}, review ${updated.reviewState} (version ${updated.version}).`,
    );
    return 0;
  } catch (error) {
    if (isAppError(error, "stale_version"))
      throw new AppError("stale_version", `stale version: ${error.message} (current version ${error.current?.version})`);
    throw error;
  }
}

const TAG_OUTCOMES = {
  proposed: "Proposed: a second reviewer gives an independent verdict.",
  revised: "Revised your proposal.",
  agreed: "Second review given: the reviewers agree.",
  disagreed: "Second review given: the reviewers disagree; an editor adjudicates.",
  unchanged: "Nothing changed.",
} as const;
