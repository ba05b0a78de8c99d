// Request schemas of the decommission routes and of the pipeline configuration (export/import),
// used by the handlers, the console's forms and the OpenAPI document alike.
import { PIPELINE_TYPES } from "@/lib/vocabulary";
import { z } from "../messages";
import { pipelineName, reason } from "../common-schemas";

export const decommissionRequest = z.object({
  confirm_name: z.string().max(200).describe("The pipeline's name, exactly as written (outer spaces aside)."),
  reason,
});

export const bulkDecommissionRequest = z.object({
  ids: z.array(z.uuid()).min(1).max(500).describe("The pipelines to delete."),
  confirm: z.string().max(100).describe('"delete N pipelines", N being the number of ids ("delete 1 pipeline" for one).'),
  reason,
});

const connectionRef = z.object({
  id: z.string().max(100).describe("The connection's id where it was exported; used when it still exists here."),
  name: z.string().max(200).describe("The connection's name: used when no connection has that id."),
  connector: z.string().max(50),
});

export const pipelineConfigDocument = z.object({
  format: z.literal("sluice.pipeline/1"),
  exported_at: z.string().max(64).optional(),
  pipeline_name: pipelineName,
  pipeline_type: z.enum(PIPELINE_TYPES).default("DEFAULT"),
  description: z.string().max(1000).default(""),
  cron_string: z.string().trim().max(100).nullable().default(null).transform((v) => v || null),
  timezone: z.string().trim().min(1).max(64).default("UTC"),
  jobs: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(100),
        source: connectionRef,
        destination: connectionRef.nullable().default(null),
        config: z.record(z.string(), z.unknown()).default({}),
      }),
    )
    .max(50)
    .default([]),
  sharing: z
    .object({
      shared_to_org: z.boolean().default(false),
      shared_users: z.array(z.string().max(254)).max(1000).default([]).describe("Emails of the people it is shared with."),
    })
    .default({ shared_to_org: false, shared_users: [] }),
});
export type PipelineConfigDocument = z.infer<typeof pipelineConfigDocument>;

export const importPipelineRequest = z.object({
  config: pipelineConfigDocument,
  pipeline_name: pipelineName.optional().describe("A name for the new pipeline instead of the configuration's (when that one is taken)."),
  reason,
});
export type ImportPipelineRequest = z.infer<typeof importPipelineRequest>;
