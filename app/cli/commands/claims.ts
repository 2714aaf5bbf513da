import { z } from "zod";
import { projectSlugSchema } from "../../lib/project-schema";
import { CLAIM_STATUSES } from "../../lib/claim-status";
import { REVIEW_STATES } from "../../lib/review/review-state";
import { listClaims } from "../../models/claim.server";
import { parseOptions } from "../args";
import type { CliIo } from "../io";
import { resolveProjectAndActor } from "../project-context";
import { claimsReextractCommand } from "./claims-reextract";

/** A repeatable option whose values may also be comma-separated. */
const commaList = z
  .array(z.string())
  .optional()
  .transform((list) =>
    list
      ?.flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter(Boolean),
  );

export async function claimsCommand(args: string[], io: CliIo): Promise<number> {
  if (args[0] === "re-extract") return claimsReextractCommand(args.slice(1), io);
  const { values, json } = parseOptions(
    args,
    {
      project: { type: "string" },
      status: { type: "string", multiple: true },
      "review-state": { type: "string", multiple: true },
      "include-dismissed": { type: "boolean" },
    },
    z.object({
      project: projectSlugSchema,
      status: commaList.pipe(z.array(z.enum(CLAIM_STATUSES, { error: "must be confirmed, disputed or unverified" })).optional()),
      reviewState: commaList.pipe(z.array(z.enum(REVIEW_STATES, { error: `must be one of ${REVIEW_STATES.join(", ")}` })).optional()),
      includeDismissed: z.boolean().optional(),
    }),
  );
  const { project } = await resolveProjectAndActor(values.project, undefined, "read");
  const claims = await listClaims(project.id, {
    statuses: values.status,
    reviewStates: values.reviewState,
    includeDismissed: values.includeDismissed,
  });
  const rows = claims.map((c) => ({
    id: c.id,
    documentId: c.documentId,
    documentTitle: c.document.title,
    text: c.text,
    start: c.start,
    end: c.end,
    checkworthiness: c.checkworthiness,
    reasons: c.reasons,
    speaker: c.speaker,
    status: c.status,
    version: c.version,
    ...(c.dismissed ? { dismissed: true } : {}),
    ...(c.reviewState !== "none" ? { reviewState: c.reviewState } : {}),
    ...(c.anchorState !== "anchored" ? { anchorState: c.anchorState } : {}),
  }));
  if (json) io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
  else
    for (const r of rows)
      io.stdout(
        `#${r.id} [${r.status}${r.reviewState ? `, ${r.reviewState}` : ""}] ${r.checkworthiness.toFixed(2)} ${r.speaker ? `(${r.speaker}) ` : ""}${r.text}\n`,
      );
  return 0;
}
