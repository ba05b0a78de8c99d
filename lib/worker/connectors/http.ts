// `http`: a JSON array from a URL; incremental on a cursor field when one is configured.
import { z } from "zod";
import { ConnectorConfigError, type Source } from "./types";

const httpConfig = z.object({
  url: z.url(),
  cursor_field: z.string().min(1).optional(),
  records_path: z.string().min(1).optional(), // e.g. "data.items" when the array is nested
  timeout_ms: z.number().int().min(100).max(120_000).default(15_000),
  batch_size: z.number().int().min(1).max(10_000).default(500),
});

function at(value: unknown, dotted: string | undefined): unknown {
  if (!dotted) return value;
  return dotted.split(".").reduce<unknown>((v, key) => (v && typeof v === "object" ? (v as Record<string, unknown>)[key] : undefined), value);
}

function compare(a: unknown, b: string): number {
  if (typeof a === "number" && !Number.isNaN(Number(b))) return a - Number(b);
  return String(a) < b ? -1 : String(a) > b ? 1 : 0;
}

export const httpSource: Source = async function* ({ config, cursor }) {
  const parsed = httpConfig.safeParse(config);
  if (!parsed.success) throw new ConnectorConfigError(`http: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const { url, cursor_field, records_path, timeout_ms, batch_size } = parsed.data;
  const response = await fetch(url, { signal: AbortSignal.timeout(timeout_ms), headers: { accept: "application/json" } });
  if (!response.ok) throw new Error(`the server answered ${response.status} ${response.statusText}`.trimEnd());
  const items = at(await response.json(), records_path);
  if (!Array.isArray(items)) throw new Error(`the answer is not a JSON array${records_path ? ` at ${records_path}` : ""}`);

  let newest = cursor;
  const fresh = items.filter((item) => {
    if (!cursor_field || cursor === null) return true;
    const value = item && typeof item === "object" ? (item as Record<string, unknown>)[cursor_field] : undefined;
    return value !== undefined && value !== null && compare(value, cursor) > 0;
  });
  for (let i = 0; i < fresh.length; i += batch_size) {
    const records = fresh.slice(i, i + batch_size).map((item, j) => {
      const ok = !!item && typeof item === "object" && !Array.isArray(item);
      if (!ok) return { ok, data: item, reason: `item ${i + j + 1} of the answer is ${item === null ? "null" : Array.isArray(item) ? "an array" : `a ${typeof item}`}, not a JSON object` };
      if (ok && cursor_field) {
        const value = (item as Record<string, unknown>)[cursor_field];
        if (value !== undefined && value !== null && (newest === null || compare(value, newest) > 0)) newest = String(value);
      }
      return { ok, data: item };
    });
    yield { records, cursor: newest };
  }
};
