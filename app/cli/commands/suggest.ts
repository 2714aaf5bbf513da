import { z } from "zod";
import { getDb } from "../../db.server";
import { suggestPassages } from "../../models/suggestion.server";
import { parseOptions } from "../args";
import { AppError } from "../../lib/app-error";
import type { CliIo } from "../io";

export async function suggestCommand(args: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(
    args,
    { claim: { type: "string" }, limit: { type: "string" } },
    z.object({
      claim: z.coerce.number({ error: "must be a claim id" }).int().positive(),
      limit: z.coerce.number().int().min(1).max(50).optional(),
    }),
  );
  const claim = await getDb().claim.findUnique({ where: { id: values.claim }, select: { projectId: true } });
  if (!claim) throw new AppError("not_found", `no claim with id ${values.claim}`);
  const found = await suggestPassages({ projectId: claim.projectId, claimId: values.claim, limit: values.limit ?? 5 });
  const suggestions = found?.suggestions ?? [];
  // The JSON stays the list of passages; that the search was cut short is said on stderr.
  if (found?.note) io.stderr(`claimdesk: ${found.note}\n`);
  if (json) io.stdout(`${JSON.stringify(suggestions, null, 2)}\n`);
  else {
    for (const s of suggestions) {
      const differences = s.differences.map((d) => `${d.kind}: ${d.here} ≠ ${d.there}`).join("; ");
      io.stdout(
        `${s.relation.padEnd(12)} ${s.score.toFixed(2)} "${s.documentTitle}" [${s.start}-${s.end}] ${s.text}${differences ? `\n             differs: ${differences}` : ""}\n`,
      );
    }
    if (suggestions.length === 0) io.stdout("No passages in other articles match this claim.\n");
  }
  return 0;
}
