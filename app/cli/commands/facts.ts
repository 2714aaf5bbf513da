import { z } from "zod";
import { usernameSchema } from "../../lib/password-policy";
import { projectSlugSchema } from "../../lib/project-schema";
import { listFactsForExport } from "../../models/fact-export.server";
import { groupNewClaims, regroupFacts } from "../../models/fact-grouping.server";
import { parseOptions } from "../args";
import { type CliIo, printResult } from "../io";
import { resolveProjectAndActor } from "../project-context";

/**
 * claimdesk facts --project S [--min-outlets N] [--json]   the facts, most outlets first
 * claimdesk facts group --project S                         group claims that are in no fact
 * claimdesk facts regroup --project S --as U                 group again; claims placed by hand stay
 */
export async function factsCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "group" || sub === "regroup") {
    const { values, json } = parseOptions(
      rest,
      { project: { type: "string" }, as: { type: "string" } },
      z.object({ project: projectSlugSchema, as: sub === "regroup" ? usernameSchema : usernameSchema.optional() }),
    );
    const { project, actor } = await resolveProjectAndActor(values.project, values.as, sub === "regroup" ? "editFacts" : "importDocuments");
    const outcome = sub === "regroup" ? await regroupFacts(project.id, actor) : await groupNewClaims(project.id);
    printResult(
      io,
      json,
      outcome,
      `${outcome.grouped} claims placed: ${outcome.joined} joined facts of other articles, ${outcome.started} facts started.`,
    );
    return 0;
  }
  const { values, json } = parseOptions(
    args,
    { project: { type: "string" }, "min-outlets": { type: "string" } },
    z.object({
      project: projectSlugSchema,
      minOutlets: z.coerce.number({ error: "must be a whole number of 1 or more" }).int().min(1, { error: "must be 1 or more" }).optional(),
    }),
  );
  const { project } = await resolveProjectAndActor(values.project, undefined, "read");
  const facts = await listFactsForExport(project.id, { minOutlets: values.minOutlets });
  if (json) {
    io.stdout(`${JSON.stringify(facts, null, 2)}\n`);
    return 0;
  }
  for (const fact of facts) {
    const outlets = new Set(fact.claims.map((c) => c.documentId)).size;
    io.stdout(`fact ${fact.id} (${fact.claims.length} claims, ${outlets} articles): ${fact.label}\n`);
    for (const difference of fact.differences)
      io.stdout(`  differs on ${difference.kind}: ${difference.values.map((v) => `${v.value} (claim ${v.claimId})`).join(", ")}\n`);
  }
  if (facts.length === 0) io.stdout("No facts match.\n");
  return 0;
}
