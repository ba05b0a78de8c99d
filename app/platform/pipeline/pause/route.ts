// POST /platform/pipeline/pause {pipeline_id, customer_id?, reason?}
import { pauseRoute } from "@/lib/api/maestro/pause";
import { maestroDialect } from "@/lib/api/maestro/dialect";
import { otherMethods } from "@/lib/api/methods";

export const POST = pauseRoute(false);

export const { GET, PUT, PATCH, DELETE } = otherMethods(maestroDialect, ["POST"]);
