import { getDb } from "../db.server";
import type { ClaimStatus } from "../lib/claim-status";
import { normalizeSourceUrl } from "../lib/source-url";
import { AppError, isAppError } from "../lib/app-error";
import { tagClaim } from "./claim-verdict.server";
import { getFact } from "./fact-detail.server";
import { type ExternalSourceInput, addExternalSource } from "./source.server";
import { writeProject } from "./unit-of-work.server";
import type { Actor } from "./user.server";

// One verdict for a fact: applied claim by claim through the same path as tagging one claim
// (its version check, its audit event, now naming the fact; second review and sign-off per
// claim), to the claims that state the fact's details as its label claim does. Claims whose
// details differ are left for their own decision unless asked for ("apply anyway"), or named
// one by one for a different verdict ("confirmed at 5:01 p.m., disputed at 5 p.m.").

export interface FactVerdictInput {
  projectId: number;
  actor: Actor;
  factId: number;
  status: ClaimStatus;
  rationale: string | null;
  /** Also the claims whose details differ from the label claim's. */
  includeDiffering?: boolean;
  /** Exactly these member claims (a verdict for the differing ones, or any choice). */
  claimIds?: number[];
  /** The versions the reviewer saw, by claim id: a claim changed since is refused, not overwritten. */
  versions?: Record<number, number>;
  /** A source to link to each claim tagged (a claim that has it already keeps its link). */
  source?: ExternalSourceInput;
}

export interface FactVerdictOutcome {
  factId: number;
  /** Tagged now. */
  applied: number[];
  /** Already had this verdict and rationale. */
  unchanged: number[];
  /** Left for their own decision: their details differ from the label claim's. */
  differing: number[];
  /** Refused: changed by someone since the reviewer saw them, or lacking a source the project requires. */
  refused: Array<{ claimId: number; reason: string }>;
}

export async function tagFact(input: FactVerdictInput): Promise<FactVerdictOutcome | null> {
  const { projectId, actor } = input;
  const rationale = input.rationale?.trim() || null;
  if (input.status !== "unverified" && !rationale)
    throw new AppError("invalid_input", `Give a rationale for marking the fact ${input.status}.`);
  if (input.source) {
    const normalized = normalizeSourceUrl(input.source.url);
    if (!normalized.ok) throw new AppError("invalid_input", normalized.error);
  }
  const fact = await getFact(projectId, input.factId);
  if (!fact) return null;
  const members = new Map(fact.versions.map((v) => [v.claimId, v]));
  if (input.claimIds) {
    const outside = input.claimIds.filter((id) => !members.has(id));
    if (outside.length > 0) throw new AppError("invalid_input", `Claim ${outside.join(", ")} is not in fact ${fact.id}.`);
  }
  const chosen = input.claimIds
    ? fact.versions.filter((v) => input.claimIds!.includes(v.claimId))
    : fact.versions.filter((v) => v.sameAsLabel || input.includeDiffering);
  const outcome: FactVerdictOutcome = {
    factId: fact.id,
    applied: [],
    unchanged: [],
    differing: input.claimIds ? [] : fact.versions.filter((v) => !v.sameAsLabel && !input.includeDiffering).map((v) => v.claimId),
    refused: [],
  };
  for (const version of chosen) {
    let expected = input.versions?.[version.claimId] ?? version.version;
    try {
      if (input.source && !(await hasSource(version.claimId, input.source.url))) {
        await addExternalSource({ projectId, claimId: version.claimId, source: input.source, actor, expectedVersion: expected });
        expected += 1;
      }
      const before = { status: version.status, rationale: version.rationale };
      const tagged = await tagClaim({
        projectId,
        claimId: version.claimId,
        status: input.status,
        rationale,
        expectedVersion: expected,
        factId: fact.id,
        actor,
      });
      if (!tagged) continue;
      if (before.status === tagged.status && (before.rationale ?? null) === (tagged.rationale ?? null) && tagged.version === expected)
        outcome.unchanged.push(version.claimId);
      else outcome.applied.push(version.claimId);
    } catch (error) {
      if (isAppError(error, "stale_version") || isAppError(error, "invalid_input"))
        outcome.refused.push({ claimId: version.claimId, reason: error.message });
      else throw error;
    }
  }
  // The fact's own event, once its claims are tagged (each claim's event, naming the fact, is in its own write).
  if (outcome.applied.length > 0)
    await writeProject({ projectId, actor }, ({ audit }) =>
      audit({
        action: "fact.tagged",
        targetType: "fact",
        targetId: fact.id,
        details: { status: input.status, rationale, claimIds: outcome.applied, differing: outcome.differing },
      }),
    );
  return outcome;
}

async function hasSource(claimId: number, url: string): Promise<boolean> {
  const normalized = normalizeSourceUrl(url);
  if (!normalized.ok) return false;
  const link = await getDb().claimSource.findFirst({
    where: { claimId, removedAt: null, source: { url: normalized.url } },
    select: { id: true },
  });
  return link !== null;
}
