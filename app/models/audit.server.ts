import {
  type AuditKey,
  AuditKeyError,
  type ChainProblem,
  ChainVerifier,
  GENESIS_HASH,
  GLOBAL_CHAIN,
  auditKeyFrom,
  computeAuditHash,
  projectChain,
} from "../lib/audit-hash";
import { getConfig } from "../config.server";
import { KeyedQueue } from "../lib/keyed-queue";
import { type Db, type Tx, getDb } from "../db.server";

let derivedKey: AuditKey | undefined;
/** The key from AUDIT_HMAC_KEY (derived once per secret), or null when it is unset. */
export function configuredAuditKey(): AuditKey | null {
  const secret = getConfig().AUDIT_HMAC_KEY;
  if (!secret) return null;
  if (derivedKey?.secret !== secret) derivedKey = auditKeyFrom(secret);
  return derivedKey;
}

/** Why this process may not append to a chain keyed with `chainKeyId`, or null when it may. */
function keyMismatch(chainKeyId: string | null, key: AuditKey | null): string | null {
  if (!chainKeyId || chainKeyId === key?.id) return null;
  return key
    ? `AUDIT_HMAC_KEY is not the key the audit trail is keyed with (key id ${chainKeyId}, this one is ${key.id})`
    : `the audit trail is keyed (key id ${chainKeyId}) and AUDIT_HMAC_KEY is not set`;
}

