/**
 * How much longer `run(large)` takes than `run(small)`: the best of a few trials each, every
 * trial repeating the call until it has taken long enough to time. A ratio, not a time, so it
 * holds on a busy machine: linear work grows by about large/small, quadratic by its square.
 */
export function growthRatio(run: (size: number) => unknown, small: number, large: number): number {
  run(small);
  const perCall = (size: number) => {
    let best = Infinity;
    for (let trial = 0; trial < 3; trial += 1) {
      const started = performance.now();
      let calls = 0;
      do {
        run(size);
        calls += 1;
      } while (performance.now() - started < 25);
      best = Math.min(best, (performance.now() - started) / calls);
    }
    return best;
  };
  // A pause of the shared machine or the garbage collector inflates one measurement; a
  // quadratic cost inflates every one, so the least of a few rounds still shows it.
  let least = Infinity;
  for (let round = 0; round < 3; round += 1) least = Math.min(least, perCall(large) / perCall(small));
  return least;
}

/** The bound a linear ratio stays under, with room for noise; a quadratic one is (large/small)² and far above it. */
export function linearBound(small: number, large: number): number {
  return (large / small) * 2.5;
}
