import { z } from "zod";
import { usernameSchema } from "../../lib/password-policy";
import { projectNameSchema, projectSlugSchema } from "../../lib/project-schema";
import { PROJECT_ROLES } from "../../lib/roles";
import { createProject, findProjectBySlug, setMemberRole, updateProjectSettings } from "../../models/project.server";
import { parseOptions } from "../args";
import { AppError } from "../../lib/app-error";
import { type CliIo, printResult } from "../io";
import { CLI_ACTOR } from "./user";

const USAGE = [
  "usage: claimdesk project create --slug S --name N [--owner U] [--json]",
  "       claimdesk project add-member --project S --username U --role owner|editor|reviewer|viewer [--json]",
  "       claimdesk project settings --project S --require-source on|off [--json]",
].join("\n");

export async function projectCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "create") {
    const { values, json } = parseOptions(
      rest,
      { slug: { type: "string" }, name: { type: "string" }, owner: { type: "string" } },
      z.object({ slug: projectSlugSchema, name: projectNameSchema, owner: usernameSchema.optional() }),
    );
    const project = await createProject({ slug: values.slug, name: values.name, ownerUsername: values.owner }, CLI_ACTOR);
    printResult(
      io,
      json,
      { id: project.id, slug: project.slug, name: project.name, owner: values.owner ?? null },
      `Created project ${project.slug} (id ${project.id}).`,
    );
    return 0;
  }
  if (sub === "settings") {
    const { values, json } = parseOptions(
      rest,
      { project: { type: "string" }, "require-source": { type: "string" } },
      z.object({ project: projectSlugSchema, requireSource: z.enum(["on", "off"], { error: "must be on or off" }) }),
    );
    const project = await findProjectBySlug(values.project);
    if (!project) throw new AppError("not_found", `no project with the slug "${values.project}"`);
    await updateProjectSettings({
      projectId: project.id,
      change: { requireSourceForVerdict: values.requireSource === "on" },
      actor: CLI_ACTOR,
    });
    printResult(
      io,
      json,
      { project: project.slug, requireSourceForVerdict: values.requireSource === "on" },
      `${project.slug}: a verdict ${values.requireSource === "on" ? "needs" : "does not need"} a source.`,
    );
    return 0;
  }
  if (sub === "add-member") {
    const { values, json } = parseOptions(
      rest,
      { project: { type: "string" }, username: { type: "string" }, role: { type: "string" } },
      z.object({
        project: projectSlugSchema,
        username: usernameSchema,
        role: z.enum(PROJECT_ROLES, { error: "must be one of owner, editor, reviewer, viewer" }),
      }),
    );
    const project = await findProjectBySlug(values.project);
    if (!project) throw new AppError("not_found", `no project with the slug "${values.project}"`);
    const result = await setMemberRole({ projectId: project.id, username: values.username, role: values.role, actor: CLI_ACTOR });
    printResult(
      io,
      json,
      { project: project.slug, username: values.username, role: values.role, changed: result.changed },
      result.changed
        ? `${values.username} is now ${values.role} of ${project.slug}.`
        : `${values.username} was already ${values.role} of ${project.slug}.`,
    );
    return 0;
  }
  throw new AppError("usage", USAGE);
}
