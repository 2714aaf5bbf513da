import { z } from "zod";
import { usernameSchema } from "../../lib/password-policy";
import { AppError, isAppError } from "../../lib/app-error";
import { assignClaim } from "../../models/claim-assignment.server";
import { assignSecondReviewer } from "../../models/review/second-reviewer.server";
import { findUserByUsername } from "../../models/user.server";
import { parseOptions } from "../args";
import { type CliIo, printResult } from "../io";
import { resolveClaimAndActor } from "../project-context";

const person = z.union([z.literal("none"), usernameSchema], { error: "must be a username or none" });

function staleWithVersion(error: unknown): never {
  if (isAppError(error, "stale_version"))
    throw new AppError("stale_version", `stale version: ${error.message} (current version ${error.current?.version})`);
  throw error;
}

async function activeUser(username: string | "none") {
  if (username === "none") return null;
  const user = await findUserByUsername(username);
  if (!user || user.disabledAt) throw new AppError("invalid_input", `no active user named "${username}"`);
  return { id: user.id, username: user.username };
}

/**
 * `claimdesk assign --claim ID --to USERNAME|none --as USERNAME [--expect-version N]`, or
 * `--second-reviewer USERNAME|none` to name who gives the claim's second review.
 */
export async function assignCommand(args: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(
    args,
    {
      claim: { type: "string" },
      to: { type: "string" },
      "second-reviewer": { type: "string" },
      as: { type: "string" },
      "expect-version": { type: "string" },
    },
    z
      .object({
        claim: z.coerce.number({ error: "must be a claim id" }).int().positive(),
        to: person.optional(),
        secondReviewer: person.optional(),
        as: usernameSchema,
        expectVersion: z.coerce.number({ error: "must be a version number" }).int().positive().optional(),
      })
      .refine((v) => (v.to === undefined) !== (v.secondReviewer === undefined), {
        message: "name the assignee (--to) or the second reviewer (--second-reviewer), one of them",
      }),
  );
  const { project, actor } = await resolveClaimAndActor(values.claim, values.as, "assignClaims").catch((error: unknown) => {
    // An unknown claim has always been bad input here (exit 2).
    if (isAppError(error, "not_found") && error.message.startsWith("no claim")) throw new AppError("invalid_input", error.message);
    throw error;
  });
  const expectedVersion = values.expectVersion ?? null;
  if (values.secondReviewer !== undefined) {
    const reviewer = await activeUser(values.secondReviewer);
    const named = await assignSecondReviewer({
      projectId: project.id,
      claimId: values.claim,
      reviewerId: reviewer?.id ?? null,
      expectedVersion,
      actor,
    }).catch(staleWithVersion);
    if (!named) throw new AppError("invalid_input", `no claim with id ${values.claim}`);
    printResult(
      io,
      json,
      { id: named.id, secondReviewer: reviewer?.username ?? null, version: named.version },
      reviewer
        ? `Claim ${named.id}'s second review is asked of ${reviewer.username} (version ${named.version}).`
        : `Claim ${named.id}'s second review is open to any reviewer but the proposer (version ${named.version}).`,
    );
    return 0;
  }
  const assignee = await activeUser(values.to!);
  const updated = await assignClaim({
    projectId: project.id,
    claimId: values.claim,
    assigneeId: assignee?.id ?? null,
    expectedVersion,
    actor,
  }).catch(staleWithVersion);
  if (!updated) throw new AppError("invalid_input", `no claim with id ${values.claim}`);
  printResult(
    io,
    json,
    { id: updated.id, assignee: assignee?.username ?? null, version: updated.version },
    assignee
      ? `Claim ${updated.id} is assigned to ${assignee.username} (version ${updated.version}).`
      : `Claim ${updated.id} has no assignee (version ${updated.version}).`,
  );
  return 0;
}
