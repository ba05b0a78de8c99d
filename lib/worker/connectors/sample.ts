// `sample`: synthetic records, for demos and tests: how many, how slowly, how many fail.
import { createHash } from "node:crypto";
import { z } from "zod";
import { ConnectorConfigError, type Source } from "./types";

const sampleConfig = z.object({
  count: z.number().int().min(0).max(10_000_000).default(100),
  delay_ms: z.number().min(0).max(60_000).default(0), // per record
  failure_rate: z.number().min(0).max(1).default(0),
  batch_size: z.number().int().min(1).max(10_000).default(500),
});

/** A small seeded generator (mulberry32): the same seed fails the same records. */
function random(seed: string): () => number {
  let state = createHash("sha256").update(seed).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const sampleSource: Source = async function* ({ config, cursor, seed }) {
  const parsed = sampleConfig.safeParse(config);
  if (!parsed.success) throw new ConnectorConfigError(`sample: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const { count, delay_ms, failure_rate, batch_size } = parsed.data;
  const next = random(seed);
  // Incremental: a run continues numbering where the last one stopped.
  const start = cursor ? Number(cursor) || 0 : 0;
  for (let offset = 0; offset < count; offset += batch_size) {
    const size = Math.min(batch_size, count - offset);
    if (delay_ms) await sleep(delay_ms * size);
    const records = Array.from({ length: size }, (_, i) => {
      const n = start + offset + i + 1;
      const ok = next() >= failure_rate;
      const data = { n, value: Math.round(next() * 1e6) / 1e3, label: `record ${n}` };
      return ok ? { ok, data } : { ok, data, reason: `record ${n} was rejected by the sample source (failure_rate ${failure_rate})` };
    });
    yield { records, cursor: String(start + offset + size) };
  }
};
