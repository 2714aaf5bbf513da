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
      out: { type: "string" },
      bom: { type: "boolean" },
      as: { type: "string" },
    },
    z.object({
      project: projectSlugSchema,
      format: z.enum(EXPORT_FORMATS, { error: "must be csv, json, claimreview, html or pdf" }),
      status: z.array(z.string()).optional(),
      reviewState: z.array(z.string()).optional(),
      comments: z.boolean().optional(),
      out: z.string({ error: "is required: the file to write" }).min(1, "is required: the file to write"),
      bom: z.boolean().optional(),
      as: usernameSchema.optional(),
    }),
  );
  const { project, actor } = await resolveProjectAndActor(values.project, values.as, "export");
  const split = (items: string[] | undefined) => (items ?? []).flatMap((s) => s.split(",")).map((s) => s.trim());
  const reviewStates = split(values.reviewState);
  const unknownState = reviewStates.find((state) => !isReviewState(state));
  if (unknownState !== undefined) throw new AppError("usage", `--review-state: must be one of ${REVIEW_STATES.join(", ")}`);
  const query = parseClaimQuery(
    new URLSearchParams([...split(values.status).map((s) => ["status", s]), ...reviewStates.map((s) => ["review", s])]),
  );
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
      { bom: values.bom, comments: values.comments, appOrigin: configuredAppOrigin() },
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
    `Wrote ${values.format} report of ${project.slug} to ${out} (${bytes} bytes).`,
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
