// What the probes watch while they store or group a big article: the event loop's gaps (a 5 ms
// timer that fires late has been held), and, with PROBE_PROFILE=out.cpuprofile, a CPU profile.
import fs from "node:fs";
import { Session } from "node:inspector/promises";
import { performance } from "node:perf_hooks";

/** Gaps over `reportOverMs` of a 5 ms timer, each passed to `onStall` and kept; `restart` begins a new measure. */
export function watchEventLoop(options: { reportOverMs?: number; onStall?: (ms: number, endedAt: number) => void } = {}) {
  const reportOverMs = options.reportOverMs ?? 90;
  const stalls: number[] = [];
  let longest = 0;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const gap = now - last;
    longest = Math.max(longest, gap);
    if (gap > reportOverMs) {
      stalls.push(gap);
      options.onStall?.(gap, now);
    }
    last = now;
  }, 5);
  return {
    stalls,
    restart: () => {
      last = performance.now();
      longest = 0;
    },
    /** The longest gap so far, counting the one still open. */
    longest: () => Math.max(longest, performance.now() - last),
    stop: () => clearInterval(timer),
  };
}

/** Starts a CPU profile when PROBE_PROFILE names a file; the returned function stops it and writes the file. */
export async function profileIfAsked(): Promise<() => Promise<void>> {
  const file = process.env.PROBE_PROFILE;
  if (!file) return async () => undefined;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    fs.writeFileSync(file, JSON.stringify(profile));
  };
}
