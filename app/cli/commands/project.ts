import { z } from "zod";
import { usernameSchema } from "../../lib/password-policy";
import { projectNameSchema, projectSlugSchema } from "../../lib/project-schema";
import { PROJECT_ROLES } from "../../lib/roles";
import { createProject, findProjectBySlug, setMemberRole, updateProjectSettings } from "../../models/project.server";
import { onOffSchema, publisherNameSchema, publisherUrlSchema, thresholdSchema, timeZoneSchema } from "../../lib/project-settings";
import { type ProjectSettings } from "../../models/project.server";
import { parseOptions } from "../args";
import { resolveProjectAndActor } from "../project-context";
import { AppError } from "../../lib/app-error";
import { type CliIo, printResult } from "../io";
import { CLI_ACTOR } from "./user";

const USAGE = [
  "usage: claimdesk project create --slug S --name N [--owner U] [--json]",
  "       claimdesk project add-member --project S --username U --role owner|editor|reviewer|viewer [--json]",
  "       claimdesk project settings --project S [--publisher-name N] [--publisher-url U] [--time-zone TZ]",
  "                                  [--require-source on|off] [--second-review on|off] [--threshold X|default]",
  "                                  [--as U] [--json]",
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
  if (sub === "settings") return await settingsCommand(rest, io);
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

const SETTING_FLAGS = {
  project: { type: "string" },
  "publisher-name": { type: "string" },
  "publisher-url": { type: "string" },
  "time-zone": { type: "string" },
  "require-source": { type: "string" },
  "second-review": { type: "string" },
  threshold: { type: "string" },
  as: { type: "string" },
} as const;

/** Changes the settings named, each checked like the settings page does; with none named, prints them. */
async function settingsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(
    args,
    SETTING_FLAGS,
    z.object({
      project: projectSlugSchema,
      publisherName: publisherNameSchema.optional(),
      publisherUrl: publisherUrlSchema.optional(),
      timeZone: timeZoneSchema.optional(),
      requireSource: onOffSchema.optional(),
      secondReview: onOffSchema.optional(),
      threshold: thresholdSchema.optional(),
      as: usernameSchema.optional(),
    }),
  );
  const { project, actor } = values.as
    ? await resolveProjectAndActor(values.project, values.as, "manageSettings")
    : { project: await findProjectBySlug(values.project), actor: CLI_ACTOR };
  if (!project) throw new AppError("not_found", `no project with the slug "${values.project}"`);
  const change: ProjectSettings = {
    ...(values.publisherName !== undefined ? { publisherName: values.publisherName } : {}),
    ...(values.publisherUrl !== undefined ? { publisherUrl: values.publisherUrl } : {}),
    ...(values.timeZone !== undefined ? { timeZone: values.timeZone } : {}),
    ...(values.requireSource !== undefined ? { requireSourceForVerdict: values.requireSource } : {}),
    ...(values.secondReview !== undefined ? { secondReview: values.secondReview } : {}),
    ...(values.threshold !== undefined ? { claimThreshold: values.threshold } : {}),
  };
  const updated = Object.keys(change).length > 0 ? await updateProjectSettings({ projectId: project.id, change, actor }) : project;
  const settings = {
    project: updated.slug,
    publisherName: updated.publisherName,
    publisherUrl: updated.publisherUrl,
    timeZone: updated.timeZone,
    requireSourceForVerdict: updated.requireSourceForVerdict,
    secondReview: updated.secondReview,
    claimThreshold: updated.claimThreshold,
  };
  const human = [
    `${updated.slug}: publisher ${settings.publisherName ?? "(none)"} ${settings.publisherUrl ?? "(no address)"}`,
    `time zone ${settings.timeZone}`,
    `a verdict ${settings.requireSourceForVerdict ? "needs" : "does not need"} a source`,
    `second review ${settings.secondReview ? "on" : "off"}`,
    `threshold ${settings.claimThreshold ?? "default"}`,
  ].join("; ");
  printResult(io, json, settings, Object.keys(change).length > 0 ? `Saved. ${human}.` : `${human}.`);
  return 0;
}
