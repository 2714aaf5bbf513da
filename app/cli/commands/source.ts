import { z } from "zod";
import { getDb } from "../../db.server";
import { usernameSchema } from "../../lib/password-policy";
import { AppError } from "../../lib/app-error";
import { STANCES } from "../../lib/stances";
import { addExternalSource } from "../../models/source.server";
import { parseOptions } from "../args";
import { type CliIo, printResult } from "../io";
import { resolveProjectAndActor } from "../project-context";

export async function sourceCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "add")
    throw new AppError(
      "usage",
      "usage: claimdesk source add --claim ID --url U --stance supports|refutes|context [--quote Q] [--title T] --as USERNAME [--json]",
    );
  const { values, json } = parseOptions(
    rest,
    {
      claim: { type: "string" },
      url: { type: "string" },
      stance: { type: "string" },
      quote: { type: "string" },
      title: { type: "string" },
      as: { type: "string" },
    },
    z.object({
      claim: z.coerce.number({ error: "must be a claim id" }).int().positive(),
      url: z.string({ error: "is required" }).min(1, "is required"),
      stance: z.enum(STANCES, { error: "must be supports, refutes or context" }),
      quote: z.string().max(5000).optional(),
      title: z.string().max(500).optional(),
      as: usernameSchema,
    }),
  );
  const claim = await getDb().claim.findUnique({ where: { id: values.claim }, select: { project: { select: { slug: true } } } });
  if (!claim) throw new AppError("not_found", `no claim with id ${values.claim}`);
  const { project, actor } = await resolveProjectAndActor(claim.project.slug, values.as, "addSource");
  const link = await addExternalSource({
    projectId: project.id,
    claimId: values.claim,
    source: { url: values.url, stance: values.stance, quote: values.quote, title: values.title },
    actor,
  });
  if (!link) throw new AppError("not_found", `no claim with id ${values.claim}`);
  const source = await getDb().source.findUniqueOrThrow({ where: { id: link.sourceId } });
  printResult(
    io,
    json,
    { linkId: link.id, sourceId: source.id, claimId: values.claim, url: source.url, stance: link.stance },
    `Linked ${source.url} to claim ${values.claim} (${link.stance}).`,
  );
  return 0;
}
