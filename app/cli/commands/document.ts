import { z } from "zod";
import { getDb } from "../../db.server";
import { documentDetailsSchema } from "../../lib/document-details";
import { usernameSchema } from "../../lib/password-policy";
import { projectSlugSchema } from "../../lib/project-schema";
import { editDocumentDetails } from "../../models/document-edit.server";
import { listDocumentSummaries } from "../../models/document-list.server";
import { parseOptions } from "../args";
import { AppError } from "../../lib/app-error";
import { type CliIo, printResult } from "../io";
import { resolveProjectAndActor } from "../project-context";

const EDIT_USAGE =
  "usage: claimdesk document edit --document ID [--title T] [--outlet O] [--author A] [--url U] [--published-at ISO] --as U [--json]";

/** `claimdesk document edit`: corrects a document's details, audited like the document page. */
export async function documentCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "edit") throw new AppError("usage", EDIT_USAGE);
  const flags = {
    document: { type: "string" },
    title: { type: "string" },
    outlet: { type: "string" },
    author: { type: "string" },
    url: { type: "string" },
    "published-at": { type: "string" },
    as: { type: "string" },
  } as const;
  // The date's meaning depends on the project's time zone, so the fields are checked once it is known.
  const { values, json } = parseOptions(
    rest,
    flags,
    z
      .object({
        document: z.coerce.number({ error: "must be a document id" }).int().positive(),
        as: usernameSchema,
        title: z.string().optional(),
        outlet: z.string().optional(),
        author: z.string().optional(),
        url: z.string().optional(),
        publishedAt: z.string().optional(),
      })
      .refine((v) => [v.title, v.outlet, v.author, v.url, v.publishedAt].some((f) => f !== undefined), {
        message: "name at least one of --title, --outlet, --author, --url, --published-at",
      }),
  );
  const document = await getDb().document.findUnique({
    where: { id: values.document },
    select: { project: { select: { slug: true, timeZone: true } } },
  });
  if (!document) throw new AppError("not_found", `no document with id ${values.document}`);
  const { project, actor } = await resolveProjectAndActor(document.project.slug, values.as, "editDocuments");
  const schema = documentDetailsSchema(document.project.timeZone).partial();
  const given = Object.fromEntries(
    (["title", "outlet", "author", "url", "publishedAt"] as const)
      .filter((key) => values[key] !== undefined)
      .map((key) => [key, values[key]]),
  );
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const flag = `--${String(issue.path[0]).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    throw new AppError("invalid_input", `${flag}: ${issue.message}`);
  }
  const result = await editDocumentDetails(project.id, values.document, parsed.data, actor);
  if (!result) throw new AppError("not_found", `no document with id ${values.document}`);
  const d = result.document;
  printResult(
    io,
    json,
    {
      id: d.id,
      title: d.title,
      titleDerived: d.titleDerived,
      outlet: d.outlet,
      author: d.author,
      url: d.url,
      publishedAt: d.publishedAt?.toISOString() ?? null,
      changed: result.changed,
    },
    result.changed.length > 0 ? `Document ${d.id}: changed ${result.changed.join(", ")}.` : `Document ${d.id}: nothing to change.`,
  );
  return 0;
}

/** `claimdesk documents --project S`: the project's current documents. */
export async function documentsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, json } = parseOptions(
    args,
    { project: { type: "string" }, as: { type: "string" } },
    z.object({ project: projectSlugSchema, as: usernameSchema.optional() }),
  );
  const { project } = await resolveProjectAndActor(values.project, values.as, "read");
  const documents = await listDocumentSummaries(project.id);
  const rows = documents.map((d) => ({ ...d, publishedAt: d.publishedAt?.toISOString() ?? null }));
  const human = rows.length
    ? rows
        .map(
          (d) =>
            `${d.id}\t${d.title}${d.titleDerived ? " (title derived)" : ""}\t${d.outlet ?? "-"}\t${d.paragraphs} paragraphs\t${d.claims} claims`,
        )
        .join("\n")
    : `${project.slug} has no documents.`;
  printResult(io, json, rows, human);
  return 0;
}
