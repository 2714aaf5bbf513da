import { z } from "zod";
import { CLAIM_STATUSES } from "./claim-status";
import type { Capability } from "./roles";

// The forms of a fact's page (verdict, label, split, merge, move) and of the Facts view
// (group the claims left over, group again), as their routes' actions read them. Each form
// names its intent; the intent decides the capability, checked before anything else is read.

/** The stances of a source link (as models/source.server.ts stores them), for the client. */
export const SOURCE_STANCES = ["supports", "refutes", "context"] as const;

const id = z.coerce.number().int().positive();
/** One id or several (checkboxes with one name arrive as one value or a list). */
const ids = (message: string) =>
  z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(id).min(1, message));
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : undefined));

/** The fact page's forms; the fact is the one in the URL. */
export const factFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("tag"),
      status: z.enum(CLAIM_STATUSES, { error: "Choose a verdict" }),
      rationale: optionalText(5000),
      claimIds: ids("Choose at least one claim to give the verdict to."),
      /** "claimId:version" per claim shown, so a claim changed since is refused, not overwritten. */
      versions: z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string())),
      sourceUrl: optionalText(4000),
      stance: z
        .enum(SOURCE_STANCES)
        .optional()
        .or(z.literal("").transform(() => undefined)),
      quote: optionalText(5000),
    }),
    z.object({ intent: z.literal("label"), label: z.string().max(500, "A label can be at most 500 characters.").optional() }),
    z.object({ intent: z.literal("split"), claimIds: ids("Choose the claims to take out of this fact.") }),
    z.object({ intent: z.literal("merge"), from: z.string({ error: "Enter the numbers of the facts to merge into this one." }) }),
    z.object({ intent: z.literal("move"), claimId: id, to: z.string({ error: "Enter a fact number, or new." }) }),
  ],
  { error: "Unknown form." },
);
export type FactForm = z.infer<typeof factFormSchema>;

export const FACT_FORM_CAPABILITY: Record<FactForm["intent"], Capability> = {
  tag: "tagClaim",
  label: "editFacts",
  split: "editFacts",
  merge: "editFacts",
  move: "editFacts",
};

/** The Facts view's forms. */
export const factsFormSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("group") }), z.object({ intent: z.literal("regroup") })],
  {
    error: "Unknown form.",
  },
);
export type FactsForm = z.infer<typeof factsFormSchema>;

export const FACTS_FORM_CAPABILITY: Record<FactsForm["intent"], Capability> = {
  group: "tagClaim",
  regroup: "editFacts",
};

/** "12, 14 15" -> [12, 14, 15]; null when anything else is in it. */
export function parseFactNumbers(text: string): number[] | null {
  const parts = text
    .split(/[\s,]+/)
    .map((s) => s.replace(/^#/, ""))
    .filter(Boolean);
  if (parts.length === 0 || parts.some((p) => !/^[1-9]\d{0,9}$/.test(p))) return null;
  return [...new Set(parts.map(Number))];
}

/** ["12:3", "14:1"] -> {12: 3, 14: 1}; malformed entries are left out. */
export function parseVersions(entries: string[]): Record<number, number> {
  const versions: Record<number, number> = {};
  for (const entry of entries) {
    const match = /^(\d+):(\d+)$/.exec(entry);
    if (match) versions[Number(match[1])] = Number(match[2]);
  }
  return versions;
}
