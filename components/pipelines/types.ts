// The response shapes the pipeline pages read, from the API's own zod schemas (types only:
// the schemas module pulls in server code, so nothing of it may reach the browser bundle).
import type { z } from "zod";
import type { executionLogsResponse, orgExecutionListResponse, orgExecutionResponse } from "@/lib/api/console/responses-org";
import type { createdPipelineResponse, keyResponse, pipelineDetailResponse, pipelineListResponse, pipelineResponse, executionListResponse, executionResponse, sharingResponse, executeResponse } from "@/lib/api/unstract/responses";

export type Pipeline = z.infer<typeof pipelineResponse>;
/** One pipeline read alone: with its jobs. */
export type PipelineDetail = z.infer<typeof pipelineDetailResponse>;
export type PipelineJob = PipelineDetail["jobs"][number];
export type PipelineList = z.infer<typeof pipelineListResponse>;
export type CreatedPipeline = z.infer<typeof createdPipelineResponse>;
export type PipelineKey = z.infer<typeof keyResponse>;
export type Sharing = z.infer<typeof sharingResponse>;
export type Execution = z.infer<typeof executionResponse>;
export type ExecutionList = z.infer<typeof executionListResponse>;
export type OrgExecution = z.infer<typeof orgExecutionResponse>;
export type OrgExecutionList = z.infer<typeof orgExecutionListResponse>;
export type ExecutionLogs = z.infer<typeof executionLogsResponse>;
export type ExecuteAnswer = z.infer<typeof executeResponse>;
export type StorageStatus = Pipeline["storage_status"];

/** What a bulk action needs of each selected row: its name, who owns it, whether the org shares it. */
export type SelectedPipeline = Pick<Pipeline, "pipeline_name" | "created_by" | "shared_to_org">;
