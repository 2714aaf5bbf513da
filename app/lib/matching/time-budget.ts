import { setImmediate as nextTurn } from "node:timers/promises";

/**
 * A matching request's time budget. Work checks `exhausted` between steps and stops with what it
 * has; `breathe` gives the event loop a turn every few milliseconds, so other requests (and
 * health checks) are answered while a long one works.
 */
export class TimeBudget {
  private readonly deadline: number;
  private sliceStart: number;

  constructor(
    readonly ms: number,
    private readonly now: () => number = () => performance.now(),
    private readonly sliceMs = 20,
  ) {
    this.deadline = now() + ms;
    this.sliceStart = now();
  }

  /** What is left of this budget, at most `ms` of it, on the same clock: one step of a request that must leave time for the next. */
  part(ms: number): TimeBudget {
    return new TimeBudget(Math.max(0, Math.min(ms, this.deadline - this.now())), this.now, this.sliceMs);
  }

  get exhausted(): boolean {
    return this.now() >= this.deadline;
  }

  async breathe(): Promise<void> {
    if (this.now() - this.sliceStart < this.sliceMs) return;
    await nextTurn();
    this.sliceStart = this.now();
  }
}

/** How long one matching request may work before it answers with what it has. */
export const MATCHING_BUDGET_MS = 5_000;
