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
      description:
        `Trigger the pipeline "${pipeline.name}" through its public API endpoint. The request reads the pipeline's ` +
        `API key (the active key starting ${keyPrefix}…, as shown when it was created) from the variable api_key: ` +
        "set it in a Postman environment, or run `newman run <file> --env-var api_key=<key>` (or --global-var).",
    },
    item: [
      {
        name: "Process pipeline",
        request: {
          method: "POST",
          // Keys are stored hashed, so the collection carries a variable for the key, not the key.
          header: [{ key: "Authorization", value: "Bearer {{api_key}}", type: "text" }],
          body: { mode: "formdata", formdata: [] },
          // A string: newman reads an object with only `raw` as "request url is empty".
          url,
        },
      },
    ],
    // No collection variable for api_key: an empty one would win over the key given with
    // --global-var (collection variables rank above globals), so the key could only be set by env.
  };
}
