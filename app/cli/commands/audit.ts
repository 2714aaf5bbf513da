import { z } from "zod";
import { GLOBAL_CHAIN, projectChain } from "../../lib/audit-hash";
import { projectSlugSchema } from "../../lib/project-schema";
import { verifyAuditChain } from "../../models/audit.server";
import { findProjectBySlug } from "../../models/project.server";
import { parseOptions } from "../args";
import { AppError } from "../../lib/app-error";
import { type CliIo, printResult } from "../io";

export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "verify") throw new AppError("usage", "usage: claimdesk audit verify [--project S | --global] [--json]");
  const { values, json } = parseOptions(
    rest,
    { project: { type: "string" }, global: { type: "boolean" } },
    z
      .object({ project: projectSlugSchema.optional(), global: z.boolean().optional() })
      .refine((v) => Boolean(v.project) !== Boolean(v.global), {
        message: "name one chain: --project S or --global",
      }),
  );
  let chain = GLOBAL_CHAIN;
  if (values.project) {
    const project = await findProjectBySlug(values.project);
    if (!project) throw new AppError("not_found", `no project with the slug "${values.project}"`);
    chain = projectChain(project.id);
  }
  const result = await verifyAuditChain(chain);
  if (result.problem) {
    const p = result.problem;
    const where =
      p.kind === "missing"
        ? `event #${p.seq} of ${chain} is missing (deleted) after event id ${p.afterEventId ?? "none"}`
        : p.kind === "edited"
          ? `event id ${p.eventId} (#${p.seq} of ${chain}) was edited`
          : `event id ${p.eventId} (#${p.seq} of ${chain}) is out of order or its link was altered`;
    if (json) io.stdout(`${JSON.stringify({ ok: false, chain, checked: result.checked, problem: p }, null, 2)}\n`);
    throw new AppError("integrity_failed", `audit trail broken: ${where}; ${result.checked} event(s) verified before it`);
  }
  printResult(
    io,
    json,
    { ok: true, chain, checked: result.checked, headHash: result.headHash },
    `OK: ${result.checked} event(s) verified in ${chain}; head hash ${result.headHash}`,
  );
  return 0;
}
