/**
 * Wall time per pipeline stage, for the bench (`scripts/bench/pipeline-time.ts`). Off unless a
 * caller passes a map to fill: the stages stay pure, the timing only wraps them.
 */
export type StageTimes = Map<string, number>;

/** Run `f`, adding its wall time to `stage` when `times` is given. */
export function timed<T>(times: StageTimes | undefined, stage: string, f: () => T): T {
  if (!times) return f();
  const t0 = performance.now();
  try {
    return f();
  } finally {
    times.set(stage, (times.get(stage) ?? 0) + performance.now() - t0);
  }
}
