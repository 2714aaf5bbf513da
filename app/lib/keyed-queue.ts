/**
 * Runs tasks one at a time per key, in arrival order, inside one process. A task takes its
 * place on all its keys at once, synchronously, so every key sees tasks in the same order and
 * two tasks never wait on each other; and `waitingFor` counts a task from the moment `run` is
 * called, so a caller can check it and refuse work instead of queueing without end.
 */
export class KeyedQueue {
  private readonly lanes = new Map<string, { tail: Promise<void>; pending: number }>();

  waitingFor(key: string): number {
    return this.lanes.get(key)?.pending ?? 0;
  }

  async run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const places = [...new Set(keys)].map((key) => this.takePlace(key));
    try {
      await Promise.all(places.map((place) => place.turn));
      return await task();
    } finally {
      for (const place of places) place.leave();
    }
  }

  private takePlace(key: string): { turn: Promise<void>; leave: () => void } {
    const lane = this.lanes.get(key) ?? { tail: Promise.resolve(), pending: 0 };
    this.lanes.set(key, lane);
    lane.pending += 1;
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const turn = lane.tail;
    lane.tail = turn.then(() => finished);
    return {
      turn,
      leave: () => {
        lane.pending -= 1;
        if (lane.pending === 0) this.lanes.delete(key);
        done();
      },
    };
  }
}
