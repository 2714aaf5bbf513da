import fs from "node:fs";
import { z } from "zod";
import { REPORT_VERSION, reportSchema } from "../../lib/export/report";
import { projectSlugSchema } from "../../lib/project-schema";
import { findProjectBySlug } from "../../models/project.server";
import { verifyReport, verifyReportHead } from "../../models/report-verify.server";
import { parseOptions } from "../args";
import { AppError } from "../../lib/app-error";
import { type CliIo, printResult } from "../io";

const USAGE =
  "usage: claimdesk report verify FILE --project S [--json], or report verify --project S --event N --hash H for a printed report";

/** Reads a JSON report, refusing anything that is not one this version can check. */
function readReport(file: string) {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new AppError("invalid_input", `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "error"}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ""));
  } catch {
    throw new AppError("invalid_input", `${file} is not JSON: verify takes the JSON report (export --format json)`);
  }
  const version = (value as { version?: unknown } | null)?.version;
  if (typeof version === "number" && version !== REPORT_VERSION)
    throw new AppError(
      "invalid_input",
      `${file} is a version ${version} report; this version checks version ${REPORT_VERSION} (export the report again)`,
    );
  const parsed = reportSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("invalid_input", `${file} is not a Claimdesk JSON report: ${issue.path.join(".") || "top level"}: ${issue.message}`);
  }
  return parsed.data;
}

/** `claimdesk report verify FILE --project S`: recomputes every claim's verdict in a JSON report from the live trail. */
export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "verify") throw new AppError("usage", USAGE);
  const { values, positionals, json } = parseOptions(
    rest,
    { project: { type: "string" }, event: { type: "string" }, hash: { type: "string" } },
    z.object({
      project: projectSlugSchema,
      event: z.coerce.number({ error: "must be an event number" }).int().positive().optional(),
      hash: z
        .string()
        .regex(/^[0-9a-f]{64}$/i, { error: "must be the report's 64-character head hash" })
        .transform((h) => h.toLowerCase())
        .optional(),
    }),
    true,
  );
  const printed = values.event !== undefined || values.hash !== undefined;
  if (printed ? positionals.length !== 0 || values.event === undefined || values.hash === undefined : positionals.length !== 1)
    throw new AppError("usage", USAGE);
  const project = await findProjectBySlug(values.project);
  if (!project) throw new AppError("not_found", `no project with the slug "${values.project}"`);
  if (printed) return verifyPrinted(io, json, project.id, { seq: values.event!, hash: values.hash! });
  const report = readReport(positionals[0]!);
  if (report.project.slug !== project.slug)
    throw new AppError("failed", `the report is of project "${report.project.slug}", not "${project.slug}"`);
  const result = await verifyReport(project.id, report);
  if (!result.ok) {
    if (json) io.stdout(`${JSON.stringify({ ok: false, claimId: result.claimId, problem: result.problem }, null, 2)}\n`);
    throw new AppError("failed", `report does not match the trail: ${result.problem}`);
  }
  printResult(
    io,
    json,
    { ok: true, claims: result.claims, upToEvent: result.upToSeq, headHash: result.headHash },
    `${result.claims} claims match the trail up to event #${result.upToSeq}`,
  );
  return 0;
}

/** A printed report carries its head event and hash: the trail must still hold that hash there. */
async function verifyPrinted(io: CliIo, json: boolean, projectId: number, head: { seq: number; hash: string }): Promise<number> {
  const result = await verifyReportHead(projectId, head);
  if (!result.ok) {
    if (json) io.stdout(`${JSON.stringify({ ok: false, problem: result.problem }, null, 2)}\n`);
    throw new AppError("failed", `report does not match the trail: ${result.problem}`);
  }
  printResult(
    io,
    json,
    { ok: true, upToEvent: result.upToSeq, headHash: result.headHash },
    `the trail holds the report's head hash at event #${result.upToSeq}: nothing recorded up to it has changed since`,
  );
  return 0;
}
