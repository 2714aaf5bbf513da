import fs from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { z } from "zod";
import { parseClaimQuery } from "../../lib/claim-query";
import { EXPORT_FORMATS } from "../../lib/export/report";
import { REVIEW_STATES, isReviewState } from "../../lib/review/review-state";
import { usernameSchema } from "../../lib/password-policy";
import { projectSlugSchema } from "../../lib/project-schema";
import { getConfig } from "../../config.server";
import { ClaimReviewConfigError, startExport } from "../../models/export-stream.server";
import { findUserByUsername } from "../../models/user.server";
import { parseOptions } from "../args";
import { AppError } from "../../lib/app-error";
import { type CliIo, printResult } from "../io";
import { resolveProjectAndActor } from "../project-context";

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(
    args,
    {
      project: { type: "string" },
      format: { type: "string" },
      status: { type: "string", multiple: true },
      "review-state": { type: "string", multiple: true },
      comments: { type: "boolean" },
      "group-by-fact": { type: "boolean" },
      out: { type: "string" },
      bom: { type: "boolean" },
      as: { type: "string" },
    },
    z.object({
      project: projectSlugSchema,
      format: z.enum(EXPORT_FORMATS, { error: "must be csv, json, claimreview, html or pdf" }),
      status: z.array(z.string()).optional(),
      reviewState: z
        .array(z.string())
        .optional()
        .refine((list) => (list ?? []).flatMap((s) => s.split(",")).every((s) => isReviewState(s.trim())), {
          message: `must be one of ${REVIEW_STATES.join(", ")}`,
        }),
      comments: z.boolean().optional(),
      groupByFact: z.boolean().optional(),
      out: z.string({ error: "is required: the file to write" }).min(1, "is required: the file to write"),
      bom: z.boolean().optional(),
      as: usernameSchema.optional(),
    }),
  );
  // Only a report for people has a layout to group; CSV and JSON keep one entry per claim, each with its factId.
  if (values.groupByFact && values.format !== "html" && values.format !== "pdf")
    throw new AppError(
      "usage",
      `--group-by-fact: only html and pdf reports group claims by fact (${values.format} gives each claim its factId)`,
    );
  const { project, actor, role } = await resolveProjectAndActor(values.project, values.as, "export");
  const listed = (key: string, list: string[] | undefined) => (list ?? []).flatMap((s) => s.split(",")).map((s) => [key, s.trim()]);
  // --review-state approved: a report of signed-off verdicts only.
  const query = parseClaimQuery(new URLSearchParams([...listed("status", values.status), ...listed("review", values.reviewState)]));
  const user = values.as ? await findUserByUsername(values.as) : null;
  const out = path.resolve(values.out);
  if (!fs.existsSync(path.dirname(out)))
    throw new AppError("not_found", `the folder ${path.dirname(out)} does not exist`, { field: "out" });
  let stream: AsyncGenerator<Uint8Array>;
  try {
    stream = await startExport(
      project,
      values.format,
      query,
      { ...actor, displayName: user?.displayName ?? actor.name ?? "cli" },
      user?.id ?? 0,
      // The --as user's role decides what a blind second review hides from the report.
      { bom: values.bom, comments: values.comments, groupByFact: values.groupByFact, appOrigin: configuredAppOrigin(), viewerRole: role },
    );
  } catch (error) {
    if (error instanceof ClaimReviewConfigError) throw new AppError("failed", error.message);
    throw error;
  }
  // Written to a temporary file and renamed at the end: a failed export leaves no half-written report.
  const temporary = `${out}.${process.pid}.partial`;
  const file = fs.createWriteStream(temporary);
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      bytes += chunk.byteLength;
      if (!file.write(chunk)) await once(file, "drain");
    }
    file.end();
    await once(file, "finish");
    fs.renameSync(temporary, out);
  } catch (error) {
    file.destroy();
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  printResult(
    io,
    json,
    { project: project.slug, format: values.format, out, bytes },
    `Wrote ${values.format} report of ${project.slug}${values.groupByFact ? ", grouped by fact," : ""} to ${out} (${bytes} bytes).`,
  );
  return 0;
}

/** Where the report's links into the app point: APP_ORIGIN when the operator set one (else the report names paths). */
function configuredAppOrigin(): string | null {
  try {
    return getConfig().APP_ORIGIN ?? null;
  } catch {
    return null;
  }
}
