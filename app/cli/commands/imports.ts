import { z } from "zod";
import { describeImportJob } from "../../lib/import/import-job";
import { usernameSchema } from "../../lib/password-policy";
import { projectSlugSchema } from "../../lib/project-schema";
import { listImportJobs } from "../../models/import-jobs/list-import-jobs.server";
import { parseOptions } from "../args";
import { type CliIo, printResult } from "../io";
import { resolveProjectAndActor } from "../project-context";

/** The project's recent import jobs (uploads through the app run as jobs), newest first. */
export async function importsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(
    args,
    { project: { type: "string" }, as: { type: "string" } },
    z.object({ project: projectSlugSchema, as: usernameSchema.optional() }),
  );
  const { project } = await resolveProjectAndActor(values.project, values.as, "read");
  const jobs = await listImportJobs({ projectId: project.id });
  const human = jobs.length
    ? jobs.map((job) => `${job.id}\t${job.fileName}\t${describeImportJob(job)}`).join("\n")
    : `${project.slug} has no import jobs.`;
  printResult(io, json, jobs, human);
  return 0;
}
