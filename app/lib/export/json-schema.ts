import { z } from "zod";
import { REPORT_VERSION, reportSchema } from "./report";

/** The JSON Schema (draft 2020-12) of the JSON export, generated from the zod schema. */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...(z.toJSONSchema(reportSchema, { target: "draft-2020-12" }) as Record<string, unknown>),
    $id: `https://claimdesk.example/schemas/report-v${REPORT_VERSION}.json`,
    title: "Claimdesk audit report",
    description:
      "A project's claims with their verdicts, rationales, sources and full history, and the head hash of the project's audit trail.",
  };
}
