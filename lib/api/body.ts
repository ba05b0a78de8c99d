// Reading a request: JSON bodies and query strings, always through a zod schema.
import type { z } from "zod";
import { invalid } from "@/lib/domain/errors";

export class BadRequestBody extends Error {
  constructor(
    readonly status: 400 | 415,
    message: string,
  ) {
    super(message);
  }
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
  const text = await req.text();
  let value: unknown = {};
  if (text.trim() !== "") {
    const type = req.headers.get("content-type") ?? "";
    if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
      throw new BadRequestBody(415, `Unsupported media type "${type.split(";")[0] || "none"}" in request.`);
    }
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new BadRequestBody(400, `JSON parse error - ${(error as Error).message}`);
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
