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
 * Checks one chain in seq order, one event at a time, so a chain of any length is
 * verified in constant memory. A gap in seq numbers is a deletion, a hash that does
 * not match the content is an edit, a prevHash that does not match the previous
 * event's hash is a reordering (or an edit of a neighbour's link).
 */
export class ChainVerifier {
  private previousHash = GENESIS_HASH;
  private previousId: number | null = null;
  private expectedSeq = 1;
  checked = 0;
  problem: ChainProblem | null = null;

  /** Returns false once a problem is found; later events are not looked at. */
  add(event: StoredAuditEvent): boolean {
    if (this.problem) return false;
    if (event.seq !== this.expectedSeq) {
      this.problem =
        event.seq > this.expectedSeq
          ? { kind: "missing", seq: this.expectedSeq, afterEventId: this.previousId }
          : { kind: "reordered", seq: event.seq, eventId: event.id };
    } else if (computeAuditHash(event) !== event.hash) {
      this.problem = { kind: "edited", seq: event.seq, eventId: event.id };
    } else if (event.prevHash !== this.previousHash) {
      this.problem = { kind: "reordered", seq: event.seq, eventId: event.id };
    }
    if (this.problem) return false;
    this.previousHash = event.hash;
    this.previousId = event.id;
    this.expectedSeq += 1;
    this.checked += 1;
    return true;
  }

  /** The result; the chain head (when given) catches deletion of the newest events. */
  finish(expectedHead?: { seq: number; headHash: string }): { checked: number; problem: ChainProblem | null; headHash: string } {
    if (!this.problem && expectedHead && (expectedHead.seq !== this.checked || expectedHead.headHash !== this.previousHash)) {
      this.problem = { kind: "missing", seq: this.checked + 1, afterEventId: this.previousId };
    }
    return { checked: this.checked, problem: this.problem, headHash: this.previousHash };
  }
}

export function verifyChain(
  events: Iterable<StoredAuditEvent>,
  expectedHead?: { seq: number; headHash: string },
): { checked: number; problem: ChainProblem | null; headHash: string } {
  const verifier = new ChainVerifier();
  for (const event of events) if (!verifier.add(event)) break;
  return verifier.finish(expectedHead);
}
