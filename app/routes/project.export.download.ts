import { z } from "zod";
import type { Route } from "./+types/project.export.download";
import { actorOf } from "../auth/actor.server";
import { requireProjectCapability } from "../auth/guards.server";
import { getConfig } from "../config.server";
import { parseClaimQuery } from "../lib/claim-query";
import { CONTENT_TYPES, EXPORT_FORMATS, FILE_EXTENSIONS } from "../lib/export/report";
import { ClaimReviewConfigError, startExport } from "../models/export-stream.server";

const requestSchema = z.object({
  format: z.enum(EXPORT_FORMATS, { error: "Choose csv, json, claimreview, html or pdf" }),
  bom: z.literal("on").optional(),
  comments: z.literal("on").optional(),
  groupByFact: z.literal("on", { error: "Group by fact is on or absent" }).optional(),
});

// A POST: each export is recorded in the audit trail, and no GET changes anything.
export async function action({ request, params, context }: Route.ActionArgs) {
  const auth = await requireProjectCapability(request, params.slug, "export");
  const form = await request.formData();
  const fields = new URLSearchParams();
  for (const [key, value] of form) if (typeof value === "string") fields.append(key, value);
  const parsed = requestSchema.safeParse({
    format: fields.get("format") ?? undefined,
    bom: fields.get("bom") ?? undefined,
    comments: fields.get("comments") ?? undefined,
    groupByFact: fields.get("groupByFact") ?? undefined,
  });
  if (!parsed.success) return Response.json({ message: parsed.error.issues[0]!.message }, { status: 400 });
  const query = parseClaimQuery(fields);
  let stream: AsyncGenerator<Uint8Array>;
  try {
    stream = await startExport(
      auth.project,
      parsed.data.format,
      query,
      { ...actorOf(auth, context), displayName: auth.user.displayName },
      auth.user.id,
      // Passage sources link to their article in the app; the role decides what a blind second review hides.
      {
        bom: parsed.data.bom === "on",
        comments: parsed.data.comments === "on",
        groupByFact: parsed.data.groupByFact === "on",
        appOrigin: getConfig().APP_ORIGIN ?? new URL(request.url).origin,
        viewerRole: auth.role,
      },
    );
  } catch (error) {
    if (error instanceof ClaimReviewConfigError) return Response.json({ message: error.message }, { status: 400 });
    throw error;
  }
  const name = `${auth.project.slug}-report-${new Date().toISOString().slice(0, 10)}.${FILE_EXTENSIONS[parsed.data.format]}`;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await stream.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await stream.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[parsed.data.format],
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}

export async function loader() {
  return Response.json({ message: "Use the Export page to download a report." }, { status: 405 });
}
