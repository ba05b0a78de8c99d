// Reading a request: JSON bodies and query strings, always through a zod schema.
import type { z } from "zod";

export class BadRequestBody extends Error {
  constructor(
    readonly status: 400 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** The JSON body parsed by `schema`; an empty body counts as `{}`. */
export async function parseJsonBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
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
  return schema.parse(value);
}

export function parseQuery<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  return schema.parse(Object.fromEntries(new URL(req.url).searchParams));
}