export interface AuditEventInput {
  projectId?: number | null;
  actorId?: number | null;
  actorName?: string | null;
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends one event to its chain inside the caller's transaction, so the event is
 * written if and only if the change it records is. Bumping the chain head first
 * takes its row lock (PostgreSQL) or the write lock (SQLite), which orders
 * concurrent appends.
 */
export async function appendAuditEvent(tx: Tx, input: AuditEventInput): Promise<void> {
  await appendAuditEvents(tx, input.projectId ?? null, [input]);
}

/** Reserves `count` sequence numbers on a chain; returns the first one and the hash to link it to. */
async function lockChainHead(tx: Tx, chain: string, count = 1): Promise<{ seq: number; previousHash: string; keyId: string | null }> {
  const existing = await tx.auditChainHead.updateMany({ where: { chain }, data: { seq: { increment: count } } });
  if (existing.count === 0) {
    await tx.auditChainHead.create({ data: { chain, seq: count, headHash: GENESIS_HASH } });
    return { seq: 1, previousHash: GENESIS_HASH, keyId: null };
  }
  const head = await tx.auditChainHead.findUniqueOrThrow({ where: { chain } });
  return { seq: head.seq - count + 1, previousHash: head.headHash, keyId: head.keyId };
}

/**
 * Takes a chain's lock in the caller's transaction without appending an event: the row lock of
 * its head on PostgreSQL (held until the transaction ends; SQLite's transactions already hold
 * the write lock), so the transaction waits for, and then sees, every other write of the chain
 * that appends or locks. For a write done in several transactions whose event is recorded in
 * only one of them (fact grouping, a slice at a time). Every project's chain has a head from its
 * first event ("project.created"); a chain without one has nothing to lock yet.
 */
export async function lockAuditChain(tx: Tx, projectId: number | null): Promise<void> {
  const chain = projectId === null ? GLOBAL_CHAIN : projectChain(projectId);
  await tx.auditChainHead.updateMany({ where: { chain }, data: { seq: { increment: 0 } } });
}

/**
 * Appends events of one chain (a project's, or the global one for null) in order, in
 * the caller's transaction, with one lock of the chain head and batched inserts (a
 * bulk change of 10,000 claims writes 10,000 events).
 */
export async function appendAuditEvents(
  tx: Tx,
  projectId: number | null,
  inputs: Array<Omit<AuditEventInput, "projectId">>,
): Promise<Array<{ seq: number; hash: string }>> {
  if (inputs.length === 0) return [];
  const chain = projectId === null ? GLOBAL_CHAIN : projectChain(projectId);
  const head = await lockChainHead(tx, chain, inputs.length);
  const key = configuredAuditKey();
  // A plain event after keyed ones would read as a rewrite: refuse rather than weaken the chain.
  const mismatch = keyMismatch(head.keyId, key);
  if (mismatch) throw new AuditKeyError(`cannot record the change: ${mismatch}`);
  let previousHash = head.previousHash;
  const createdAt = new Date();
  const rows = inputs.map((input, index) => {
    const event = {
      chain,
      seq: head.seq + index,
      projectId,
      actorId: input.actorId ?? null,
      actorName: input.actorName ?? null,
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId === undefined || input.targetId === null ? null : String(input.targetId),
      ip: input.ip ?? null,
      details: JSON.stringify(input.details ?? {}),
      createdAt,
      prevHash: previousHash,
      keyId: key?.id ?? null,
    };
    const hash = computeAuditHash(event, key);
    previousHash = hash;
    return { ...event, hash };
  });
  for (let i = 0; i < rows.length; i += 1000) await tx.auditEvent.createMany({ data: rows.slice(i, i + 1000) });
  await tx.auditChainHead.update({ where: { chain }, data: { headHash: previousHash, keyId: key?.id ?? null } });
  // Each event's place in its chain, in the order given (a claim's decision refers to it).
  return rows.map(({ seq, hash }) => ({ seq, hash }));
}

/**
 * Events recorded on their own wait their turn for the chain in memory, one transaction per chain
 * and process at a time, instead of each holding a pooled connection while it waits for the
 * chain's head row (a burst of sign-ins all append to the global chain); and a transaction waits
 * long enough for other instances' appends, where Prisma's default 5 s expired under load.
 */
const chainTurns = new KeyedQueue();
const STANDALONE_TRANSACTION = { maxWait: 15_000, timeout: 15_000 };

/** Records an event on its own (for things that change nothing else, such as a failed sign-in). */
export async function recordAuditEvent(input: AuditEventInput, db: Db = getDb()): Promise<void> {
  const chain = input.projectId == null ? GLOBAL_CHAIN : projectChain(input.projectId);
  await chainTurns.run([chain], () => db.$transaction((tx) => appendAuditEvent(tx, input), STANDALONE_TRANSACTION));
}

export async function listAuditEvents(filter: { projectId?: number | null; actions?: string[]; take?: number }) {
  return getDb().auditEvent.findMany({
    where: {
      ...(filter.projectId !== undefined ? { projectId: filter.projectId } : {}),
      ...(filter.actions ? { action: { in: filter.actions } } : {}),
    },
    orderBy: { id: "desc" },
    take: filter.take ?? 100,
  });
}

export interface ChainVerification {
  chain: string;
  checked: number;
  headHash: string;
  problem: ChainProblem | null;
  anchorSeq?: number;
  keyedFromSeq?: number;
  /** The key the verification used (AUDIT_HMAC_KEY), by id. */
  keyId: string | null;
}

/**
 * Re-computes a chain from its first event; reads and checks it in pages so memory stays flat.
 * With `expectHead` (a head hash a report printed) the chain must contain that hash, which
 * catches deleting its newest events together with the head row, deleting the whole chain, or
 * rewriting an event and rehashing all later ones: the head row lives in the same database.
 */
export async function verifyAuditChain(chain: string, options: { expectHead?: string | null; db?: Db } = {}): Promise<ChainVerification> {
  const db = options.db ?? getDb();
  const key = configuredAuditKey();
  const head = await db.auditChainHead.findUnique({ where: { chain } });
  const verifier = new ChainVerifier({ key, expectHead: options.expectHead ?? null });
  let afterSeq = 0;
  for (;;) {
    const page = await db.auditEvent.findMany({ where: { chain, seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: 1000 });
    if (page.length === 0 || !page.every((event) => verifier.add(event))) break;
    afterSeq = page[page.length - 1]!.seq;
  }
  return { chain, keyId: key?.id ?? null, ...verifier.finish(head ?? { seq: 0, headHash: GENESIS_HASH }) };
}

/**
 * With AUDIT_HMAC_KEY set, appends one keyed `audit.keyed` event to every chain whose newest
 * event is not keyed with it, so that from then on a plain newest event reads as a rewrite
 * (verification with the key requires a keyed head). Runs at start after the migrations.
 * Refuses, with one line, a key other than the one the trail is keyed with.
 */
export async function keyAuditChains(options: { db?: Db; chains?: string[] } = {}): Promise<{ keyed: number }> {
  const db = options.db ?? getDb();
  const key = configuredAuditKey();
  const heads = await db.auditChainHead.findMany({
    where: options.chains ? { chain: { in: options.chains } } : {},
    select: { chain: true, keyId: true },
  });
  for (const head of heads) {
    const mismatch = keyMismatch(head.keyId, key);
    if (mismatch) throw new AuditKeyError(mismatch);
  }
  if (!key) return { keyed: 0 };
  let keyed = 0;
  for (const head of heads) {
    if (head.keyId === key.id) continue;
    const projectId = head.chain === GLOBAL_CHAIN ? null : Number(head.chain.slice("project:".length));
    await db.$transaction((tx) =>
      appendAuditEvents(tx, projectId, [{ actorName: "claimdesk", action: "audit.keyed", details: { keyId: key.id } }]),
    );
    keyed += 1;
  }
  return { keyed };
}
