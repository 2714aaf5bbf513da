import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { getConfig } from "../../config.server";
import { usernameSchema } from "../../lib/password-policy";
import { projectSlugSchema } from "../../lib/project-schema";
import { hasUnsafeNameChars } from "../../lib/text-safety";
import { type FileImportResult, importFile } from "../../models/import.server";
import { parseOptions } from "../args";
import { AppError } from "../../lib/app-error";
import type { CliIo } from "../io";
import { resolveProjectAndActor } from "../project-context";

export async function importCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals, json } = parseOptions(
    args,
    { project: { type: "string" }, as: { type: "string" } },
    z.object({ project: projectSlugSchema, as: usernameSchema.optional() }),
    true,
  );
  if (positionals.length === 0) throw new AppError("usage", "usage: claimdesk import --project S [--as U] FILE... [--json]");
  const unsafe = positionals.find((file) => hasUnsafeNameChars(file));
  if (unsafe !== undefined) throw new AppError("usage", "a file name holds control or text-direction characters; rename the file");
  const { project, actor } = await resolveProjectAndActor(values.project, values.as, "importDocuments");
  const results: FileImportResult[] = [];
  for (const file of positionals) {
    const name = path.basename(file);
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "cannot be read";
      results.push({ file, status: "error", error: reason, documentId: null, title: null, claims: 0 });
      continue;
    }
    const imported = await importFile(
      project.id,
      { name, bytes },
      { maxBytes: getConfig().IMPORT_MAX_BYTES, maxArticleBytes: getConfig().IMPORT_MAX_ARTICLE_BYTES, threshold: project.claimThreshold },
      actor,
    );
    results.push(...imported.map((result) => ({ ...result, file })));
  }
  const failed = results.filter((r) => r.status === "error");
  if (json) {
    io.stdout(
      `${JSON.stringify(
        results.map(({ file, documentId, title, claims, status, ...rest }) => ({
          file,
          documentId,
          title,
          claims,
          status,
          ...("error" in rest ? { error: rest.error } : {}),
        })),
        null,
        2,
      )}\n`,
    );
  } else {
    for (const r of results) {
      io.stdout(
        r.status === "error"
          ? `error      ${r.file}: ${r.error}\n`
          : `${r.status.padEnd(10)} ${r.file}: "${r.title}" (document ${r.documentId}, ${r.claims} claims)\n`,
      );
    }
  }
  for (const r of failed) if (json) io.stderr(`claimdesk: ${r.file}: ${r.status === "error" ? r.error : ""}\n`);
  return failed.length > 0 ? 1 : 0;
}
