import { z } from "zod";
import { projectSlugSchema } from "../../lib/project-schema";
import { valuesByKey } from "../../lib/facts";
import { listFactDiscrepancies } from "../../models/fact-discrepancies.server";
import { findDiscrepancies } from "../../models/suggestion.server";
import { parseOptions } from "../args";
import type { CliIo } from "../io";
import { resolveProjectAndActor } from "../project-context";

/** A command runs once, not per page view: it may compare every claim rather than stop at the view's budget. */
const CLI_BUDGET_MS = 60_000;

/**
 * claimdesk discrepancies --project S [--json]   what the Discrepancies view shows: the facts whose
 * outlets state different details, then passages of other articles that contradict a claim
 */
export async function discrepanciesCommand(args: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(args, { project: { type: "string" } }, z.object({ project: projectSlugSchema }));
  const { project } = await resolveProjectAndActor(values.project, undefined, "read");
  const [facts, passages] = await Promise.all([
    listFactDiscrepancies(project.id),
    findDiscrepancies(project.id, { budgetMs: CLI_BUDGET_MS }),
  ]);
  if (json) {
    const { discrepancies, compared, considered, note } = passages;
    io.stdout(`${JSON.stringify({ facts, passages: discrepancies, compared, considered, note }, null, 2)}\n`);
    return 0;
  }
  for (const fact of facts) {
    io.stdout(`fact ${fact.factId}: ${fact.label}\n`);
    for (const difference of fact.differences)
      for (const { wordings, values: stated } of valuesByKey(difference.values))
        io.stdout(
          `  ${difference.kind} ${wordings.join(" / ")}: ${stated.map((v) => `${v.outlet ?? v.documentTitle} (claim ${v.claimId}, ${v.status})`).join(", ")}\n`,
        );
  }
  if (facts.length === 0) io.stdout("No fact is stated with different details.\n");
  for (const { claim, passage } of passages.discrepancies)
    io.stdout(
      `claim ${claim.id} (${claim.documentTitle}) vs ${passage.documentTitle}: ${passage.differences.map((d) => `${d.kind} ${d.here} ≠ ${d.there}`).join(", ")}\n`,
    );
  if (passages.note) io.stdout(`${passages.note}\n`);
  return 0;
}
