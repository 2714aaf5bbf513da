import { z } from "zod";
import { getDb } from "../../db.server";
import { CLAIM_STATUSES } from "../../lib/claim-status";
import { usernameSchema } from "../../lib/password-policy";
import { AppError, isAppError } from "../../lib/app-error";
import { tagClaim } from "../../models/claim-verdict.server";
import { parseOptions } from "../args";
import { type CliIo, printResult } from "../io";
import { resolveProjectAndActor } from "../project-context";

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
  const claim = await getDb().claim.findUnique({
    where: { id: values.claim },
    select: { projectId: true, project: { select: { slug: true } } },
  });
  if (!claim) throw new AppError("not_found", `no claim with id ${values.claim}`);
  const { project, actor } = await resolveProjectAndActor(claim.project.slug, values.as, "tagClaim");
  try {
    const updated = await tagClaim({
      projectId: project.id,
      claimId: values.claim,
      status: values.status,
      rationale: values.rationale ?? null,
      expectedVersion: values.expectVersion ?? null,
      actor,
    });
    if (!updated) throw new AppError("not_found", `no claim with id ${values.claim}`);
    printResult(
      io,
      json,
      { id: updated.id, status: updated.status, rationale: updated.rationale, version: updated.version },
      `Claim ${updated.id} is ${updated.status} (version ${updated.version}).`,
    );
    return 0;
  } catch (error) {
    if (isAppError(error, "stale_version"))
      throw new AppError("stale_version", `stale version: ${error.message} (current version ${error.current?.version})`);
    throw error;
  }
}
