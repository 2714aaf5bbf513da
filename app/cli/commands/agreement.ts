import { z } from "zod";
import { AppError } from "../../lib/app-error";
import { agreementPeriodSchema, periodInstants } from "../../lib/agreement/period";
import { usernameSchema } from "../../lib/password-policy";
import { projectAgreement } from "../../models/review/agreement.server";
import { parseOptions } from "../args";
import { type CliIo, printResult } from "../io";
import { resolveProjectAndActor } from "../project-context";

const fixed = (value: number | null) => (value === null ? "undefined" : value.toFixed(3));

/** `claimdesk agreement --project S [--from DAY] [--to DAY] [--as U] [--json]`: the Agreement view's figures. */
export async function agreementCommand(args: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(
    args,
    { project: { type: "string" }, from: { type: "string" }, to: { type: "string" }, as: { type: "string" } },
    z.object({ project: z.string({ error: "is required" }).min(1), as: usernameSchema.optional() }).and(agreementPeriodSchema),
  );
  const { project } = await resolveProjectAndActor(values.project, values.as, "read");
  const period = periodInstants(values, project.timeZone);
  if (!period) throw new AppError("usage", "--from/--to: not a calendar date");
  const report = await projectAgreement({ projectId: project.id, period });
  const lines = [
    `${report.pairs} claims reviewed twice; percent agreement ${report.percentAgreement === null ? "–" : (report.percentAgreement * 100).toFixed(1)} %`,
    `Fleiss' kappa ${fixed(report.fleissKappa)}; Krippendorff's alpha ${fixed(report.krippendorffAlpha)}`,
    ...report.reviewerPairs.map(
      (pair) =>
        `  ${pair.a.name} / ${pair.b.name}: ${pair.shared} shared, Cohen's kappa ${pair.shared < report.minSharedClaims ? `(fewer than ${report.minSharedClaims})` : fixed(pair.kappa)}`,
    ),
  ];
  printResult(io, json, { project: project.slug, ...report }, lines.join("\n"));
  return 0;
}
