import fs from "node:fs";
import os from "node:os";

/** How far below requests the import thread runs (a nice value: 0 is normal, 19 the lowest). */
export const IMPORT_THREAD_NICENESS = 10;

/**
 * Lowers the priority of the calling thread only. Parsing and extraction are background work,
 * and on a busy machine the import thread took the cores from the process's own requests (a
 * 2,000-post export at load 8: /healthz waited up to 5.6 s while the main thread held the loop
 * for under 0.2 s). Linux gives each thread its own nice value, addressed by its thread id;
 * elsewhere, or without /proc, the thread keeps its priority.
 */
export function lowerThreadPriority(niceness = IMPORT_THREAD_NICENESS): boolean {
  try {
    const threadId = Number(/task\/(\d+)$/.exec(fs.readlinkSync("/proc/thread-self"))?.[1]);
    if (!Number.isInteger(threadId) || threadId <= 0) return false;
    os.setPriority(threadId, niceness);
    return true;
  } catch {
    return false;
  }
}
