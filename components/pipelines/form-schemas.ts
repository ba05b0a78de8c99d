// The API's own zod schemas, as the pipeline forms check a value before sending it. Only ever
// imported through loadFormSchemas(): zod and these schemas are the largest part of the
// pipeline pages' JavaScript, and a visit that never edits anything must not download them.
export { createPipelineRequest, patchPipelineRequest } from "@/lib/api/unstract/schemas";
export { pipelineName } from "@/lib/api/common-schemas";
export { readPipelineConfig } from "./config-file";
