import { z } from "zod";
import { usernameSchema } from "../../lib/password-policy";
import { projectSlugSchema } from "../../lib/project-schema";
import { reextractionSummary } from "../../lib/extraction/reextraction";
import { reextractProjectClaims } from "../../models/claim-reextraction.server";
import { parseOptions } from "../args";
import { type CliIo, printResult } from "../io";
import { resolveProjectAndActor } from "../project-context";

/** `claimdesk claims re-extract --project S [--as U]`: the settings page's "Re-extract claims", for scripts. */
export async function claimsReextractCommand(args: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(
    args,
    { project: { type: "string" }, as: { type: "string" } },
    z.object({ project: projectSlugSchema, as: usernameSchema.optional() }),
  );
  const { project, actor } = await resolveProjectAndActor(values.project, values.as, "reextractClaims");
  const result = await reextractProjectClaims(project.id, actor);
  printResult(
    io,
    json,
    { project: project.slug, ...result },
    `${reextractionSummary(result)} Model ${result.model}, threshold ${result.threshold}.`,
  );
  return 0;
}
