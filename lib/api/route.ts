// Every route handler has one shape: parse → authenticate → call the domain → respond; errors
// of any kind leave through the surface's dialect, so a client mistake is never a 500.
import type { NextRequest } from "next/server";
import { getDb, type Db } from "@/db/client";
import { notFound } from "@/lib/domain/errors";
import type { Principal } from "@/lib/domain/principal";
import type { Dialect } from "./dialect";
import { resolvePrincipal } from "./principal";

type Params = Record<string, string>;
// Routes without dynamic segments get no params at all.
type RouteContext<P extends Params> = { params?: Promise<P> };

export interface PublicArgs<P extends Params> {
  req: NextRequest;
  params: P;
  db: Db;
}

export interface OrgArgs<P extends Params> extends PublicArgs<P> {
  principal: Principal;
}

/** A handler that needs no principal (login, health, the key-authenticated trigger). */
export function publicRoute<P extends Params = Params>(
  dialect: Dialect,
  handler: (args: PublicArgs<P>) => Promise<Response>,
  /** The error for a path that can name nothing (the surface's own "not found"). */
  missing: () => Error = () => notFound(),
) {
  return async (req: NextRequest, context: RouteContext<P>): Promise<Response> => {
    try {
      const params = ((await context.params) ?? {}) as P;
      // A path segment with a NUL names nothing that can exist (and Postgres text cannot hold it).
      if (Object.values(params).some((value) => typeof value === "string" && value.includes("\u0000"))) throw missing();
      return await handler({ req, params, db: await getDb() });
    } catch (error) {
      return dialect.errorResponse(error);
    }
  };
}

/**
 * A handler acting for a principal in an org: the org named by the path parameter `org_id`
 * when there is one, else the credential's own org.
 */
export function orgRoute<P extends Params = Params>(
  dialect: Dialect,
  handler: (args: OrgArgs<P>) => Promise<Response>,
) {
  return publicRoute<P>(dialect, async ({ req, params, db }) => {
    const principal = await resolvePrincipal(db, req, params.org_id);
    return handler({ req, params, db, principal });
  });
}
