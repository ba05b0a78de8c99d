// POST /platform/pipeline/pause {pipeline_id, customer_id?, reason?}
import { pauseRoute } from "@/lib/api/maestro/pause";

export const POST = pauseRoute(false);
