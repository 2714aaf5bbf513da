import { parse } from "csv-parse/sync";
import { parseClaimQuery } from "../../app/lib/claim-query";
import type { ExportFormat } from "../../app/lib/export/report";
import { reportSchema } from "../../app/lib/export/report";
import type { ProjectRole } from "../../app/lib/roles";
import { startExport } from "../../app/models/export-stream.server";

interface Exporter {
  project: { id: number; slug: string };
  user: { id: number; username: string; displayName: string };
  /** The exporter's role, for the blind second review (unset: treated as blind). */
  role?: ProjectRole;
}

/** One format of a project's report, as bytes, exported by `user` with the given claim filters. */
export async function exportBytes(format: ExportFormat, { project, user, role }: Exporter, search = ""): Promise<Buffer> {
  const stream = await startExport(
    project,
    format,
    parseClaimQuery(new URLSearchParams(search)),
    { id: user.id, name: user.username, displayName: user.displayName, ip: null },
    user.id,
    { viewerRole: role },
  );
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export async function exportJson(exporter: Exporter, search = "") {
  return reportSchema.parse(JSON.parse((await exportBytes("json", exporter, search)).toString("utf8")));
}

export async function exportCsv(exporter: Exporter, search = ""): Promise<Array<Record<string, string>>> {
  return parse((await exportBytes("csv", exporter, search)).toString("utf8"), { columns: true }) as Array<Record<string, string>>;
}

export { pdfPages } from "./pdf-text";
