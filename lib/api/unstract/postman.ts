// The Postman v2.1 collection for a pipeline's public trigger.
import type { z } from "zod";
import type { PipelineDetails } from "@/lib/domain/pipelines";
import { apiEndpoint } from "./format";
import type { postmanCollectionResponse } from "./responses";

export const POSTMAN_SCHEMA = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

export function postmanCollection(pipeline: PipelineDetails, origin: string, keyPrefix: string): z.infer<typeof postmanCollectionResponse> {
  const url = `${origin}/${apiEndpoint(pipeline.orgId, pipeline.id)}`;
  return {
    info: {
      name: pipeline.name,
      schema: POSTMAN_SCHEMA,
      description: `Trigger the pipeline "${pipeline.name}" through its public API endpoint.`,
    },
    item: [
      {
        name: "Process pipeline",
        request: {
          method: "POST",
          // Keys are stored hashed, so the collection carries a variable for the key, not the key.
          header: [{ key: "Authorization", value: "Bearer {{api_key}}", type: "text" }],
          body: { mode: "formdata", formdata: [] },
          url: { raw: url },
        },
      },
    ],
    variable: [
      {
        key: "api_key",
        value: "",
        description: `The pipeline's API key (the active key starting ${keyPrefix}…), as shown when it was created.`,
      },
    ],
  };
}
