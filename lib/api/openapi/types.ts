// The shape of one documented operation: data that the generator turns into OpenAPI 3.1.
import type { z } from "zod";

/** What the document states of this server's own settings. */
export interface DocumentSettings {
  /** MIN_SCHEDULE_INTERVAL_SECONDS of this server. */
  minScheduleIntervalSeconds: number;
}

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/**
 * Who may call: `principal` is a personal token or the console's session cookie; `pipelineKey`
 * is a pipeline's API key (the public trigger only); `none` needs no credential.
 */
export type AuthKind = "principal" | "pipelineKey" | "session" | "none";

export type Tag =
  | "Pipelines"
  | "Executions"
  | "Pipeline keys"
  | "Trigger"
  | "Maestro"
  | "Storage"
  | "Resources"
  | "Account"
  | "Members"
  | "Tokens"
  | "Events"
  | "Session"
  | "Service";

export interface ResponseSpec {
  description: string;
  /** The body's schema; none for an empty answer (204). */
  schema?: z.ZodType;
  mediaType?: string;
  headers?: Record<string, string>;
}

export interface RequestBodySpec {
  schema: z.ZodType;
  mediaType?: "application/json" | "application/x-www-form-urlencoded";
  /** An empty body counts as `{}`: required only when some field is. */
  required?: boolean;
}

export interface Operation {
  method: HttpMethod;
  /** Exactly as served, with `{name}` for each dynamic folder `[name]` and the documented trailing slash. */
  path: string;
  operationId: string;
  summary: string;
  /** What it does beyond the summary: every operation has one (Spectral's operation-description). */
  description: string;
  tag: Tag;
  auth: AuthKind;
  /** Descriptions of path parameters where the default one (by name) does not say enough. */
  params?: Record<string, string>;
  /**
   * What the path's ids are when not strict uuids: `asWritten`, uuids that may be written with
   * "_" for "-" (Maestro); `objectId`, 24-hex ObjectIds (resources).
   */
  idKind?: "asWritten" | "objectId";
  /** Required request headers, with their descriptions. */
  headers?: Record<string, string>;
  query?: z.ZodObject;
  /** A description for each query parameter. */
  queryDocs?: Record<string, string>;
  body?: RequestBodySpec;
  responses: Record<number, ResponseSpec>;
}
