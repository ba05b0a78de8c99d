// The console's Overview: the org's health in one read. Same auth and error dialect as /api/v1.
import type { z } from "zod";
import type { Operation } from "../openapi/types";
import { error, unauthenticated } from "../unstract/openapi-errors";
import { overviewResponse } from "./responses-overview";

export const overviewOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/orgs/{org_id}/overview",
    operationId: "getOrgOverview",
    summary: "The org's health",
    description:
      "Among the pipelines the caller may see (admins: all of the org's): those whose last run failed, the runs pending or executing, " +
      "the paused ones with who paused them and why, the next ten fire times, the storage in use, and the runs of the last 24 hours " +
      "by status and hour. One read.",
    tag: "Executions",
    auth: "principal",
    responses: {
      200: { description: "The figures, with short lists of what they count.", schema: overviewResponse },
      401: unauthenticated,
      404: error("The org is not the caller's."),
    },
  },
];

export const overviewResponseComponents: Record<string, z.ZodType> = { OrgOverview: overviewResponse };
