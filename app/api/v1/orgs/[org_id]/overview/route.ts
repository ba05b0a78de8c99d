// GET /api/v1/orgs/{org_id}/overview — the org's health among the pipelines the caller may see.
import { v1Dialect } from "@/lib/api/console/dialect";
import { overviewBody } from "@/lib/api/console/format-overview";
import { orgRoute } from "@/lib/api/route";
import { orgHealth } from "@/lib/domain/org-health";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute(v1Dialect, async ({ db, principal }) => Response.json(overviewBody(await orgHealth(db, principal))));

export const { POST, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET"]);
