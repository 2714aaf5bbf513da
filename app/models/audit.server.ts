import { ChainVerifier, GENESIS_HASH, GLOBAL_CHAIN, computeAuditHash, projectChain, type ChainProblem } from "../lib/audit-hash";
import { type Db, type Tx, getDb } from "../db.server";

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
async function lockChainHead(tx: Tx, chain: string, count = 1): Promise<{ seq: number; previousHash: string }> {
  const existing = await tx.auditChainHead.updateMany({ where: { chain }, data: { seq: { increment: count } } });
  if (existing.count === 0) {
    await tx.auditChainHead.create({ data: { chain, seq: count, headHash: GENESIS_HASH } });
    return { seq: 1, previousHash: GENESIS_HASH };
  }
  const head = await tx.auditChainHead.findUniqueOrThrow({ where: { chain } });
  return { seq: head.seq - count + 1, previousHash: head.headHash };
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
    };
    const hash = computeAuditHash(event);
    previousHash = hash;
    return { ...event, hash };
  });
  for (let i = 0; i < rows.length; i += 1000) await tx.auditEvent.createMany({ data: rows.slice(i, i + 1000) });
  await tx.auditChainHead.update({ where: { chain }, data: { headHash: previousHash } });
  // Each event's place in its chain, in the order given (a claim's decision refers to it).
  return rows.map(({ seq, hash }) => ({ seq, hash }));
}

/** Records an event on its own (for things that change nothing else, such as a failed sign-in). */
export async function recordAuditEvent(input: AuditEventInput, db: Db = getDb()): Promise<void> {
  await db.$transaction((tx) => appendAuditEvent(tx, input));
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
}

/** Re-computes a chain from its first event; reads and checks it in pages so memory stays flat. */
export async function verifyAuditChain(chain: string, db: Db = getDb()): Promise<ChainVerification> {
  const head = await db.auditChainHead.findUnique({ where: { chain } });
  const verifier = new ChainVerifier();
  let afterSeq = 0;
  for (;;) {
    const page = await db.auditEvent.findMany({ where: { chain, seq: { gt: afterSeq } }, orderBy: { seq: "asc" }, take: 1000 });
    if (page.length === 0 || !page.every((event) => verifier.add(event))) break;
    afterSeq = page[page.length - 1]!.seq;
  }
  return { chain, ...verifier.finish(head ?? { seq: 0, headHash: GENESIS_HASH }) };
}
