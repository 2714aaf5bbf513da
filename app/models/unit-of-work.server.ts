import { type Tx, getDb } from "../db.server";
import { type AuditEventInput, appendAuditEvents } from "./audit.server";
import { publishProjectEvent } from "./events.server";
import type { Actor } from "./user.server";

/** An audit event as a write records it: who acted and from where are filled in from the actor. */
export type AuditEntry = Omit<AuditEventInput, "projectId" | "actorId" | "actorName" | "ip">;

export interface ProjectWrite {
  tx: Tx;
  /**
   * Appends events to the project's audit trail in this transaction, as the actor; returns
   * each event's place in the chain (a claim's decision refers to it). Pass a whole batch
   * at once: each call takes the chain's lock.
   */
  audit(...entries: AuditEntry[]): Promise<Array<{ seq: number; hash: string }>>;
  /** Tells the project's open pages that these claims changed; sent once the transaction has committed. */
  claimsChanged(claimIds: number[], summary: string): void;
  /**
   * Work that must see the committed change but is not part of it (regrouping a claim's fact,
   * sending notifications): run after the commit, in order, before the live update is published.
   */
  afterCommit(task: () => Promise<unknown>): void;
}

export interface ProjectWriteOptions {
  projectId: number;
  actor: Actor;
  /** Raise Prisma's interactive-transaction limits for large changes (bulk edits and their undo). */
  large?: boolean;
}

/**
 * Every change to a project's data goes through here: one transaction, the audit events
 * appended inside it (so an event is stored if and only if its change is), and the live
 * update published after the commit (so no page reloads before the change is visible).
 * A write that announces changed claims without recording anything in the trail is a
 * bug and fails before it commits.
 */
export async function writeProject<T>(options: ProjectWriteOptions, work: (write: ProjectWrite) => Promise<T>): Promise<T> {
  const { projectId, actor } = options;
  const changes: Array<{ claimIds: number[]; summary: string }> = [];
  const afterCommit: Array<() => Promise<unknown>> = [];
  const value = await getDb().$transaction(
    async (tx) => {
      let recorded = 0;
      // Appends run one after another (each takes the chain head in turn), and all of them
      // finish before the transaction commits, even one the work forgot to await.
      const appends: Array<Promise<unknown>> = [];
      let previous: Promise<unknown> = Promise.resolve();
      const result = await work({
        tx,
        audit: (...entries) => {
          recorded += entries.length;
          const rows = entries.map((entry) => ({ ...entry, actorId: actor.id, actorName: actor.name, ip: actor.ip }));
          const appended = previous.then(() => appendAuditEvents(tx, projectId, rows));
          previous = appended.catch(() => undefined);
          appends.push(appended);
          return appended;
        },
        claimsChanged: (claimIds, summary) => void changes.push({ claimIds, summary }),
        afterCommit: (task) => void afterCommit.push(task),
      });
      await Promise.all(appends);
      if (changes.some((change) => change.claimIds.length > 0) && recorded === 0)
        throw new Error("A write announced changed claims but recorded no audit event.");
      return result;
    },
    // A write waits its turn for a connection when many arrive at once (Prisma's default
    // of 2 s refused some of 30 verdicts racing two bulk changes on PostgreSQL, P2028).
    options.large ? { timeout: 120_000, maxWait: 30_000 } : { maxWait: 10_000 },
  );
  for (const task of afterCommit) await task();
  for (const change of changes) {
    await publishProjectEvent({ type: "claims-changed", projectId, claimIds: change.claimIds, actorId: actor.id, summary: change.summary });
  }
  return value;
}
