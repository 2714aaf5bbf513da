import { z } from "zod";
import { getDb } from "../../db.server";
import { usernameSchema } from "../../lib/password-policy";
import { AppError, isAppError } from "../../lib/app-error";
import { assignClaim } from "../../models/claim-assignment.server";
import { findUserByUsername } from "../../models/user.server";
import { parseOptions } from "../args";
import { type CliIo, printResult } from "../io";
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
  if (!claim) throw new AppError("invalid_input", `no claim with id ${values.claim}`);
  const { project, actor } = await resolveProjectAndActor(claim.project.slug, values.as, "assignClaims");
  let assignee: { id: number; username: string } | null = null;
  if (values.to !== "none") {
    const user = await findUserByUsername(values.to);
    if (!user || user.disabledAt) throw new AppError("invalid_input", `no active user named "${values.to}"`);
    assignee = { id: user.id, username: user.username };
  }
  const updated = await assignClaim({
    projectId: project.id,
    claimId: values.claim,
    assigneeId: assignee?.id ?? null,
    expectedVersion: values.expectVersion ?? null,
    actor,
  }).catch((error: unknown) => {
    if (isAppError(error, "stale_version"))
      throw new AppError("stale_version", `stale version: ${error.message} (current version ${error.current?.version})`);
    throw error;
  });
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
