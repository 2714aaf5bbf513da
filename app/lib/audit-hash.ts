import { createHash } from "node:crypto";

/** What each audit event commits to. Keys are hashed in this fixed order. */
export interface AuditHashInput {
  chain: string;
  seq: number;
  projectId: number | null;
  actorId: number | null;
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: string;
  createdAt: Date;
  prevHash: string;
}

export const GENESIS_HASH = "0".repeat(64);

export function projectChain(projectId: number): string {
  return `project:${projectId}`;
}
export const GLOBAL_CHAIN = "global";

export function computeAuditHash(event: AuditHashInput): string {
  const canonical = JSON.stringify([
    event.chain,
    event.seq,
    event.projectId,
    event.actorId,
    event.actorName,
    event.action,
    event.targetType,
    event.targetId,
    event.ip,
    event.details,
    event.createdAt.toISOString(),
    event.prevHash,
  ]);
  return createHash("sha256").update(canonical).digest("hex");
}

export type ChainProblem =
  | { kind: "edited"; seq: number; eventId: number }
  | { kind: "missing"; seq: number; afterEventId: number | null }
  | { kind: "reordered"; seq: number; eventId: number };

export interface StoredAuditEvent extends AuditHashInput {
  id: number;
  hash: string;
}

/**
 * Walks one chain in seq order. Returns the first problem: a gap in seq numbers is a
 * deletion, a hash that does not match the content is an edit, a prevHash that does not
 * match the previous event's hash is a reordering (or an edit of a neighbour's link).
 */
export function verifyChain(
  events: Iterable<StoredAuditEvent>,
  expectedHead?: { seq: number; headHash: string },
): { checked: number; problem: ChainProblem | null; headHash: string } {
  let previousHash = GENESIS_HASH;
  let previousId: number | null = null;
  let expectedSeq = 1;
  let checked = 0;
  for (const event of events) {
    if (event.seq !== expectedSeq) {
      if (event.seq > expectedSeq) {
        return { checked, problem: { kind: "missing", seq: expectedSeq, afterEventId: previousId }, headHash: previousHash };
      }
      return { checked, problem: { kind: "reordered", seq: event.seq, eventId: event.id }, headHash: previousHash };
    }
    if (computeAuditHash(event) !== event.hash) {
      return { checked, problem: { kind: "edited", seq: event.seq, eventId: event.id }, headHash: previousHash };
    }
    if (event.prevHash !== previousHash) {
      return { checked, problem: { kind: "reordered", seq: event.seq, eventId: event.id }, headHash: previousHash };
    }
    previousHash = event.hash;
    previousId = event.id;
    expectedSeq += 1;
    checked += 1;
  }
  if (expectedHead && (expectedHead.seq !== checked || expectedHead.headHash !== previousHash)) {
    // The newest events were removed: the chain head remembers how far it went.
    return { checked, problem: { kind: "missing", seq: checked + 1, afterEventId: previousId }, headHash: previousHash };
  }
  return { checked, problem: null, headHash: previousHash };
}
