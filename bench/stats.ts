// What every benchmark returns, and the small statistics they share.

export interface BenchResult {
  name: string
  value: number
  unit: string
  /** What `value` is compared with: a reference measured in the same run, or a target. */
  reference: number
  /** What the reference is, e.g. "raw Postgres update+insert tx/s" or "target". */
  referenceName?: string
}

/** The q-quantile (0..1) of the values, nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

export const round1 = (value: number) => Math.round(value * 10) / 10

/** Runs `task(i)` for i in 0..count-1 with at most `concurrency` in flight. */
export async function inParallel(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0
  const lane = async () => {
    while (next < count) await task(next++)
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane))
}

/** Calls `fn` and adds its duration in milliseconds to `into`. */
export async function timed<T>(into: number[], fn: () => Promise<T>): Promise<T> {
  const start = performance.now()
  try {
    return await fn()
  } finally {
    into.push(performance.now() - start)
  }
}
