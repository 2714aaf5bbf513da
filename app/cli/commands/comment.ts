import { z } from "zod";
import { getDb } from "../../db.server";
import { AppError } from "../../lib/app-error";
import { usernameSchema } from "../../lib/password-policy";
import { addComment } from "../../models/comments/comment-write.server";
import { parseOptions } from "../args";
import { type CliIo, printResult } from "../io";
import { resolveProjectAndActor } from "../project-context";

const USAGE = "usage: claimdesk comment add --claim ID --text T --as U [--json]";

/** `claimdesk comment add --claim ID --text T --as USERNAME`: a comment in the claim's discussion, mentions included. */
export async function commentCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== "add") throw new AppError("usage", sub ? `unknown comment command "${sub}"\n${USAGE}` : USAGE);
  const { values, json } = parseOptions(
    rest,
    { claim: { type: "string" }, text: { type: "string" }, as: { type: "string" } },
    z.object({
      claim: z.coerce.number({ error: "must be a claim id" }).int().positive(),
      text: z.string({ error: "is required" }),
      as: usernameSchema,
    }),
  );
  const claim = await getDb().claim.findUnique({ where: { id: values.claim }, select: { project: { select: { slug: true } } } });
  if (!claim) throw new AppError("invalid_input", `no claim with id ${values.claim}`);
  const { project, actor } = await resolveProjectAndActor(claim.project.slug, values.as, "comment");
  const comment = await addComment({ projectId: project.id, claimId: values.claim, text: values.text, actor });
  if (!comment) throw new AppError("invalid_input", `no claim with id ${values.claim}`);
  printResult(
    io,
    json,
    { id: comment.id, claimId: comment.claimId, author: values.as, body: comment.body, createdAt: comment.createdAt.toISOString() },
    `Comment ${comment.id} added to claim ${comment.claimId}.`,
  );
  return 0;
}
