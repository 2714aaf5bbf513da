import { z } from "zod";
import { GLOBAL_CHAIN, describeChainProblem, projectChain } from "../../lib/audit-hash";
import { projectSlugSchema } from "../../lib/project-schema";
import { verifyAuditChain } from "../../models/audit.server";
import { findProjectBySlug } from "../../models/project.server";
import { parseOptions } from "../args";
import { AppError } from "../../lib/app-error";
import { type CliIo, printResult } from "../io";

const USAGE = "usage: claimdesk audit verify [--project S | --global] [--expect-head HASH] [--json]";

export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "verify") throw new AppError("usage", USAGE);
  const { values, json } = parseOptions(
    rest,
    { project: { type: "string" }, global: { type: "boolean" }, "expect-head": { type: "string" } },
    z
      .object({
        project: projectSlugSchema.optional(),
        global: z.boolean().optional(),
        expectHead: z
          .string()
          .regex(/^[0-9a-fA-F]{64}$/, { error: "must be a head hash of 64 hexadecimal digits, as a report prints it" })
          .transform((hash) => hash.toLowerCase())
          .optional(),
      })
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
  const result = await verifyAuditChain(chain, { expectHead: values.expectHead });
  const keyed = result.keyedFromSeq === undefined ? null : { keyId: result.keyId, fromSeq: result.keyedFromSeq };
  if (result.problem) {
    if (json) io.stdout(`${JSON.stringify({ ok: false, chain, checked: result.checked, problem: result.problem }, null, 2)}\n`);
    throw new AppError(
      "integrity_failed",
      `audit trail broken: ${describeChainProblem(result.problem, chain)}; ${result.checked} event(s) verified before it`,
    );
  }
  const notes = [
    values.expectHead ? `; the expected head is event #${result.anchorSeq} and every later event chains to the head` : "",
    keyed ? `; keyed with key id ${keyed.keyId} from event #${keyed.fromSeq}` : "",
  ].join("");
  printResult(
    io,
    json,
    {
      ok: true,
      chain,
      checked: result.checked,
      headHash: result.headHash,
      ...(values.expectHead ? { anchor: { hash: values.expectHead, seq: result.anchorSeq } } : {}),
      keyed,
    },
    `OK: ${result.checked} event(s) verified in ${chain}; head hash ${result.headHash}${notes}`,
  );
  return 0;
}
