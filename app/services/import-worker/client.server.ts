import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { WorkerReply, WorkerRequest } from "./protocol";

/** The worker thread's entry beside this file in the sources; the built server runs from the project root. */
function entryPath(): string {
  const beside = path.join(path.dirname(fileURLToPath(import.meta.url)), "entry.mjs");
  return fs.existsSync(beside) ? beside : path.resolve(process.cwd(), "app/services/import-worker/entry.mjs");
}

// A runaway file fails its own job ("out of memory") instead of taking the server process down.
const THREAD_HEAP_MB = 1_024;

/**
 * One worker thread that reads import files: one request at a time (later ones wait their
 * turn), each answered by one reply. A thread that dies (out of memory, a crash) fails the
 * request in flight; the next starts a new one.
 */
export class ImportThread {
  private worker: Worker | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private pending: { resolve: (reply: WorkerReply) => void; reject: (error: Error) => void } | null = null;

  private start(): Worker {
    const worker = new Worker(entryPath(), { resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } });
    // An idle thread does not keep a process (the CLI, a test) alive.
    worker.unref();
    worker.on("message", (reply: WorkerReply) => {
      const pending = this.pending;
      this.pending = null;
      pending?.resolve(reply);
    });
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      const pending = this.pending;
      this.pending = null;
      pending?.reject(error);
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the import thread stopped (exit code ${code})`)));
    return worker;
  }

  request(message: WorkerRequest): Promise<WorkerReply> {
    const turn = this.queue.then(() => this.send(message));
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private send(message: WorkerRequest): Promise<WorkerReply> {
    this.worker ??= this.start();
    const worker = this.worker;
    return new Promise<WorkerReply>((resolve, reject) => {
      this.pending = { resolve, reject };
      worker.ref();
      worker.postMessage(message);
    }).finally(() => worker.unref());
  }

  async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
