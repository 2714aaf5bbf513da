import { createHash, createHmac } from "node:crypto";

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
  /** The AUDIT_HMAC_KEY that keys the hash (its id), or null for a plain SHA-256. */
  keyId?: string | null;
}

/** A secret kept outside the database (AUDIT_HMAC_KEY) that keys the chain, so that rewriting it needs the secret. */
export interface AuditKey {
  /** Names the key in each event without revealing it: the first 16 hex digits of an HMAC of a fixed text. */
  id: string;
  secret: string;
}

export function auditKeyFrom(secret: string): AuditKey {
  return { id: createHmac("sha256", secret).update("claimdesk audit key id").digest("hex").slice(0, 16), secret };
}

export class AuditKeyError extends Error {}

export const GENESIS_HASH = "0".repeat(64);

export function projectChain(projectId: number): string {
  return `project:${projectId}`;
}
export const GLOBAL_CHAIN = "global";

/**
 * SHA-256 of the event's fields, or, for a keyed event, an HMAC-SHA256 with the key, whose id
 * is then hashed too (so a keyed event cannot pass for a plain one). Plain events hash exactly
 * as before keys existed, so chains written earlier still verify.
 */
export function computeAuditHash(event: AuditHashInput, key?: AuditKey | null): string {
  const fields: unknown[] = [
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
  ];
  if (!event.keyId) return createHash("sha256").update(JSON.stringify(fields)).digest("hex");
  if (!key || key.id !== event.keyId) throw new AuditKeyError(`the event is keyed with key ${event.keyId}, which was not given`);
  return createHmac("sha256", key.secret)
    .update(JSON.stringify([...fields, event.keyId]))
    .digest("hex");
}

export type ChainProblem =
  | { kind: "edited"; seq: number; eventId: number }
  | { kind: "missing"; seq: number; afterEventId: number | null }
  | { kind: "reordered"; seq: number; eventId: number }
  /** Keyed with a key the verifier was not given (AUDIT_HMAC_KEY unset, or another key). */
  | { kind: "unverifiable"; seq: number; eventId: number; keyId: string }
  /** A plain event after a keyed one: written, or rewritten, without the key. */
  | { kind: "downgraded"; seq: number; eventId: number }
  /** The key is given, yet the newest event is plain: the chain was rewritten without it, or never keyed since the key was set. */
  | { kind: "not_keyed"; seq: number; eventId: number }
  /** The expected head (a hash printed in a report) is no event of the chain: events were deleted or rewritten. */
  | { kind: "anchor_missing"; expectedHead: string };

/** What is wrong with a chain, in one sentence an operator can act on. */
export function describeChainProblem(p: ChainProblem, chain: string): string {
  switch (p.kind) {
    case "missing":
      return `event #${p.seq} of ${chain} is missing (deleted) after event id ${p.afterEventId ?? "none"}`;
    case "edited":
      return `event id ${p.eventId} (#${p.seq} of ${chain}) was edited`;
    case "reordered":
      return `event id ${p.eventId} (#${p.seq} of ${chain}) is out of order or its link was altered`;
    case "unverifiable":
      return `event id ${p.eventId} (#${p.seq} of ${chain}) is keyed with key id ${p.keyId}; set AUDIT_HMAC_KEY to that key to verify it`;
    case "downgraded":
      return `event id ${p.eventId} (#${p.seq} of ${chain}) is not keyed although earlier events are: it was written or rewritten without AUDIT_HMAC_KEY`;
    case "not_keyed":
      return `the newest event (id ${p.eventId}, #${p.seq} of ${chain}) is not keyed although AUDIT_HMAC_KEY is set: the chain was rewritten without the key, or the app has not started with the key since it was set`;
    case "anchor_missing":
      return `the expected head ${p.expectedHead} is no event of ${chain}: events up to it were deleted or rewritten`;
  }
}

export interface VerifyOptions {
  key?: AuditKey | null;
  /** A hash the chain must contain (a report's head hash), every later event chaining from it to the head. */
  expectHead?: string | null;
}

export interface ChainVerificationResult {
  checked: number;
  problem: ChainProblem | null;
  headHash: string;
  /** Where the expected head was found (0 for the empty chain's hash). */
  anchorSeq?: number;
  /** The first keyed event, when any. */
  keyedFromSeq?: number;
}

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
  private previousKeyed = false;
  private expectedSeq = 1;
  private anchorSeq: number | undefined;
  private keyedFromSeq: number | undefined;
  checked = 0;
  problem: ChainProblem | null = null;

  constructor(private readonly options: VerifyOptions = {}) {
    if (options.expectHead === GENESIS_HASH) this.anchorSeq = 0;
  }

  /** Returns false once a problem is found; later events are not looked at. */
  add(event: StoredAuditEvent): boolean {
    if (this.problem) return false;
    const key = this.options.key ?? null;
    if (event.seq !== this.expectedSeq) {
      this.problem =
        event.seq > this.expectedSeq
          ? { kind: "missing", seq: this.expectedSeq, afterEventId: this.previousId }
          : { kind: "reordered", seq: event.seq, eventId: event.id };
    } else if (event.keyId && (!key || key.id !== event.keyId)) {
      this.problem = { kind: "unverifiable", seq: event.seq, eventId: event.id, keyId: event.keyId };
    } else if (!event.keyId && this.previousKeyed) {
      this.problem = { kind: "downgraded", seq: event.seq, eventId: event.id };
    } else if (computeAuditHash(event, key) !== event.hash) {
      this.problem = { kind: "edited", seq: event.seq, eventId: event.id };
    } else if (event.prevHash !== this.previousHash) {
      this.problem = { kind: "reordered", seq: event.seq, eventId: event.id };
    }
    if (this.problem) return false;
    if (event.hash === this.options.expectHead) this.anchorSeq = event.seq;
    if (event.keyId && this.keyedFromSeq === undefined) this.keyedFromSeq = event.seq;
    this.previousHash = event.hash;
    this.previousId = event.id;
    this.previousKeyed = Boolean(event.keyId);
    this.expectedSeq += 1;
    this.checked += 1;
    return true;
  }

  /** The result; the chain head (when given) catches deletion of the newest events. */
  finish(chainHead?: { seq: number; headHash: string }): ChainVerificationResult {
    if (!this.problem && chainHead && (chainHead.seq !== this.checked || chainHead.headHash !== this.previousHash)) {
      this.problem = { kind: "missing", seq: this.checked + 1, afterEventId: this.previousId };
    }
    if (!this.problem && this.options.key && this.checked > 0 && !this.previousKeyed && this.previousId !== null) {
      this.problem = { kind: "not_keyed", seq: this.checked, eventId: this.previousId };
    }
    // Every event after the anchor was checked to chain to the head, so finding it is enough.
    if (!this.problem && this.options.expectHead && this.anchorSeq === undefined) {
      this.problem = { kind: "anchor_missing", expectedHead: this.options.expectHead };
    }
    return {
      checked: this.checked,
      problem: this.problem,
      headHash: this.previousHash,
      ...(this.anchorSeq === undefined ? {} : { anchorSeq: this.anchorSeq }),
      ...(this.keyedFromSeq === undefined ? {} : { keyedFromSeq: this.keyedFromSeq }),
    };
  }
}

export function verifyChain(
  events: Iterable<StoredAuditEvent>,
  chainHead?: { seq: number; headHash: string },
  options: VerifyOptions = {},
): ChainVerificationResult {
  const verifier = new ChainVerifier(options);
  for (const event of events) if (!verifier.add(event)) break;
  return verifier.finish(chainHead);
}
