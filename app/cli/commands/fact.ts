import { z } from "zod";
import { getDb } from "../../db.server";
import { CLAIM_STATUSES } from "../../lib/claim-status";
import { usernameSchema } from "../../lib/password-policy";
import { AppError } from "../../lib/app-error";
import { STANCES } from "../../lib/stances";
import { mergeFacts, moveClaimToFact, setFactLabel, splitFact } from "../../models/fact-edit.server";
import { tagFact } from "../../models/fact-verdict.server";
import { parseOptions } from "../args";
import { type CliIo, printResult } from "../io";
import { resolveProjectAndActor } from "../project-context";

const USAGE = [
  "usage: claimdesk fact tag --fact ID --status confirmed|disputed|unverified --as U [--rationale T] [--include-differing] [--claims ID,ID]",
  "                            [--source-url U --stance supports|refutes|context [--quote Q] [--title T]]",
  "       claimdesk fact merge --into ID --from ID[,ID...] --as U",
  "       claimdesk fact split --fact ID --claims ID[,ID...] --as U",
  "       claimdesk fact move --claim ID --to ID|new --as U",
  "       claimdesk fact label --fact ID (--label T | --clear) --as U",
].join("\n");

const id = (what: string) =>
  z.coerce
    .number({ error: `must be a ${what} id` })
    .int({ error: `must be a ${what} id` })
    .positive({ error: `must be a ${what} id` });
const ids = (what: string) =>
  z.string({ error: `must list ${what} ids, separated by commas` }).transform((list, ctx) => {
    const parts = list
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    if (parts.length === 0 || parts.some((p) => !/^[1-9]\d*$/.test(p))) {
      ctx.addIssue({ code: "custom", message: `must list ${what} ids, separated by commas` });
      return z.NEVER;
    }
    return parts.map(Number);
  });

/** The project a fact or claim belongs to, and the actor checked against it. */
async function projectOf(target: { fact: number } | { claim: number }, as: string, capability: "tagClaim" | "editFacts") {
  const found =
    "fact" in target
      ? await getDb().fact.findUnique({ where: { id: target.fact }, select: { project: { select: { slug: true } } } })
      : await getDb().claim.findUnique({ where: { id: target.claim }, select: { project: { select: { slug: true } } } });
  if (!found) throw new AppError("not_found", "fact" in target ? `no fact with id ${target.fact}` : `no claim with id ${target.claim}`);
  return resolveProjectAndActor(found.project.slug, as, capability);
}

export async function factCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case "tag": {
      const { values, json } = parseOptions(
        rest,
        {
          fact: { type: "string" },
          status: { type: "string" },
          rationale: { type: "string" },
          as: { type: "string" },
          "include-differing": { type: "boolean" },
          claims: { type: "string" },
          "source-url": { type: "string" },
          stance: { type: "string" },
          quote: { type: "string" },
          title: { type: "string" },
        },
        z
          .object({
            fact: id("fact"),
            status: z.enum(CLAIM_STATUSES, { error: "must be confirmed, disputed or unverified" }),
            rationale: z.string().max(5000).optional(),
            as: usernameSchema,
            includeDiffering: z.boolean().optional(),
            claims: ids("claim").optional(),
            sourceUrl: z.string().min(1, "is required").optional(),
            stance: z.enum(STANCES, { error: "must be supports, refutes or context" }).optional(),
            quote: z.string().max(5000).optional(),
            title: z.string().max(500).optional(),
          })
          .refine((v) => (v.sourceUrl === undefined) === (v.stance === undefined), {
            error: "give --source-url and --stance together",
            path: ["stance"],
          }),
      );
      const { project, actor } = await projectOf({ fact: values.fact }, values.as, "tagClaim");
      const outcome = await tagFact({
        projectId: project.id,
        actor,
        factId: values.fact,
        status: values.status,
        rationale: values.rationale ?? null,
        includeDiffering: values.includeDiffering,
        claimIds: values.claims,
        source:
          values.sourceUrl && values.stance
            ? { url: values.sourceUrl, stance: values.stance, quote: values.quote ?? null, title: values.title ?? null }
            : undefined,
      });
      if (!outcome) throw new AppError("not_found", `no fact with id ${values.fact}`);
      const lines = [
        `Fact ${outcome.factId}: ${outcome.applied.length} claims marked ${values.status}, ${outcome.unchanged.length} already so.`,
      ];
      if (outcome.differing.length > 0)
        lines.push(
          `Left for their own decision (details differ): claims ${outcome.differing.join(", ")} (--include-differing applies to them too).`,
        );
      for (const refused of outcome.refused) lines.push(`Claim ${refused.claimId} not changed: ${refused.reason}`);
      printResult(io, json, outcome, lines.join("\n"));
      return outcome.refused.length > 0 ? 3 : 0;
    }
    case "merge": {
      const { values, json } = parseOptions(
        rest,
        { into: { type: "string" }, from: { type: "string" }, as: { type: "string" } },
        z.object({ into: id("fact"), from: ids("fact"), as: usernameSchema }),
      );
      const { project, actor } = await projectOf({ fact: values.into }, values.as, "editFacts");
      const result = await mergeFacts({ projectId: project.id, into: values.into, from: values.from, actor });
      printResult(io, json, result, `Merged into fact ${result.factId}: ${result.moved} claims moved.`);
      return 0;
    }
    case "split": {
      const { values, json } = parseOptions(
        rest,
        { fact: { type: "string" }, claims: { type: "string" }, as: { type: "string" } },
        z.object({ fact: id("fact"), claims: ids("claim"), as: usernameSchema }),
      );
      const { project, actor } = await projectOf({ fact: values.fact }, values.as, "editFacts");
      const result = await splitFact({ projectId: project.id, factId: values.fact, claimIds: values.claims, actor });
      printResult(io, json, result, `Split ${result.moved} claims out of fact ${values.fact} into fact ${result.factId}.`);
      return 0;
    }
    case "move": {
      const { values, json } = parseOptions(
        rest,
        { claim: { type: "string" }, to: { type: "string" }, as: { type: "string" } },
        z.object({
          claim: id("claim"),
          to: z.union([z.literal("new"), id("fact")], { error: 'must be a fact id or "new"' }),
          as: usernameSchema,
        }),
      );
      const { project, actor } = await projectOf({ claim: values.claim }, values.as, "editFacts");
      const result = await moveClaimToFact({
        projectId: project.id,
        claimId: values.claim,
        to: values.to === "new" ? null : values.to,
        actor,
      });
      printResult(io, json, { claimId: values.claim, ...result }, `Claim ${values.claim} is now in fact ${result.factId}.`);
      return 0;
    }
    case "label": {
      const { values, json } = parseOptions(
        rest,
        { fact: { type: "string" }, label: { type: "string" }, clear: { type: "boolean" }, as: { type: "string" } },
        z
          .object({ fact: id("fact"), label: z.string().max(500).optional(), clear: z.boolean().optional(), as: usernameSchema })
          .refine((v) => (v.label !== undefined) !== (v.clear === true), { error: "give either --label T or --clear", path: ["label"] }),
      );
      const { project, actor } = await projectOf({ fact: values.fact }, values.as, "editFacts");
      await setFactLabel({ projectId: project.id, factId: values.fact, label: values.clear ? null : (values.label ?? null), actor });
      printResult(io, json, { factId: values.fact, label: values.clear ? null : values.label }, `Fact ${values.fact} relabelled.`);
      return 0;
    }
    default:
      throw new AppError("usage", sub ? `unknown fact command "${sub}"\n${USAGE}` : USAGE);
  }
}
