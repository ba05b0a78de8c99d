// Every Maestro call names its customer in the header `customer_name`. A name alone is not a
// credential: the request must also carry a principal (bearer token or session) of that org.
// Any of the three missing or disagreeing is the same 401 {"msg": "Unauthorized"}.
import type { NextRequest } from "next/server";
import type { Queryable } from "@/db/client";
import { DomainError } from "@/lib/domain/errors";
import type { Principal } from "@/lib/domain/principal";
import { maestroDialect } from "./dialect";
import { resolvePrincipal } from "../principal";
import { publicRoute, type OrgArgs } from "../route";

type Params = Record<string, string>;

export const CUSTOMER_HEADER = "customer_name";

const unauthorized = () => new DomainError("unauthenticated", "Unauthorized");

async function maestroPrincipal(db: Queryable, req: NextRequest): Promise<Principal> {
  const customer = req.headers.get(CUSTOMER_HEADER)?.trim();
  if (!customer) throw unauthorized();
  try {
    // The header names the org: a token must belong to it, a session user must be a member.
    return await resolvePrincipal(db, req, customer);
  } catch (error) {
    if (error instanceof DomainError && (error.code === "unauthenticated" || error.code === "not_found")) throw unauthorized();
    throw error;
  }
}

/** `customer_id` in a body is accepted; when given it must name the same org as the header. */
export function assertCustomer(principal: Principal, customerId: string | undefined): void {
  if (customerId !== undefined && customerId !== principal.orgId) throw unauthorized();
}

export function maestroRoute<P extends Params = Params>(handler: (args: OrgArgs<P>) => Promise<Response>) {
  return publicRoute<P>(maestroDialect, async ({ req, params, db }) => {
    const principal = await maestroPrincipal(db, req);
    return handler({ req, params, db, principal });
  });
}
