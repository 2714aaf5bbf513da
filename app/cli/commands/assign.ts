import { z } from "zod";
import { getDb } from "../../db.server";
import { usernameSchema } from "../../lib/password-policy";
import { ClaimInputError, StaleClaimError } from "../../models/claim.server";
import { assignClaim } from "../../models/claim-review.server";
import { findUserByUsername } from "../../models/user.server";
import { parseOptions } from "../args";
import { type CliIo, CliError, EXIT, printResult } from "../io";
import { resolveProjectAndActor } from "../project-context";

/** `claimdesk assign --claim ID --to USERNAME|none --as USERNAME [--expect-version N]` */
export async function assignCommand(args: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(
    args,
    { claim: { type: "string" }, to: { type: "string" }, as: { type: "string" }, "expect-version": { type: "string" } },
    z.object({
      claim: z.coerce.number({ error: "must be a claim id" }).int().positive(),
      to: z.union([z.literal("none"), usernameSchema], { error: "must be a username or none" }),
      as: usernameSchema,
      expectVersion: z.coerce.number({ error: "must be a version number" }).int().positive().optional(),
    }),
  );
  const claim = await getDb().claim.findUnique({ where: { id: values.claim }, select: { project: { select: { slug: true } } } });
  if (!claim) throw new CliError(`no claim with id ${values.claim}`, EXIT.usage);
  const { project, actor } = await resolveProjectAndActor(claim.project.slug, values.as, "assignClaims");
  let assignee: { id: number; username: string } | null = null;
  if (values.to !== "none") {
    const user = await findUserByUsername(values.to);
    if (!user || user.disabledAt) throw new CliError(`no active user named "${values.to}"`, EXIT.usage);
    assignee = { id: user.id, username: user.username };
  }
  try {
    const updated = await assignClaim(project.id, values.claim, assignee?.id ?? null, values.expectVersion ?? null, actor);
    if (!updated) throw new CliError(`no claim with id ${values.claim}`, EXIT.usage);
    printResult(
      io,
      json,
      { id: updated.id, assignee: assignee?.username ?? null, version: updated.version },
      assignee
        ? `Claim ${updated.id} is assigned to ${assignee.username} (version ${updated.version}).`
        : `Claim ${updated.id} has no assignee (version ${updated.version}).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof StaleClaimError)
      throw new CliError(`stale version: ${error.message} (current version ${error.current.version})`, EXIT.stale);
    if (error instanceof ClaimInputError) throw new CliError(error.message, EXIT.usage);
    throw error;
  }
}
