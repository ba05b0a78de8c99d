// Reading a request: JSON bodies and query strings, always through a zod schema. Every route
// reads its body here, so the size and nesting limits hold for all of them.
import type { z } from "zod";
import { invalid } from "@/lib/domain/errors";
import { MAX_BODY_BYTES, MAX_JSON_DEPTH, TOO_DEEP, TOO_LARGE, nestsDeeperThan } from "./body-limits";
import { RequestRefused } from "./refusal";

export { MAX_BODY_BYTES, MAX_JSON_DEPTH } from "./body-limits";

const tooLarge = () => new RequestRefused(413, "request_too_large", TOO_LARGE);

/**
 * The body as text, refused with 413 past MAX_BODY_BYTES: at once when Content-Length says so,
 * else while reading, so a chunked body is never held in full beyond the limit.
 */
export async function readBodyText(req: Request): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) throw tooLarge();
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Postgres text cannot hold NUL: such input is refused on its field, never sent to the database. */
function refuseNul(value: unknown, path: (string | number)[] = []): void {
  if (typeof value === "string") {
    if (value.includes("\u0000")) throw invalid("Null characters are not allowed.", path.length ? path.join(".") : null);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => refuseNul(item, [...path, i]));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\u0000")) throw invalid("Null characters are not allowed.", path.join(".") || null);
      refuseNul(item, [...path, key]);
    }
  }
}

/** The JSON body parsed by `schema`; an empty body counts as `{}`. */
export async function parseJsonBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  return schema.parse(await readJsonBody(req));
}

/** The JSON body as sent (an empty body counts as `{}`), before any schema. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const text = await readBodyText(req);
  let value: unknown = {};
  if (text.trim() !== "") {
    const type = req.headers.get("content-type") ?? "";
    if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
      throw new RequestRefused(415, "unsupported_media_type", `Unsupported media type "${type.split(";")[0] || "none"}" in request.`);
    }
    // Before parsing: everything after JSON.parse walks the value recursively.
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw new RequestRefused(400, "too_deep", TOO_DEEP);
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new RequestRefused(400, "parse_error", `JSON parse error - ${(error as Error).message}`);
    }
  }
  refuseNul(value);
  return value;
}

export function parseQuery<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  const query = Object.fromEntries(new URL(req.url).searchParams);
  refuseNul(query);
  return schema.parse(query);
}
