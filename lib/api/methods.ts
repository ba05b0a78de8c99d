// Methods a path does not serve. Next.js answers a method its route file does not export with
// a bare 405 and no body; every route file exports the others from here instead, so a script
// gets a 405 in its surface's dialect with an Allow header naming what the path does serve.
import type { Dialect } from "./dialect";
import { RequestRefused } from "./refusal";

export const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type Method = (typeof METHODS)[number];

type Refusal = (req: Request) => Promise<Response>;

const REFUSAL = Symbol("refusal");

/**
 * Marks a handler that only ever refuses (a 405 here, an unknown path's 404): it is no
 * operation, so the OpenAPI document leaves it out and the tests of route files can tell.
 */
export function asRefusal<H extends (req: Request) => Promise<Response>>(handler: H): H {
  return Object.assign(handler, { [REFUSAL]: true });
}

export function isRefusal(handler: unknown): boolean {
  return typeof handler === "function" && REFUSAL in handler;
}

/** The header value for a path serving `allowed`: Next.js adds HEAD for GET, and OPTIONS, itself. */
export function allowHeader(allowed: readonly Method[]): string {
  const all: string[] = [...allowed];
  if (allowed.includes("GET")) all.push("HEAD");
  all.push("OPTIONS");
  return all.join(", ");
}

/**
 * 405 handlers for every method not in `allowed`, to export from a route file:
 * `export const { PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET", "POST"]);`
 */
export function otherMethods<const A extends readonly Method[]>(dialect: Dialect, allowed: A): Record<Exclude<Method, A[number]>, Refusal> {
  const allow = allowHeader(allowed);
  const handlers: Partial<Record<Method, Refusal>> = {};
  for (const method of METHODS) {
    if (allowed.includes(method)) continue;
    const refuse: Refusal = async (req) =>
      dialect.errorResponse(new RequestRefused(405, "method_not_allowed", `Method "${req.method}" not allowed.`, { Allow: allow }));
    handlers[method] = asRefusal(refuse);
  }
  return handlers as Record<Exclude<Method, A[number]>, Refusal>;
}
