// Route handlers for a path under an API prefix that names no route: without them Next.js
// answers its HTML 404 page, which a script cannot read. One catch-all route file per prefix
// exports these; Next.js tries every real route (static, then dynamic) before a catch-all.
import type { Dialect } from "./dialect";
import { asRefusal, type Method } from "./methods";

type Handler = (req: Request) => Promise<Response>;

/** The same 404 for every method: an unknown path serves none, so there is no Allow to give. */
export function unknownPath(dialect: Dialect, notFound: (pathname: string) => Error): Record<Method, Handler> {
  const answer: Handler = asRefusal(async (req) => dialect.errorResponse(notFound(new URL(req.url).pathname)));
  return { GET: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer };
}
