import { describe, expect, it } from "vitest";
import { KeyedQueue } from "./keyed-queue";

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe("KeyedQueue", () => {
  it("runs tasks on one key one at a time, in arrival order", async () => {
    const queue = new KeyedQueue();
    const order: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const task = (name: string) => async () => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      order.push(`start ${name}`);
      await tick();
      order.push(`end ${name}`);
      running -= 1;
      return name;
    };
    const results = await Promise.all(["a", "b", "c"].map((name) => queue.run(["ip"], task(name))));
    expect(results).toEqual(["a", "b", "c"]);
    expect(mostAtOnce).toBe(1);
    expect(order).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("lets tasks on different keys run together", async () => {
    const queue = new KeyedQueue();
    let running = 0;
    let mostAtOnce = 0;
    const task = async () => {
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      await tick();
      running -= 1;
    };
    await Promise.all([queue.run(["x"], task), queue.run(["y"], task)]);
    expect(mostAtOnce).toBe(2);
  });

  it("never deadlocks two tasks taking the same keys in opposite order", async () => {
    const queue = new KeyedQueue();
    const done = await Promise.all([
      queue.run(["account", "ip"], async () => (await tick(), 1)),
      queue.run(["ip", "account"], async () => (await tick(), 2)),
    ]);
    expect(done).toEqual([1, 2]);
  });

  it("counts the tasks holding or awaiting a key and forgets a key once idle", async () => {
    const queue = new KeyedQueue();
    let finish!: () => void;
    const first = queue.run(["ip"], () => new Promise<void>((resolve) => (finish = resolve)));
    const second = queue.run(["ip"], async () => undefined);
    expect(queue.waitingFor("ip")).toBe(2);
    await tick();
    finish();
    await Promise.all([first, second]);
    expect(queue.waitingFor("ip")).toBe(0);
  });

  it("frees the key when a task fails", async () => {
    const queue = new KeyedQueue();
    await expect(queue.run(["ip"], async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(queue.run(["ip"], async () => "next")).resolves.toBe("next");
  });
});
