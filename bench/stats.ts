// Timing and load: percentiles of samples, and N clients sharing a bounded number of requests.
export const now = () => performance.now();

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export interface LoadResult {
  latencies: number[];
  elapsedMs: number;
  p50: number;
  p99: number;
  /** Requests per second over the whole run. */
  throughput: number;
}

/** `clients` loops run `task` until `total` calls are done or `maxMs` has passed. */
export async function runLoad(clients: number, total: number, maxMs: number, task: () => Promise<void>): Promise<LoadResult> {
  const latencies: number[] = [];
  let started = 0;
  const begin = now();
  const deadline = begin + maxMs;
  const client = async () => {
    while (started < total && now() < deadline) {
      started++;
      const t = now();
      await task();
      latencies.push(now() - t);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const elapsedMs = now() - begin;
  return {
    latencies,
    elapsedMs,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    throughput: (latencies.length * 1000) / elapsedMs,
  };
}

/** One client, `samples` calls after a few warm-up calls: the median and p99 in ms. */
export async function sample(samples: number, task: () => Promise<void>): Promise<LoadResult> {
  for (let i = 0; i < Math.min(5, samples); i++) await task();
  return runLoad(1, samples, 60_000, task);
}

export async function timeOnce(task: () => Promise<void>): Promise<number> {
  const t = now();
  await task();
  return now() - t;
}
